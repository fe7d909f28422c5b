import type { SessionRow, Task } from '../../api/contract';
import type { SessionEntry, SessionView } from '../../reconcile/types';

/** Test data: a session entry as the core would hand it over, with only what a test cares about set. */
export function sessionEntry(
  overrides: { session?: Partial<SessionRow>; view?: Partial<SessionView>; task?: Partial<Task> | null } & Partial<
    Pick<SessionEntry, 'lineage' | 'lastActivityAt'>
  > = {},
): SessionEntry {
  const id = overrides.session?.id ?? 'session-1';
  const session = {
    id,
    workspaceId: null,
    taskId: 'task-1',
    createdByUserId: null,
    topic: 'Fix the login bug',
    status: 'active',
    messageCount: 0,
    startedAt: null,
    endedAt: null,
    createdAt: null,
    agentCompletedAt: null,
    lastMessageAt: null,
    isIdle: false,
    isTerminated: false,
    workspaceUrl: null,
    cleanupAt: null,
    attention: null,
    createdBy: null,
    isMine: true,
    ...overrides.session,
  } as SessionRow;
  const view: SessionView = {
    state: 'working',
    label: 'Working',
    reason: 'the agent is working',
    since: null,
    ended: false,
    canSend: true,
    canInterrupt: true,
    attention: null,
    stale: false,
    ...overrides.view,
  };
  const task =
    overrides.task === null
      ? null
      : ({
          id: session.taskId ?? 'task-1',
          projectId: 'project-1',
          title: session.topic ?? '',
          status: 'in_progress',
          dispatchDepth: 0,
          createdAt: 0,
          updatedAt: 0,
          errorMessage: null,
          outputSummary: null,
          outputBranch: null,
          outputPrUrl: null,
          ...overrides.task,
        } as Task);
  return {
    session,
    task,
    view,
    lineage: overrides.lineage ?? { kind: 'root' },
    lastActivityAt: overrides.lastActivityAt ?? null,
  };
}
