import type { Message } from '../api/contract';

/** What orders messages: SAM's display order is createdAt, then sequence, then id. */
export type MessageKey = Pick<Message, 'createdAt' | 'sequence' | 'id'>;

/**
 * Display order of two messages: createdAt, then sequence (old rows without one first), then id by
 * code unit (never locale: the order must be the same on every machine).
 */
export function compareMessages(a: MessageKey, b: MessageKey): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  const sa = a.sequence ?? -Infinity;
  const sb = b.sequence ?? -Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** Sorts a copy in display order and keeps the first of each id. */
export function sortUnique<M extends MessageKey>(messages: readonly M[]): M[] {
  const seen = new Set<string>();
  const out: M[] = [];
  for (const m of [...messages].sort(compareMessages)) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    out.push(m);
  }
  return out;
}
