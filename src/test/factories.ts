/* The builders of test data, in one place: valid defaults, override what the test is about. */
import type { EmbeddedTask, Message, SessionRow, Task } from '../api/contract';
import { blankFacts } from '../reconcile/sessionFacts';
import type { SessionEntry, SessionFacts, SessionView, StreamFacts } from '../reconcile/types';

export const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);
export const MIN = 60_000;

export function makeMessage(overrides: Partial<Message> & { id: string }): Message {
  return {
    sessionId: 's1',
    role: 'assistant',
    content: '',
    toolMetadata: null,
    createdAt: T0,
    sequence: null,
    origin: null,
    ...overrides,
  };
}

export function makeTask(overrides: Partial<Task> & { id: string }): Task {
  return {
    projectId: 'p1',
    userId: 'u1',
    parentTaskId: null,
    workspaceId: null,
    title: 'Fix the build',
    description: null,
    status: 'in_progress',
    executionStep: 'running',
    priority: null,
    taskMode: 'conversation',
    dispatchDepth: 0,
    agentProfileHint: null,
    skillId: null,
    blocked: null,
    triggeredBy: 'user',
    startedAt: T0,
    completedAt: null,
    finalizedAt: null,
    createdAt: T0,
    updatedAt: T0,
    errorMessage: null,
    outputSummary: null,
    outputBranch: null,
    outputPrUrl: null,
    completionEvidence: null,
    ...overrides,
  };
}

export function makeEmbedded(overrides: Partial<EmbeddedTask> & { id: string }): EmbeddedTask {
  return {
    status: 'in_progress',
    executionStep: 'running',
    errorMessage: null,
    outputBranch: null,
    outputPrUrl: null,
    outputSummary: null,
    finalizedAt: null,
    taskMode: 'conversation',
    agentProfileHint: null,
    ...overrides,
  };
}

export function makeRow(overrides: Partial<SessionRow> & { id: string }): SessionRow {
  const { activity: _a, promptStartedAt: _p, statusError: _s, wakePhase: _w, recoveryStatus: _r, wakeAt: _t, ...row } = blankFacts(overrides.id);
  return { ...row, status: 'active', taskId: 't1', topic: 'Fix the build', createdAt: T0, startedAt: T0, ...overrides };
}

export function makeFacts(overrides: Partial<SessionFacts> = {}): SessionFacts {
  return { ...blankFacts(overrides.id ?? 's1'), ...makeRow({ id: overrides.id ?? 's1' }), ...overrides };
}

export const LIVE: StreamFacts = { connection: 'live', lastLiveAt: T0, catchingUp: false };

/** A session's view as sessionView would give it: a working agent, by default. */
export function makeView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    state: 'working',
    label: 'Working',
    reason: 'the agent is working',
    since: null,
    ended: false,
    canSend: true,
    canInterrupt: true,
    attention: null,
    stale: false,
    silentFor: null,
    ...overrides,
  };
}

/** A session entry as the core would hand it to the UI, with only what a test cares about set. */
export function makeSessionEntry(
  overrides: { session?: Partial<SessionRow>; view?: Partial<SessionView>; task?: Partial<Task> | null } & Partial<
    Pick<SessionEntry, 'lineage' | 'lastActivityAt'>
  > = {},
): SessionEntry {
  const session = makeRow({
    id: 'session-1',
    taskId: 'task-1',
    topic: 'Fix the login bug',
    createdAt: null,
    startedAt: null,
    isMine: true,
    ...overrides.session,
  });
  // Only the fields the UI reads: a full makeTask would add times and steps the header shows.
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
    view: makeView(overrides.view),
    lineage: overrides.lineage ?? { kind: 'root' },
    lastActivityAt: overrides.lastActivityAt ?? null,
  };
}
