import { PlainText } from '../markdown/Markdown';
import type { ItemOf } from './itemTypes';

/** A message of a role Lookout does not know yet: shown plainly with its role, never dropped. */
export function UnknownItem({ item }: { item: ItemOf<'unknown'> }) {
  return (
    <div className="min-w-0 rounded-md border border-dashed border-line p-2 text-sm">
      <p className="font-mono text-xs text-muted">{item.role}</p>
      <PlainText text={item.text} />
    </div>
  );
}
