import { Button } from '../../../ui/Button';
import { useNow } from '../../../ui/useNow';
import type { ConversationItem, SessionEntry } from '../../../reconcile/types';
import { chatToMarkdown, exportFileName } from '../export/chatToMarkdown';
import { downloadText } from '../export/download';

interface ExportButtonProps {
  projectId: string;
  entry: SessionEntry;
  items: readonly ConversationItem[];
  hasEarlier: boolean;
}

/** "Export as Markdown": the loaded conversation as a .md file (export/chatToMarkdown.ts). */
export function ExportButton({ projectId, entry, items, hasEarlier }: ExportButtonProps) {
  const now = useNow();
  const { session, view } = entry;
  function exportChat() {
    const markdown = chatToMarkdown({
      title: session.topic,
      projectId,
      projectName: null,
      sessionId: session.id,
      taskId: session.taskId,
      stateLabel: view.label,
      items,
      hasEarlier,
      exportedAt: now,
    });
    downloadText(exportFileName(session.topic, session.id), markdown);
  }
  return (
    <Button onClick={exportChat} className="self-start">
      Export as Markdown
    </Button>
  );
}
