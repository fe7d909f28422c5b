import { useExpanded } from '../useExpanded';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { PlainText } from '../markdown/Markdown';
import type { ItemOf } from './itemTypes';

/** A message from the platform, not the agent: folded to one line, since it is rarely read. */
export function SystemNote({ item }: { item: ItemOf<'system'> }) {
  const [open, setOpen] = useExpanded(`${item.id}:system`);
  const regionId = `system-${item.id}`;
  const preview = item.text.trim().split('\n', 1)[0] ?? '';
  return (
    <div className="min-w-0 text-sm text-muted">
      <DisclosureButton open={open} onToggle={setOpen} controls={regionId} className="max-w-full px-1">
        <span className="shrink-0 font-medium">System</span>
        {!open && <span className="min-w-0 truncate">{preview}</span>}
      </DisclosureButton>
      <div id={regionId} hidden={!open} className="mt-1 rounded-md bg-raised p-2 font-mono text-xs">
        {open && <PlainText text={item.text} />}
      </div>
    </div>
  );
}
