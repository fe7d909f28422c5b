import type { DisplayState, SessionView } from './types';

/*
 * How the sessions sidebar groups a project's sessions. A person scanning the list wants, in order:
 * what waits on them, what is running, what happened lately, and the rest.
 */

export type SessionGroupKey = 'needs_you' | 'working' | 'recent' | 'older';

export const SESSION_GROUP_ORDER: readonly SessionGroupKey[] = ['needs_you', 'working', 'recent', 'older'];

/** Sessions active within this window (before `now`) are "Recent"; the rest are "Older". */
export const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What grouping reads from an entry; the live layer's SessionEntry fits it. */
export interface GroupableEntry {
  view: Pick<SessionView, 'state'>;
  lastActivityAt: number | null;
}

export interface SessionGroup<E extends GroupableEntry> {
  key: SessionGroupKey;
  entries: E[];
}

const NEEDS_YOU: ReadonlySet<DisplayState> = new Set(['needs_input']);
/** Waking counts as working: the agent is on its way back and the person has nothing to do. */
const WORKING: ReadonlySet<DisplayState> = new Set(['working', 'waking']);

export function sessionGroupOf(entry: GroupableEntry, now: number): SessionGroupKey {
  if (NEEDS_YOU.has(entry.view.state)) return 'needs_you';
  if (WORKING.has(entry.view.state)) return 'working';
  const at = entry.lastActivityAt;
  return at !== null && now - at < RECENT_WINDOW_MS ? 'recent' : 'older';
}

/** Newest activity first; unknown activity last; ties keep the input order (the sort is stable). */
function byLastActivityDesc(a: GroupableEntry, b: GroupableEntry): number {
  return (b.lastActivityAt ?? -Infinity) - (a.lastActivityAt ?? -Infinity) || 0;
}

/** The non-empty groups in display order, each sorted by latest activity. */
export function groupSessions<E extends GroupableEntry>(entries: readonly E[], now: number): SessionGroup<E>[] {
  const buckets = new Map<SessionGroupKey, E[]>(SESSION_GROUP_ORDER.map((key) => [key, []]));
  for (const entry of entries) buckets.get(sessionGroupOf(entry, now))!.push(entry);
  return SESSION_GROUP_ORDER.flatMap((key) => {
    const grouped = buckets.get(key)!;
    return grouped.length === 0 ? [] : [{ key, entries: grouped.sort(byLastActivityDesc) }];
  });
}

/** Whether a session's topic matches a search, ignoring case and surrounding space. An empty search matches all. */
export function topicMatches(topic: string | null, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return (topic ?? '').toLocaleLowerCase().includes(needle);
}
