import type { SessionRow } from '../api/contract';
import type { DisplayState, SessionView } from './types';

/*
 * How the sessions sidebar groups and orders a project's sessions. A person scanning the list wants, in
 * order: what waits on them, what is running, what happened lately, and the rest. Inside a group, rows
 * stay put: they are ordered by when the chat started (newest first), never by its latest activity, so
 * agents streaming output do not shuffle the list under a reader's eyes or pointer. A row moves only when
 * it changes group, and a new chat only adds a row.
 */

export type SessionGroupKey = 'needs_you' | 'working' | 'recent' | 'older';

export const SESSION_GROUP_ORDER: readonly SessionGroupKey[] = ['needs_you', 'working', 'recent', 'older'];

/** Sessions active within this window (before `now`) are "Recent"; the rest are "Older". */
export const RECENT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** What grouping reads from an entry; the live layer's SessionEntry fits it. */
export interface GroupableEntry {
  session: Pick<SessionRow, 'id' | 'startedAt' | 'createdAt'>;
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

/** When the chat started, as far as its row tells (SAM may send a null `createdAt`). */
const startOf = (entry: GroupableEntry): number => entry.session.startedAt ?? entry.session.createdAt ?? -Infinity;

/** Newest start first, unknown start last, then by id: a total order that activity cannot change. */
function byStartDesc(a: GroupableEntry, b: GroupableEntry): number {
  const byStart = startOf(b) - startOf(a);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  return a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0;
}

/** The non-empty groups in display order, each sorted by start time, newest first. */
export function groupSessions<E extends GroupableEntry>(entries: readonly E[], now: number): SessionGroup<E>[] {
  const buckets = new Map<SessionGroupKey, E[]>(SESSION_GROUP_ORDER.map((key) => [key, []]));
  for (const entry of entries) buckets.get(sessionGroupOf(entry, now))!.push(entry);
  return SESSION_GROUP_ORDER.flatMap((key) => {
    const grouped = buckets.get(key)!;
    return grouped.length === 0 ? [] : [{ key, entries: grouped.sort(byStartDesc) }];
  });
}

/** Which rows a list shows in which group, in order: what a person is looking at. */
export type GroupLayout = ReadonlyMap<SessionGroupKey, readonly string[]>;

export function layoutOf(groups: readonly SessionGroup<GroupableEntry>[]): GroupLayout {
  return new Map(groups.map((group) => [group.key, group.entries.map((entry) => entry.session.id)]));
}

export interface HeldGroups<E extends GroupableEntry> {
  groups: SessionGroup<E>[];
  /** Chats not where the held layout shows them: in another group now, or new. */
  moved: number;
}

/**
 * The current entries laid out as `held` shows them, for while a pointer is on the list: every row keeps
 * its group and place (with its current content), a chat that is gone leaves, and a new one waits.
 */
export function holdLayout<E extends GroupableEntry>(held: GroupLayout, groups: readonly SessionGroup<E>[]): HeldGroups<E> {
  const current = new Map<string, { entry: E; key: SessionGroupKey }>();
  for (const group of groups) for (const entry of group.entries) current.set(entry.session.id, { entry, key: group.key });
  let stayed = 0;
  const heldGroups = SESSION_GROUP_ORDER.flatMap((key) => {
    const entries: E[] = [];
    for (const id of held.get(key) ?? []) {
      const found = current.get(id);
      if (!found) continue;
      entries.push(found.entry);
      if (found.key === key) stayed += 1;
    }
    return entries.length === 0 ? [] : [{ key, entries }];
  });
  return { groups: heldGroups, moved: current.size - stayed };
}

/** Whether a session's topic matches a search, ignoring case and surrounding space. An empty search matches all. */
export function topicMatches(topic: string | null, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (needle === '') return true;
  return (topic ?? '').toLocaleLowerCase().includes(needle);
}
