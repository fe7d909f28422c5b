import { TASK_TRANSITIONS } from '../../src/api/contract';
import type { TaskEventRec, TaskRec } from './types';
import type { WorldCore } from './worldCore';

const ACTIVITY_FOR_STATUS: Record<string, string> = {
  completed: 'task.completed',
  failed: 'task.failed',
  cancelled: 'task.cancelled',
};

export type TaskInit = Partial<TaskRec> & { projectId: string; title: string };

export interface TransitionOptions {
  at?: number;
  reason?: string | null;
  actorType?: TaskEventRec['actorType'];
  errorMessage?: string | null;
  /** This write comes from one of SAM's `datetime('now')` paths: its times go out as whole seconds. */
  sqlTime?: boolean;
}

export type TransitionResult = { ok: true; task: TaskRec } | { ok: false; from: string; allowed: readonly string[] };

/** The task ledger (SAM's D1 table). Status is never pushed on the socket, only `activity.new`. */
export class TaskStore {
  private readonly byId = new Map<string, TaskRec>();
  private readonly byProject = new Map<string, TaskRec[]>();
  private readonly events = new Map<string, TaskEventRec[]>();

  constructor(private readonly world: WorldCore) {}

  get(taskId: string): TaskRec | undefined {
    return this.byId.get(taskId);
  }

  list(projectId: string): readonly TaskRec[] {
    return this.byProject.get(projectId) ?? [];
  }

  eventsOf(taskId: string): readonly TaskEventRec[] {
    return this.events.get(taskId) ?? [];
  }

  create(init: TaskInit, at = this.world.now()): TaskRec {
    const task: TaskRec = {
      id: init.id ?? this.world.ids.ulid(at),
      userId: this.world.me.id,
      parentTaskId: null,
      workspaceId: null,
      description: null,
      status: 'queued',
      executionStep: null,
      priority: 0,
      taskMode: 'task',
      dispatchDepth: 0,
      agentProfileHint: null,
      skillId: null,
      blocked: false,
      triggeredBy: 'user',
      startedAt: null,
      completedAt: null,
      finalizedAt: null,
      createdAt: at,
      updatedAt: at,
      errorMessage: null,
      outputSummary: null,
      outputBranch: null,
      outputPrUrl: null,
      completionEvidence: null,
      sqlTimestamps: false,
      ...init,
    };
    this.byId.set(task.id, task);
    const list = this.byProject.get(task.projectId) ?? [];
    list.push(task);
    this.byProject.set(task.projectId, list);
    this.record(task, null, task.status, at, task.triggeredBy === 'user' ? 'user' : 'system', 'submitted');
    this.world.emitActivity(task.projectId, 'task.submitted');
    return task;
  }

  /** Moves a task along an allowed transition; returns the allowed list when the move is not allowed. */
  transition(taskId: string, toStatus: string, options: TransitionOptions = {}): TransitionResult {
    const task = this.byId.get(taskId);
    if (!task) throw new Error(`unknown task ${taskId}`);
    const allowed = TASK_TRANSITIONS[task.status] ?? [];
    if (!allowed.includes(toStatus)) return { ok: false, from: task.status, allowed };
    const at = Math.max(options.at ?? this.world.now(), task.updatedAt);
    const from = task.status;
    task.status = toStatus;
    task.updatedAt = at;
    // Each write has its own precision: a failure path's datetime('now'), then ISO with ms again.
    task.sqlTimestamps = options.sqlTime ?? false;
    if (toStatus === 'in_progress' && task.startedAt === null) task.startedAt = at;
    if (toStatus === 'completed' || toStatus === 'failed' || toStatus === 'cancelled') {
      task.completedAt = at;
      task.finalizedAt = at;
    }
    if (toStatus === 'failed') task.errorMessage = options.errorMessage ?? task.errorMessage ?? 'Task failed';
    if (toStatus === 'ready' || toStatus === 'queued') {
      task.completedAt = null;
      task.finalizedAt = null;
    }
    this.record(task, from, toStatus, at, options.actorType ?? 'system', options.reason ?? null);
    const activity = ACTIVITY_FOR_STATUS[toStatus];
    if (activity) this.world.emitActivity(task.projectId, activity);
    return { ok: true, task };
  }

  /**
   * SAM sends a failed (or cancelled) task back to work in place: -> ready, then queued waiting for a VM.
   * The session row keeps saying `failed` until an agent wakes it. Returns false when not allowed.
   */
  retryInPlace(taskId: string, at = this.world.now(), queuedAfterMs = 1_000): boolean {
    const ready = this.transition(taskId, 'ready', { at, actorType: 'user', reason: 'retried in place' });
    if (!ready.ok) return false;
    ready.task.errorMessage = null;
    this.transition(taskId, 'queued', { at: at + queuedAfterMs, actorType: 'system' });
    this.update(taskId, { executionStep: 'waiting_for_node_capacity' }, at + queuedAfterMs);
    return true;
  }

  /** Field changes without a status change (execution step, outputs). */
  update(taskId: string, patch: Partial<TaskRec>, at = this.world.now()): TaskRec {
    const task = this.byId.get(taskId);
    if (!task) throw new Error(`unknown task ${taskId}`);
    const stepChanged = patch.executionStep !== undefined && patch.executionStep !== task.executionStep;
    Object.assign(task, patch);
    task.updatedAt = Math.max(at, task.updatedAt);
    if (patch.sqlTimestamps === undefined) task.sqlTimestamps = false;
    if (stepChanged) this.world.emitActivity(task.projectId, 'task.execution_step');
    return task;
  }

  private record(task: TaskRec, fromStatus: string | null, toStatus: string, at: number, actorType: TaskEventRec['actorType'], reason: string | null): void {
    const list = this.events.get(task.id) ?? [];
    list.push({
      id: this.world.ids.uuid(),
      taskId: task.id,
      fromStatus,
      toStatus,
      actorType,
      actorId: actorType === 'user' ? this.world.me.id : null,
      reason,
      createdAt: at,
    });
    this.events.set(task.id, list);
  }
}
