import { AGENT_ACTIVITIES, SESSION_STATUSES, TASK_STATUSES, TERMINAL_TASK_STATUSES } from '../api/contract/enums';
import type { Attention } from '../api/contract';
import { ago, clockTime, oneLine, words } from './format';
import type { DisplayState, SessionFacts, SessionView, StreamFacts, TaskFacts } from './types';

/*
 * The one derivation of a session's displayed state (invariant 1): the sidebar row, the chat header,
 * the composer and the page title all call this. Precedence, first match wins:
 *   1. a terminal task (completed / failed / cancelled) — over the row and any later session event (inv. 2)
 *   2. a stopped session; a failed one (unless it is being woken)
 *   3. an unknown task status or session status — shown neutrally (inv. 6)
 *   4. an open question (attention) -> needs input
 *   5. waking, then sleeping
 *   6. the agent's activity: prompting -> working, idle -> idle, ...; when no activity is known,
 *      the row decides: agentCompletedAt set -> idle, else working
 * While the stream is not live the view is stale and its reason says since when (inv. 5).
 */

type Base = Pick<SessionView, 'state' | 'reason' | 'since' | 'ended' | 'attention'>;

const LABELS: Record<DisplayState, string> = {
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

export function isTerminalTaskStatus(status: string): status is (typeof TERMINAL_TASK_STATUSES)[number] {
  return includes(TERMINAL_TASK_STATUSES, status);
}

/** A question the agent asked and nobody answered, that has not expired. */
export function activeAttention(session: Pick<SessionFacts, 'attention'>, now: number): Attention | null {
  const { attention } = session;
  if (!attention) return null;
  return attention.expiresAt !== null && attention.expiresAt <= now ? null : attention;
}

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
  const status = task.status as (typeof TERMINAL_TASK_STATUSES)[number];
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

function baseView(s: SessionFacts, task: TaskFacts | null, now: number): Base {
  if (task && isTerminalTaskStatus(task.status)) return terminalTaskView(task, now);
  if (s.status === 'stopped') return view('stopped', s.endedAt ? `session stopped ${ago(s.endedAt, now)}` : 'session stopped', s.endedAt, true);
  if (s.status === 'failed' && !isWaking(s)) {
    return view('failed', s.statusError ? `session failed: ${oneLine(s.statusError)}` : 'session failed', s.endedAt, true);
  }
  if (task && !includes(TASK_STATUSES, task.status)) return view('unknown', `SAM reports task status "${task.status}", which Lookout does not know`);
  if (!includes(SESSION_STATUSES, s.status)) return view('unknown', `SAM reports session status "${s.status}", which Lookout does not know`);
  const attention = activeAttention(s, now);
  if (attention) {
    const reason = attention.reason ? `waiting for your answer: ${oneLine(attention.reason)}` : 'the agent asked you a question';
    return { ...view('needs_input', reason, attention.createdAt), attention };
  }
  if (isWaking(s)) {
    const phase = s.wakePhase ?? s.recoveryStatus;
    return view('waking', phase ? `waking: ${words(phase)}` : 'the agent is recovering', s.wakeAt);
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

export function sessionView(session: SessionFacts, task: TaskFacts | null, stream: StreamFacts, now: number): SessionView {
  const base = baseView(session, task, now);
  const stale = staleReason(stream);
  return {
    ...base,
    label: LABELS[base.state],
    reason: stale ? `${stale} · ${base.reason}` : base.reason,
    canSend: !base.ended && (base.state === 'idle' || base.state === 'needs_input' || base.state === 'sleeping'),
    canInterrupt: base.state === 'working',
    stale: stale !== null,
  };
}
