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

/**
 * "Export as Markdown": the loaded conversation as a .md file (export/chatToMarkdown.ts). An icon beside
 * "Copy link" in the header's first row: a row of its own in Details took the phone's conversation below half
 * the screen.
 */
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
    <button
      type="button"
      onClick={exportChat}
      aria-label="Export as Markdown"
      title="Export as Markdown"
      className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center rounded-md text-muted hover:bg-raised hover:text-fg pointer-fine:min-h-8 pointer-fine:min-w-8"
    >
      <DownloadIcon />
    </button>
  );
}

function DownloadIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M10 3v10M6 9l4 4 4-4M4 16h12" />
    </svg>
  );
}
