import { AGENT_ACTIVITIES, SESSION_STATUSES, TASK_STATUSES, type TerminalTaskStatus } from '../api/contract/enums';
import { requeuedTaskWins, terminalTaskWins } from './conflicts';
import { ago, clockTime, oneLine, words } from './format';
import type { DisplayState, SessionFacts, SessionView, StreamFacts, TaskContext, TaskFacts } from './types';
import { activeAttention } from './attention';
import { wakePhaseWords } from './machine';
import { DEFAULT_STALL_AFTER_MINUTES, MINUTE_MS, silenceDuration, stalledFor } from './stall';

/*
 * The one derivation of a session's displayed state (invariant 1): the sidebar row, the chat header,
 * the composer and the page title all call this. Precedence, first match wins:
 *   1. a terminal task (completed / failed / cancelled) — over the row and any later session event (inv. 2;
 *      `terminalTaskWins` in ./conflicts)
 *   2. a failed session whose task SAM sent back to work after the failure — the task's progress
 *      (`requeuedTaskWins`)
 *   3. a stopped session; a failed one (unless it is being woken)
 *   4. a task not loaded (or not loadable), an unknown task or session status — unknown (inv. 6)
 *   5. an open question (attention) -> needs input
 *   6. waking, then sleeping
 *   7. the agent's activity: prompting -> working, idle -> idle, ...; when no activity is known,
 *      the row decides: agentCompletedAt set -> idle, else working
 *   8. then, over any working state the agent itself claims: silent past the stall threshold ->
 *      "Working, silent for 12 min" (./stall `stalledFor`; the state stays `working`)
 * While the stream is not live the view is stale and its reason says since when (inv. 5).
 */

type Base = Pick<SessionView, 'state' | 'reason' | 'since' | 'ended' | 'attention'>;

/** The word shown for each state, on the badge and in the page title. */
export const STATE_LABELS: Readonly<Record<DisplayState, string>> = {
  working: 'Working',
  idle: 'Idle',
  needs_input: 'Needs you',
  sleeping: 'Asleep',
  waking: 'Waking',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
  unknown: 'Unknown',
};

const includes = (list: readonly string[], value: string | null) => value !== null && list.includes(value);

export { activeAttention };

/** A wake is under way: a sleeping (or failed) session reports wake progress, or the agent recovers. */
function isWaking(s: SessionFacts): boolean {
  if (s.status === 'sleeping' || s.status === 'failed') return s.wakePhase !== null || s.recoveryStatus !== null;
  return s.status === 'active' && s.activity === 'recovering';
}

const view = (state: DisplayState, reason: string, since: number | null = null, ended = false): Base => ({
  state,
  reason,
  since,
  ended,
  attention: null,
});

function terminalTaskView(task: TaskFacts, now: number): Base {
  const at = task.completedAt ?? task.finalizedAt ?? task.updatedAt ?? null;
  const when = at === null ? '' : ` ${ago(at, now)}`;
  const status = task.status as TerminalTaskStatus;
  switch (status) {
    case 'completed':
      return view('completed', `task completed${when}`, at, true);
    case 'failed': {
      const error = task.errorMessage ? `: ${oneLine(task.errorMessage)}` : '';
      return view('failed', `task failed${when}${error}`, at, true);
    }
    case 'cancelled':
      return view('cancelled', `task cancelled${when}`, at, true);
    default: {
      const never: never = status;
      throw new Error(`not a terminal status: ${String(never)}`);
    }
  }
}

function startingReason(task: TaskFacts | null): string {
  if (!task || task.status === 'in_progress') return 'agent working';
  const step = task.executionStep ? `: ${words(task.executionStep)}` : '';
  return `task ${words(task.status)}${step}`;
}

function agentView(s: SessionFacts, task: TaskFacts | null, now: number): Base {
  const activity = s.activity;
  if (activity === null) {
    if (s.agentCompletedAt !== null) return view('idle', `agent finished ${ago(s.agentCompletedAt, now)}`, s.agentCompletedAt);
    return view('working', startingReason(task), s.startedAt ?? s.createdAt);
  }
  if (!includes(AGENT_ACTIVITIES, activity)) return view('unknown', `SAM reports agent activity "${activity}", which Lookout does not know`);
  const known = activity as (typeof AGENT_ACTIVITIES)[number];
  switch (known) {
    case 'prompting': {
      const since = s.promptStartedAt;
      return view('working', since === null ? startingReason(task) : `agent working since ${clockTime(since)}`, since);
    }
    case 'idle':
      return s.agentCompletedAt === null
        ? view('idle', 'waiting for your message')
        : view('idle', `agent finished ${ago(s.agentCompletedAt, now)}`, s.agentCompletedAt);
    case 'recovering':
      return view('waking', 'the agent is recovering');
    case 'error':
      return view('idle', s.statusError ? `the agent stopped with an error: ${oneLine(s.statusError)}` : 'the agent stopped with an error');
    case 'stopped':
      return view('idle', 'the agent stopped; a new message starts it again');
    default: {
      const never: never = known;
      throw new Error(`unhandled activity ${String(never)}`);
    }
  }
}

function requeuedView(task: TaskFacts): Base {
  const step = task.executionStep ? `: ${words(task.executionStep)}` : '';
  switch (task.status) {
    case 'in_progress':
      return view('working', `running again after the failure${step}`, task.updatedAt ?? null);
    case 'queued':
      return view('working', `queued again: ${task.executionStep ? words(task.executionStep) : 'waiting for a VM'}`, task.updatedAt ?? null);
    case 'delegated':
      return view('working', `starting again${step}`, task.updatedAt ?? null);
    default:
      return view('working', `sent back to work: task ${words(task.status)}${step}`, task.updatedAt ?? null);
  }
}

/** The reason of a session whose task is still being fetched (its state is about to be known). */
export const TASK_NOT_LOADED_YET = 'task status not loaded yet';

/** Unknown stays unknown (inv. 6): a session with a task nobody has loaded yet shows no agent state. */
function taskUnknownView(lookup: TaskContext['lookup']): Base {
  return lookup === 'failed' ? view('unknown', 'could not load the task; its status is unknown') : view('unknown', TASK_NOT_LOADED_YET);
}

function baseView(s: SessionFacts, task: TaskFacts | null, now: number, context: TaskContext): Base {
  if (task && terminalTaskWins(task)) return terminalTaskView(task, now);
  if (task && requeuedTaskWins(s, task, context)) return requeuedView(task);
  if (s.status === 'stopped') return view('stopped', s.endedAt ? `session stopped ${ago(s.endedAt, now)}` : 'session stopped', s.endedAt, true);
  if (s.status === 'failed' && !isWaking(s)) {
    return view('failed', s.statusError ? `session failed: ${oneLine(s.statusError)}` : 'session failed', s.endedAt, true);
  }
  if (s.taskId !== null && !task) return taskUnknownView(context.lookup);
  if (task && !includes(TASK_STATUSES, task.status)) return view('unknown', `SAM reports task status "${task.status}", which Lookout does not know`);
  if (!includes(SESSION_STATUSES, s.status)) return view('unknown', `SAM reports session status "${s.status}", which Lookout does not know`);
  const attention = activeAttention(s, now);
  if (attention) {
    const reason = attention.reason ? `waiting for your answer: ${oneLine(attention.reason)}` : 'the agent asked you a question';
    return { ...view('needs_input', reason, attention.createdAt), attention };
  }
  if (isWaking(s)) {
    // The phase in the machine strip's words (reconcile/machine.ts), so the header and the strip agree.
    const phase = s.wakePhase ? wakePhaseWords(s.wakePhase) : s.recoveryStatus ? words(s.recoveryStatus) : null;
    return view('waking', phase ? `waking: ${phase}` : 'the agent is recovering', s.wakeAt);
  }
  if (s.status === 'sleeping') return view('sleeping', 'asleep; a new message wakes it');
  return agentView(s, task, now);
}

/** Why the data may be old, or null while the stream is live and caught up. */
export function staleReason(stream: StreamFacts): string | null {
  const asOf = stream.lastLiveAt === null ? null : clockTime(stream.lastLiveAt);
  switch (stream.connection) {
    case 'live':
      return stream.catchingUp ? 'catching up on missed updates' : null;
    case 'connecting':
      return asOf ? `reconnecting: showing the state as of ${asOf}` : 'connecting: live updates have not started yet';
    case 'reconnecting':
      return asOf ? `reconnecting: showing the state as of ${asOf}` : 'reconnecting: live updates have not started yet';
    case 'offline':
      return asOf ? `offline: showing the state as of ${asOf}` : 'offline: live updates have not started yet';
    default: {
      const never: never = stream.connection;
      throw new Error(`unhandled connection status ${String(never)}`);
    }
  }
}

const NO_CONTEXT: TaskContext = { lookup: 'loading', taskLeftTerminal: false };

export const DEFAULT_STALL_AFTER_MS = DEFAULT_STALL_AFTER_MINUTES * MINUTE_MS;

/**
 * `task` is null while no snapshot of the session's task is held (or when it has none); `context` says
 * why it is missing and how the task was learned relative to the row (see TaskContext). `stallAfterMs`:
 * the person's stall preference (how much silence makes a working agent "silent"; 0 turns it off).
 */
export function sessionView(
  session: SessionFacts,
  task: TaskFacts | null,
  stream: StreamFacts,
  now: number,
  context: TaskContext = NO_CONTEXT,
  stallAfterMs: number = DEFAULT_STALL_AFTER_MS,
): SessionView {
  const base = baseView(session, task, now, context);
  const stale = staleReason(stream);
  const silentFor = base.state === 'working' ? stalledFor(session, task, now, stallAfterMs) : null;
  const silence = silentFor === null ? null : silenceDuration(silentFor);
  const label = silence === null ? STATE_LABELS[base.state] : `${STATE_LABELS.working}, silent for ${silence}`;
  const reason = silence === null ? base.reason : `${base.reason}; nothing written for ${silence}`;
  return {
    ...base,
    label,
    silentFor,
    reason: stale ? `${stale} · ${reason}` : reason,
    canSend: !base.ended && (base.state === 'idle' || base.state === 'needs_input' || base.state === 'sleeping'),
    canInterrupt: base.state === 'working',
    stale: stale !== null,
  };
}
