import type { EmbeddedTask, Task } from '../api/contract';
import { isNewerTaskSnapshot, isTerminalTaskStatus } from './conflicts';
import type { HeldTask, TaskFacts, TaskSnapshot } from './types';

export type { HeldTask, TaskSnapshot } from './types';

/*
 * The newest thing known about each task, whichever route it came from: a tasks-list page, the task
 * detail route, or the task embedded in a session detail (which has no updatedAt). Invariant 3: a
 * snapshot never replaces newer information. Stamps (`asOf`) come from the stream's monotonic clock and
 * mark when the request that brought a snapshot STARTED: the server's answer reflects at least that moment.
 */

function leavesTerminal(held: HeldTask | undefined, status: string): boolean {
  if (!held || isTerminalTaskStatus(status)) return false;
  return held.leftTerminal || isTerminalTaskStatus(heldTaskFacts(held)?.status);
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
