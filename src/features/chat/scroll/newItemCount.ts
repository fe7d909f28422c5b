import type { ConversationItem } from '../../../reconcile/types';

/**
 * How many items arrived after the reader left the end of the conversation: the trailing items newer
 * than the last one they saw. Compared by time, not id, because an optimistic send changes its id when
 * the server confirms it. Scans from the end, so it costs the number of new items, not the session size.
 */
export function newItemCount(items: readonly ConversationItem[], seenUntil: number | null): number {
  if (seenUntil === null) return 0;
  let count = 0;
  for (let i = items.length - 1; i >= 0 && items[i]!.createdAt > seenUntil; i--) count++;
  return count;
}
