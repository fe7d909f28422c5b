import type { Task } from '../api/contract';
import { lineage } from '../reconcile/lineage';
import { sessionView } from '../reconcile/sessionView';
import { heldTaskFacts, heldTaskRow } from '../reconcile/taskSnapshots';
import type { HeldTask } from '../reconcile/taskSnapshots';
import type { Lineage, SessionEntry, SessionView, StreamFacts, TaskContext } from '../reconcile/types';
import type { SessionFactsCache, TaskSnapshotsCache } from './normalisedCaches';
import type { SessionListPaging } from './queries';

/*
 * SessionEntry = one session joined with its task and derived once (sessionView, lineage). Entries are
 * memoised per engine and project, so the sidebar and the chat header get the very same object,
 * and an entry whose inputs did not change keeps its identity (its row does not re-render).
 */

export interface SessionEntryInputs {
  facts: SessionFactsCache;
  snapshots: TaskSnapshotsCache;
  stream: StreamFacts;
  now: number;
  /** Tasks whose lookup failed (shown as unknown, not as loading). */
  failedTaskLookups?: ReadonlySet<string>;
  /** The stall preference in ms (sessionView's default when absent; 0 = off). */
  stallAfterMs?: number;
}

/**
 * What one project's entries remember between reads, per engine: the last entry of each session (so an
 * unchanged one keeps its identity), the last list, and the two lookups lineage needs, each kept for the
 * cache value it was built from.
 */
export interface SessionEntryMemo {
  readonly entries: Map<string, SessionEntry>;
  lastList: SessionEntry[] | null;
  tasksById: { of: TaskSnapshotsCache; map: Map<string, Task> } | null;
  sessionsByTaskId: { of: SessionFactsCache; map: Map<string, { id: string }> } | null;
}

export function createSessionEntryMemo(): SessionEntryMemo {
  return { entries: new Map(), lastList: null, tasksById: null, sessionsByTaskId: null };
}

function tasksById(memo: SessionEntryMemo, snapshots: TaskSnapshotsCache): Map<string, Task> {
  if (memo.tasksById?.of === snapshots) return memo.tasksById.map;
  const map = new Map<string, Task>();
  for (const [id, held] of snapshots) {
    const row = heldTaskRow(held);
    if (row) map.set(id, row);
  }
  memo.tasksById = { of: snapshots, map };
  return map;
}

function sessionsByTaskId(memo: SessionEntryMemo, facts: SessionFactsCache): Map<string, { id: string }> {
  if (memo.sessionsByTaskId?.of === facts) return memo.sessionsByTaskId.map;
  const map = new Map<string, { id: string }>();
  for (const [id, record] of facts.records) if (record.facts.taskId) map.set(record.facts.taskId, { id });
  memo.sessionsByTaskId = { of: facts, map };
  return map;
}

function sameShallow<T extends object>(a: T, b: T): boolean {
  const ka = Object.keys(a) as Array<keyof T>;
  return ka.length === Object.keys(b).length && ka.every((key) => Object.is(a[key], b[key]));
}

/** What sessionView needs beside the task's facts: why they are missing, and whether the task left a terminal state. */
export function taskContext(taskId: string | null, held: HeldTask | undefined, failedLookups: ReadonlySet<string> | undefined): TaskContext {
  return { lookup: taskId !== null && failedLookups?.has(taskId) ? 'failed' : 'loading', taskLeftTerminal: held?.leftTerminal ?? false };
}

export function buildEntry(memo: SessionEntryMemo, inputs: SessionEntryInputs, sessionId: string): SessionEntry | null {
  const record = inputs.facts.records.get(sessionId);
  if (!record) return null;
  const session = record.facts;
  const held = session.taskId ? inputs.snapshots.get(session.taskId) : undefined;
  const task = heldTaskRow(held);
  const previous = memo.entries.get(sessionId);
  const context = taskContext(session.taskId, held, inputs.failedTaskLookups);
  let view: SessionView = sessionView(session, heldTaskFacts(held), inputs.stream, inputs.now, context, inputs.stallAfterMs);
  if (previous && sameShallow(previous.view, view)) view = previous.view;
  let lin: Lineage = lineage(task, tasksById(memo, inputs.snapshots), sessionsByTaskId(memo, inputs.facts));
  if (previous && sameShallow(previous.lineage, lin)) lin = previous.lineage;
  const lastActivityAt = session.lastMessageAt ?? session.startedAt ?? session.createdAt;
  if (
    previous &&
    previous.session === session &&
    previous.task === task &&
    previous.view === view &&
    previous.lineage === lin &&
    previous.lastActivityAt === lastActivityAt
  ) {
    return previous;
  }
  const entry: SessionEntry = { session, task, view, lineage: lin, lastActivityAt };
  memo.entries.set(sessionId, entry);
  return entry;
}

/** Entries of `ids`, in order: the same array as last time when every entry is the same object. */
export function buildEntries(memo: SessionEntryMemo, inputs: SessionEntryInputs, ids: readonly string[]): SessionEntry[] {
  const next = ids.map((id) => buildEntry(memo, inputs, id)).filter((entry): entry is SessionEntry => entry !== null);
  const previous = memo.lastList;
  if (previous && previous.length === next.length && previous.every((entry, i) => entry === next[i])) return previous;
  memo.lastList = next;
  return next;
}

/** The sidebar's order: sessions announced live and not yet in the list first (newest first), then the list's order. */
export function listedSessionIds(pages: readonly SessionListPaging[], facts: SessionFactsCache): string[] {
  const listed = new Set<string>();
  for (const page of pages) for (const id of page.sessionIds) listed.add(id);
  const fresh = [...facts.createdLive]
    .filter(([id]) => !listed.has(id))
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => id);
  return [...fresh, ...listed];
}

/** Task ids the entries need and no snapshot holds: their sessions' tasks, and the parents lineage names. */
export function missingTaskIds(sessionIds: readonly string[], facts: SessionFactsCache, snapshots: TaskSnapshotsCache): string[] {
  const missing = new Set<string>();
  for (const id of sessionIds) {
    const taskId = facts.records.get(id)?.facts.taskId;
    if (!taskId) continue;
    const held = snapshots.get(taskId);
    // Only an embedded snapshot held: the full row (title, parent) is still needed for lineage.
    if (!held?.task) missing.add(taskId);
    const parent = held?.task?.parentTaskId;
    if (parent && !snapshots.has(parent)) missing.add(parent);
  }
  return [...missing];
}
