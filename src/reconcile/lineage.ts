import type { Task } from '../api/contract';
import type { Lineage, SessionEntry, SessionView } from './types';

/*
 * Where a task came from. SAM stores lineage only as `parentTaskId` (a soft link) and does not say
 * whether a child is a retry or a fork, so Lookout decides it with the named rules below.
 */

type LineageTask = Pick<Task, 'id' | 'parentTaskId' | 'triggeredBy' | 'dispatchDepth' | 'title' | 'status' | 'createdAt'>;

/** An agent dispatched it (through MCP, or from inside another task): a subtask, not a retry or fork. */
export function isAgentSubtask(task: Pick<Task, 'triggeredBy' | 'dispatchDepth'>): boolean {
  return task.triggeredBy === 'mcp' || (task.dispatchDepth ?? 0) > 0;
}

const normalTitle = (title: string | null) => (title ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * A retry runs the same work again after it did not succeed: the parent failed or was cancelled, and
 * the child carries the parent's title (a retry resubmits the original request with a summary of the
 * attempt; a fork asks for something new, so its title is the new message). Everything else is a fork.
 * Judged against the newest parent snapshot held; an unknown parent makes a fork with no title.
 */
export function isRetryOf(child: Pick<Task, 'title'>, parent: Pick<Task, 'title' | 'status'> | undefined): boolean {
  if (!parent || (parent.status !== 'failed' && parent.status !== 'cancelled')) return false;
  return normalTitle(child.title) !== '' && normalTitle(child.title) === normalTitle(parent.title);
}

const byCreation = (a: LineageTask, b: LineageTask) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Children per parent id, computed once per tasks map (lineage is asked for every session row). */
const childrenIndexes = new WeakMap<ReadonlyMap<string, LineageTask>, Map<string, LineageTask[]>>();

function childrenOf(tasksById: ReadonlyMap<string, LineageTask>, parentId: string): LineageTask[] {
  let index = childrenIndexes.get(tasksById);
  if (!index) {
    index = new Map();
    for (const task of tasksById.values()) {
      if (task.parentTaskId === null) continue;
      const siblings = index.get(task.parentTaskId) ?? [];
      siblings.push(task);
      index.set(task.parentTaskId, siblings);
    }
    for (const siblings of index.values()) siblings.sort(byCreation);
    childrenIndexes.set(tasksById, index);
  }
  return index.get(parentId) ?? [];
}

/**
 * The lineage of `task`. Attempt N counts the retries of the same parent in createdAt order, starting
 * at 2 for the first retry (the parent was attempt 1).
 */
export function lineage(task: LineageTask | null, tasksById: ReadonlyMap<string, LineageTask>, sessionsByTaskId: ReadonlyMap<string, { id: string }>): Lineage {
  if (!task || task.parentTaskId === null) return ROOT;
  const parentTaskId = task.parentTaskId;
  if (isAgentSubtask(task)) return { kind: 'subtask', parentTaskId };
  const parent = tasksById.get(parentTaskId);
  const parentTitle = parent ? parent.title || null : null;
  const parentSessionId = sessionsByTaskId.get(parentTaskId)?.id ?? null;
  if (!isRetryOf(task, parent)) {
    return { kind: 'fork', parentTaskId, parentTitle, parentSessionId, attempt: null, text: `⑂ from ${parentTitle ?? 'an earlier task'}` };
  }
  const retries = childrenOf(tasksById, parentTaskId).filter((sibling) => !isAgentSubtask(sibling) && isRetryOf(sibling, parent));
  const position = retries.findIndex((sibling) => sibling.id === task.id);
  const attempt = (position === -1 ? retries.length : position) + 2;
  return { kind: 'retry', parentTaskId, parentTitle, parentSessionId, attempt, text: `↩ attempt ${attempt}` };
}

const ROOT: Lineage = { kind: 'root' };

/** A retry or fork started from a task: the other direction of `lineage`. */
export interface LineageChild {
  kind: 'retry' | 'fork';
  taskId: string;
  title: string | null;
  sessionId: string;
  /** For retries: 2 for the first, as `lineage` numbers them. */
  attempt: number | null;
  /** The child's displayed state: its own entry's sessionView. */
  view: SessionView;
}

/**
 * The retries and forks of `entry`'s task among `entries` (agent subtasks are not its lineage), oldest
 * first, each with the state its own entry shows. Retries are numbered like `lineage` numbers them.
 */
export function lineageChildren(entry: SessionEntry, entries: readonly SessionEntry[]): LineageChild[] {
  const parent = entry.task;
  if (!parent) return [];
  const children = entries
    .filter((other): other is SessionEntry & { task: Task } => other.task?.parentTaskId === parent.id && !isAgentSubtask(other.task))
    .sort((a, b) => byCreation(a.task, b.task));
  let retries = 0;
  return children.map(({ task, session, view, lineage: own }) => {
    const retry = isRetryOf(task, parent);
    if (retry) retries += 1;
    // The child's own lineage numbers it against every task held; this count only sees `entries`.
    const attempt = retry ? (own.kind === 'retry' && own.attempt !== null ? own.attempt : retries + 1) : null;
    return { kind: retry ? 'retry' : 'fork', taskId: task.id, title: task.title || null, sessionId: session.id, attempt, view };
  });
}

/** The newest retry that has not ended, if any: retrying again would run the same work twice. */
export function runningRetry<Child extends LineageChild>(children: readonly Child[]): Child | null {
  let newest: Child | null = null;
  for (const child of children) if (child.kind === 'retry' && !child.view.ended) newest = child;
  return newest;
}

/** "Retried as attempt 2 (Working)", "Forked as Add a changelog (Idle)". */
export function describeChild(child: LineageChild): string {
  const state = ` (${child.view.label})`;
  if (child.kind === 'retry') return `Retried as attempt ${child.attempt ?? 2}${state}`;
  return `Forked as ${child.title ?? 'a new task'}${state}`;
}
