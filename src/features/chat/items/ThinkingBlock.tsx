import { useExpanded } from '../useExpanded';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { PlainText } from '../markdown/Markdown';
import type { ItemOf } from './itemTypes';

/** The agent's reasoning, folded away by default with its first line as a preview. */
export function ThinkingBlock({ item }: { item: ItemOf<'thinking'> }) {
  const [open, setOpen] = useExpanded(`${item.id}:thinking`);
  const regionId = `thinking-${item.id}`;
  const preview = item.text.trimStart().split('\n', 1)[0] ?? '';
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
