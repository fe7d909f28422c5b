import type { Message } from '../api/contract';
import { timeSpan } from '../api/time';

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

/** -1 older, 1 newer, 0 when the values cannot say (equal, or overlapping precision). */
export type VersionOrder = -1 | 0 | 1;

/**
 * Orders two server versions (epoch ms, SAM's clock) only when their values can: a second-precision
 * value (SAM's `datetime('now')`) and a millisecond one in the same second, or two equal values, are
 * unordered, and the caller falls back to request order (which answer was requested later).
 */
export function compareVersions(a: number, b: number): VersionOrder {
  const sa = timeSpan(a);
  const sb = timeSpan(b);
  if (sa.to < sb.from) return -1;
  if (sb.to < sa.from) return 1;
  return 0;
}

/** Orders two exact versions (epoch ms from SAM's `Date.now()`, as on sessions): only equal ones are unordered. */
export function compareExactVersions(a: number, b: number): VersionOrder {
  return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * Is the information learned by `incoming` newer than `held`? By server version when both have one and
 * the versions can be ordered; otherwise by request order (`stamp`: when the request that brought it
 * started, or when a live event was applied; a later stamp reflects a later server state).
 */
export function isNewerVersioned(held: Versioned, incoming: Versioned, compare: (a: number, b: number) => VersionOrder = compareVersions): boolean {
  if (held.version != null && incoming.version != null) {
    const order = compare(incoming.version, held.version);
    if (order !== 0) return order > 0;
  }
  return incoming.stamp > held.stamp;
}

export interface Versioned {
  /** The server's version of the information (SAM's clock), when it sent one. */
  readonly version?: number | null;
  /** When Lookout asked for it (request start) or received it (live event), from one increasing clock. */
  readonly stamp: number;
}
