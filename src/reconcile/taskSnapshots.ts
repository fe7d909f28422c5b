import type { EmbeddedTask, Task } from '../api/contract';
import { TERMINAL_TASK_STATUSES } from '../api/contract/enums';
import { isNewerVersioned } from './order';
import type { TaskFacts } from './types';

/*
 * The newest thing known about each task, whichever route it came from: a tasks-list page, the task
 * detail route, or the task embedded in a session detail (which has no updatedAt). Invariant 3: a
 * snapshot never replaces newer information. Stamps (`asOf`) come from the stream's monotonic clock and
 * mark when the request that brought a snapshot STARTED: the server's answer reflects at least that moment.
 */

export type TaskSnapshot =
  | { kind: 'full'; task: Task; asOf: number }
  | { kind: 'embedded'; task: EmbeddedTask; asOf: number };

export interface HeldTask {
  /** The newest full row held (title, parent, times), or null when only an embedded snapshot was seen. */
  readonly task: Task | null;
  /** An embedded snapshot newer than `task`: its fields overlay the row's. */
  readonly overlay: EmbeddedTask | null;
  /** The server version (`updatedAt`) of the newest information, or null when an embedded snapshot (no version) is newest. */
  readonly updatedAt: number | null;
  /** When the request behind the newest information started. */
  readonly asOf: number;
  /**
   * The task was seen terminal and then, in a newer snapshot, not: SAM sent it back to work (failed ->
   * ready -> queued ..., retried in place). Cleared when it is seen terminal again.
   */
  readonly leftTerminal: boolean;
}

const isTerminal = (status: string | undefined) => status !== undefined && (TERMINAL_TASK_STATUSES as readonly string[]).includes(status);

function leavesTerminal(held: HeldTask | undefined, status: string): boolean {
  if (!held || isTerminal(status)) return false;
  return held.leftTerminal || isTerminal(heldTaskFacts(held)?.status);
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

function sameRow(a: Task, b: Task): boolean {
  const keys = Object.keys(a) as Array<keyof Task>;
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

const OVERLAY_FIELDS = [
  'status',
  'executionStep',
  'errorMessage',
  'outputBranch',
  'outputPrUrl',
  'outputSummary',
  'finalizedAt',
  'taskMode',
  'agentProfileHint',
] as const;

function overlayChanges(held: HeldTask, incoming: EmbeddedTask): boolean {
  const current = held.overlay ?? held.task;
  if (!current) return true;
  return OVERLAY_FIELDS.some((field) => current[field] !== incoming[field]);
}

/** The held snapshot after `incoming`: the same object when `incoming` is not newer. */
export function mergeTaskSnapshot(held: HeldTask | undefined, incoming: TaskSnapshot): HeldTask {
  if (held && !isNewerTaskSnapshot(held, incoming)) return held;
  const leftTerminal = leavesTerminal(held, incoming.task.status);
  if (incoming.kind === 'full') {
    const task = held?.task && held.overlay === null && sameRow(held.task, incoming.task) ? held.task : incoming.task;
    return { task, overlay: null, updatedAt: incoming.task.updatedAt, asOf: incoming.asOf, leftTerminal };
  }
  // No version on an embedded snapshot: from now on only a request that started later can replace it.
  const overlay = !held || overlayChanges(held, incoming.task) ? incoming.task : held.overlay;
  return { task: held?.task ?? null, overlay, updatedAt: null, asOf: incoming.asOf, leftTerminal };
}

const rows = new WeakMap<Task, WeakMap<EmbeddedTask, Task>>();

/** The task row to show: the full row with a newer embedded snapshot laid over it (same object while neither changes). */
export function heldTaskRow(held: HeldTask | undefined): Task | null {
  if (!held?.task) return null;
  if (!held.overlay) return held.task;
  let byOverlay = rows.get(held.task);
  if (!byOverlay) rows.set(held.task, (byOverlay = new WeakMap()));
  let row = byOverlay.get(held.overlay);
  if (!row) {
    row = { ...held.task };
    for (const field of OVERLAY_FIELDS) (row as Record<string, unknown>)[field] = held.overlay[field];
    byOverlay.set(held.overlay, row);
  }
  return row;
}

/**
 * What sessionView reads about the task: the shown row, or the embedded snapshot alone. Its `updatedAt`
 * is the version of the newest information (none when an embedded snapshot, which has none, is newest).
 */
export function heldTaskFacts(held: HeldTask | undefined): TaskFacts | null {
  const row = heldTaskRow(held);
  if (row && held?.overlay) return { ...row, updatedAt: null };
  return row ?? held?.overlay ?? null;
}
