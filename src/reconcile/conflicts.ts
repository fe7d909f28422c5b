import { TASK_STATUSES, TERMINAL_TASK_STATUSES, type TerminalTaskStatus } from '../api/contract/enums';
import { compareExactVersions, compareVersions, isNewerVersioned, type Versioned } from './order';
import type { HeldTask, SessionFacts, TaskContext, TaskFacts, TaskSnapshot } from './types';

/*
 * The conflict rules of the core, each a named predicate with its reason: when two sources disagree,
 * which one wins. The merges (sessionFacts, taskSnapshots) and sessionView's precedence ask these.
 */

export function isTerminalTaskStatus(status: string | undefined): status is TerminalTaskStatus {
  return status !== undefined && (TERMINAL_TASK_STATUSES as readonly string[]).includes(status);
}

/**
 * Does a value learned at `incoming` replace the one learned at `held`? Only a newer one does: by server
 * version when both have one that orders them, else by stamp (request or receipt order).
 */
export function isNewerFact(held: Versioned | undefined, incoming: Versioned): boolean {
  return held === undefined || isNewerVersioned(held, incoming, compareExactVersions);
}

/**
 * Is `incoming` newer than what is held? Two full rows compare by `updatedAt` (the server's own order,
 * so a stale REST page cannot roll back a newer one, and a failed task sent back to `ready` is followed)
 * when the values can be ordered. They cannot when they are equal, or when one has whole-second
 * precision (SAM's `datetime('now')` on some failure paths) and the other falls in that second
 * (Corrections 6): then, as when either side has no version (an embedded snapshot), the answer to the
 * request that started later wins, since it reflects a later server state.
 */
export function isNewerTaskSnapshot(held: HeldTask | undefined, incoming: TaskSnapshot): boolean {
  if (!held) return true;
  const version = incoming.kind === 'full' ? incoming.task.updatedAt : null;
  return isNewerVersioned({ version: held.updatedAt, stamp: held.asOf }, { version, stamp: incoming.asOf });
}

/** Invariant 2: a task that is completed, failed or cancelled decides, over the row and any session event. */
export function terminalTaskWins(task: TaskFacts): boolean {
  return isTerminalTaskStatus(task.status);
}

/**
 * A failed session whose task SAM sent back to work (failed -> ready -> queued -> ..., retried in place):
 * the row keeps saying `failed` until the agent is woken, so a non-terminal task newer than the
 * session's failure wins. Newer by server version (task `updatedAt` against the row's `endedAt`) when
 * those can be ordered; otherwise (a live `session.failed` carries no time, an embedded task no version)
 * only when the task was seen leaving a terminal state. Request order cannot tell here: a task learned
 * after the failure may still be the in_progress it was before it.
 */
export function requeuedTaskWins(s: SessionFacts, task: TaskFacts, context: TaskContext): boolean {
  if (s.status !== 'failed' || isTerminalTaskStatus(task.status) || !(TASK_STATUSES as readonly string[]).includes(task.status)) return false;
  const order = task.updatedAt != null && s.endedAt !== null ? compareVersions(task.updatedAt, s.endedAt) : 0;
  return order !== 0 ? order > 0 : context.taskLeftTerminal;
}
