import { useExpanded } from '../useExpanded';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { PlainText } from '../markdown/Markdown';
import type { ItemOf } from './itemTypes';

/** The preview: at most a line's worth, however long the thinking (it is cut by CSS anyway). */
function firstLine(text: string): string {
  const head = text.trimStart().slice(0, 300);
  return head.split('\n', 1)[0] ?? '';
}

/** The agent's reasoning, folded away by default with its first line as a preview. */
export function ThinkingBlock({ item }: { item: ItemOf<'thinking'> }) {
  const [open, setOpen] = useExpanded(`${item.id}:thinking`);
  const regionId = `thinking-${item.id}`;
  const preview = firstLine(item.text);
  return (
    <div className="min-w-0 text-muted">
      <DisclosureButton open={open} onToggle={setOpen} controls={regionId} className="max-w-full px-1">
        <span className="shrink-0 font-medium">Thinking</span>
        {!open && <span className="min-w-0 truncate italic">{preview}</span>}
      </DisclosureButton>
      <div id={regionId} hidden={!open} className="mt-1 border-l-2 border-line pl-3 text-sm italic">
        {open && <PlainText text={item.text} />}
      </div>
    </div>
  );
}
