import type { QueryClient } from '@tanstack/react-query';
import type { SessionList, Task } from '../api/contract';
import { lineage } from '../reconcile/lineage';
import { sessionView } from '../reconcile/sessionView';
import { heldTaskFacts, heldTaskRow } from '../reconcile/taskSnapshots';
import type { HeldTask } from '../reconcile/taskSnapshots';
import type { Lineage, SessionEntry, SessionView, StreamFacts, TaskContext } from '../reconcile/types';
import type { SessionFactsEntry, TaskSnapshotsEntry } from './cacheEntries';

/*
 * SessionEntry = one session joined with its task and derived once (sessionView, lineage). Entries are
 * memoised per QueryClient and project, so the sidebar and the chat header get the very same object,
 * and an entry whose inputs did not change keeps its identity (its row does not re-render).
 */

export interface EntryInputs {
  facts: SessionFactsEntry;
  snapshots: TaskSnapshotsEntry;
  stream: StreamFacts;
  now: number;
  /** Tasks whose lookup failed (shown as unknown, not as loading). */
  failedTaskLookups?: ReadonlySet<string>;
}

const tasksByIdCache = new WeakMap<TaskSnapshotsEntry, Map<string, Task>>();
const sessionsByTaskCache = new WeakMap<SessionFactsEntry, Map<string, { id: string }>>();

function tasksById(snapshots: TaskSnapshotsEntry): Map<string, Task> {
  let map = tasksByIdCache.get(snapshots);
  if (!map) {
    map = new Map();
    for (const [id, held] of snapshots) {
      const row = heldTaskRow(held);
      if (row) map.set(id, row);
    }
    tasksByIdCache.set(snapshots, map);
  }
  return map;
}

function sessionsByTaskId(facts: SessionFactsEntry): Map<string, { id: string }> {
  let map = sessionsByTaskCache.get(facts);
  if (!map) {
    map = new Map();
    for (const [id, record] of facts.records) if (record.facts.taskId) map.set(record.facts.taskId, { id });
    sessionsByTaskCache.set(facts, map);
  }
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

type Memo = Map<string, SessionEntry>;
const memos = new WeakMap<QueryClient, Map<string, Memo>>();

export function entryMemo(client: QueryClient, projectId: string): Memo {
  let byProject = memos.get(client);
  if (!byProject) memos.set(client, (byProject = new Map()));
  let memo = byProject.get(projectId);
  if (!memo) byProject.set(projectId, (memo = new Map()));
  return memo;
}

export function buildEntry(memo: Memo, inputs: EntryInputs, sessionId: string): SessionEntry | null {
  const record = inputs.facts.records.get(sessionId);
  if (!record) return null;
  const session = record.facts;
  const held = session.taskId ? inputs.snapshots.get(session.taskId) : undefined;
  const task = heldTaskRow(held);
  const previous = memo.get(sessionId);
  const context = taskContext(session.taskId, held, inputs.failedTaskLookups);
  let view: SessionView = sessionView(session, heldTaskFacts(held), inputs.stream, inputs.now, context);
  if (previous && sameShallow(previous.view, view)) view = previous.view;
  let lin: Lineage = lineage(task, tasksById(inputs.snapshots), sessionsByTaskId(inputs.facts));
  if (previous && sameShallow(previous.lineage, lin)) lin = previous.lineage;
  const lastActivityAt = session.lastMessageAt ?? session.startedAt ?? session.createdAt;
  if (previous && previous.session === session && previous.task === task && previous.view === view && previous.lineage === lin && previous.lastActivityAt === lastActivityAt) {
    return previous;
  }
  const entry: SessionEntry = { session, task, view, lineage: lin, lastActivityAt };
  memo.set(sessionId, entry);
  return entry;
}

const lastLists = new WeakMap<Memo, SessionEntry[]>();

/** Entries of `ids`, in order: the same array as last time when every entry is the same object. */
export function buildEntries(memo: Memo, inputs: EntryInputs, ids: readonly string[]): SessionEntry[] {
  const next = ids.map((id) => buildEntry(memo, inputs, id)).filter((entry): entry is SessionEntry => entry !== null);
  const previous = lastLists.get(memo);
  if (previous && previous.length === next.length && previous.every((entry, i) => entry === next[i])) return previous;
  lastLists.set(memo, next);
  return next;
}

/** The sidebar's order: sessions announced live and not yet in the list first (newest first), then the list's order. */
export function listedSessionIds(pages: readonly SessionList[], facts: SessionFactsEntry): string[] {
  const listed = new Set<string>();
  for (const page of pages) for (const row of page.sessions) listed.add(row.id);
  const fresh = [...facts.createdLive].filter(([id]) => !listed.has(id)).sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return [...fresh, ...listed];
}

/** Task ids the entries need and no snapshot holds: their sessions' tasks, and the parents lineage names. */
export function missingTaskIds(sessionIds: readonly string[], facts: SessionFactsEntry, snapshots: TaskSnapshotsEntry): string[] {
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
