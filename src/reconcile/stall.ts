import type { SessionFacts, TaskFacts } from './types';

/*
 * The stall alarm (issue 16 item 5): an agent that says it is working but has written nothing for a while
 * is shown as "Working, silent for 12 min". Pure: `now` is the app's one clock (live/clock.ts), passed in.
 */

/** The preference's default: ten minutes of silence before a working agent is called silent. */
export const DEFAULT_STALL_AFTER_MINUTES = 10;

export const MINUTE_MS = 60_000;

/** The session fields the rule reads. */
export type StallFacts = Pick<SessionFacts, 'activity' | 'agentCompletedAt' | 'lastMessageAt' | 'promptStartedAt' | 'startedAt' | 'createdAt'>;

/**
 * The agent itself claims to be at work: SAM's activity says `prompting`, or (no activity known) the row has
 * no `agentCompletedAt` while its task runs. A task still queued or provisioning is not the agent's silence.
 */
export function agentSaysWorking(session: StallFacts, task: Pick<TaskFacts, 'status'> | null): boolean {
  if (session.activity !== null) return session.activity === 'prompting';
  return session.agentCompletedAt === null && (task === null || task.status === 'in_progress');
}

/**
 * When the session last wrote anything, as far as the data SAM sends can tell. The main field is the row's
 * `lastMessageAt`: SAM moves it on ANY write to the session (its row's `updated_at`; contract, "Chat
 * sessions"), and Lookout moves it forward with the `createdAt` of every message a live frame or page brings
 * (reconcile/sessionFacts `messagesPatch`), so a streamed chunk counts at once. `promptStartedAt` (the
 * `session.activity` frame, or the detail's `state`) counts too: a new turn is not silence. A row with
 * neither falls back to when the session started. Null when nothing at all is known.
 */
export function lastWrittenAt(session: StallFacts): number | null {
  const times = [session.lastMessageAt, session.promptStartedAt, session.startedAt ?? session.createdAt];
  let latest: number | null = null;
  for (const at of times) if (at !== null && Number.isFinite(at) && (latest === null || at > latest)) latest = at;
  return latest;
}

/**
 * How long (ms) a working agent has been silent, once that reaches `stallAfterMs`; null when it is not
 * stalled: not working, written to within the threshold, nothing known, or a threshold that is not a
 * positive number (the alarm is off).
 */
export function stalledFor(session: StallFacts, task: Pick<TaskFacts, 'status'> | null, now: number, stallAfterMs: number): number | null {
  if (!(stallAfterMs > 0) || !agentSaysWorking(session, task)) return null;
  const at = lastWrittenAt(session);
  if (at === null) return null;
  const silence = now - at;
  return silence >= stallAfterMs ? silence : null;
}

/** A silence in words, "12 min" or "2 h": whole minutes under an hour (never 0), whole hours above. */
export function silenceDuration(silenceMs: number): string {
  const minutes = Math.max(1, Math.floor(silenceMs / MINUTE_MS));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h`;
}
