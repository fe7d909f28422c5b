import { EXECUTION_STEPS } from '../api/contract/enums';
import { words } from './format';

/*
 * What the machine strip of a chat says (docs/machine.md): the wake's phase, the idle-cleanup countdown,
 * a prompt the VM agent is retrying, and the boot log's lines. Pure: the caller passes the time.
 */

const MINUTE_MS = 60_000;

// ---------- wake progress ----------
type WakePhase = Exclude<(typeof EXECUTION_STEPS)[number], 'running' | 'awaiting_followup'>;
const WAKE_DONE: ReadonlySet<string> = new Set(['running', 'awaiting_followup']);
/**
 * The execution steps a replacement task walks through while it wakes a sleeping chat, in SAM's order
 * (`TASK_EXECUTION_STEPS`, packages/shared/src/types/task.ts); `running` / `awaiting_followup` end the wake.
 */
export const WAKE_PHASES = EXECUTION_STEPS.filter((step): step is WakePhase => !WAKE_DONE.has(step));

/** Wake-shaped words for each phase (a chat being restored, not a task being launched). */
const WAKE_PHASE_LABELS: Readonly<Record<WakePhase, string>> = {
  node_selection: 'Finding a server',
  waiting_for_node_capacity: 'Waiting for server capacity',
  node_provisioning: 'Provisioning a server',
  node_agent_ready: 'Waiting for the server to start',
  workspace_creation: 'Recreating the workspace',
  workspace_dispatch: 'Starting the workspace',
  workspace_ready: 'Restoring the session',
  attachment_transfer: 'Restoring files',
  agent_session: 'Starting the agent',
};

/** A phase in words for a sentence ("provisioning a server"); an unknown one as its identifier in words. */
export function wakePhaseWords(phase: string): string {
  const label = (WAKE_PHASE_LABELS as Readonly<Record<string, string>>)[phase];
  return label ? label.charAt(0).toLowerCase() + label.slice(1) : words(phase);
}

export interface WakeProgress {
  /** What is happening now, in words. */
  label: string;
  /** 1-based position among WAKE_PHASES; null while no phase is reported or the phase is unknown. */
  step: number | null;
  of: number;
  failed: boolean;
}

/**
 * The wake banner, from `recoveryStatus` (`waking` | `restored` | `failed`) and `wakePhase` (an execution
 * step), as `session.wake_progress` and the state route send them. Null when there is nothing to say:
 * no wake, a finished one, or a failed one on a chat that is active again.
 */
export function wakeProgress(input: { recoveryStatus: string | null; wakePhase: string | null; sessionStatus: string | null }): WakeProgress | null {
  const { recoveryStatus, wakePhase, sessionStatus } = input;
  const of = WAKE_PHASES.length;
  if (recoveryStatus === 'failed') {
    return sessionStatus === 'active' ? null : { label: 'The wake failed; a new message tries again', step: null, of, failed: true };
  }
  if (recoveryStatus !== 'waking') return null;
  if (wakePhase === null) return { label: 'Waking and restoring the session', step: null, of, failed: false };
  if (WAKE_DONE.has(wakePhase)) return null;
  const index = (WAKE_PHASES as readonly string[]).indexOf(wakePhase);
  if (index < 0) return { label: `Waking: ${words(wakePhase)}`, step: null, of, failed: false };
  return { label: WAKE_PHASE_LABELS[WAKE_PHASES[index] as WakePhase], step: index + 1, of, failed: false };
}

// ---------- idle cleanup ----------
/**
 * When SAM reclaims an idle chat's workspace: the detail's `cleanupAt` or the answer of a keep-alive
 * (`idle-reset`), whichever is later. Either may be null or 0 ("no cleanup scheduled").
 */
export function idleDeadline(detailCleanupAt: number | null, keptAliveUntil: number | null): number | null {
  const known = [detailCleanupAt, keptAliveUntil].filter((at): at is number => at !== null && at > 0);
  return known.length === 0 ? null : Math.max(...known);
}

export interface IdleCountdown {
  text: string;
  /** Under five minutes left (SAM's own header turns red there too). */
  urgent: boolean;
}

/** "Workspace cleanup in 14 min" (minutes rounded up, so it never says less time than there is). */
export function idleCountdown(deadline: number | null, now: number): IdleCountdown | null {
  if (deadline === null) return null;
  const left = deadline - now;
  if (left <= 0) return { text: 'Workspace cleanup due now', urgent: true };
  const urgent = left < 5 * MINUTE_MS;
  if (left <= MINUTE_MS) return { text: 'Workspace cleanup in under a minute', urgent };
  const minutes = Math.ceil(left / MINUTE_MS);
  const span = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  return { text: `Workspace cleanup in ${span}`, urgent };
}

// ---------- prompt retries ----------
/** The VM agent's event for a prompt retried after a transient provider error (acp/session_host_prompt.go). */
export const PROMPT_RETRY_EVENT = 'agent_session.prompt_retry';
/** Event times are the VM's RFC 3339 seconds; the prompt's start is the control plane's ms. */
const VM_CLOCK_SLACK_MS = 5_000;

export interface RetryEvent {
  type: string;
  workspaceId: string | null;
  createdAt: number;
  detail: Record<string, unknown> | null;
}

export interface PromptRetry {
  text: string;
  attempt: number | null;
  total: number | null;
  at: number;
}

/** Why the provider refused, in the words a person would use, from the error text the agent reports. */
export function retryReason(error: string): string {
  if (/\b529\b|overload/i.test(error)) return 'capacity';
  if (/\b429\b|rate[ _-]?limit|too many requests/i.test(error)) return 'rate limited';
  if (/\b50[0234]\b|unavailable/i.test(error)) return 'provider unavailable';
  return 'provider error';
}

const positiveInt = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null);

/**
 * The newest retry of the prompt now running on this workspace: "capacity, retrying (2/3)", where 2 is
 * the attempt about to run and 3 all attempts (`retryAttempt`, `totalAttempts` of the event's detail).
 * Null when the agent is not retrying this prompt.
 */
export function promptRetry(events: readonly RetryEvent[], scope: { workspaceId: string; since: number }): PromptRetry | null {
  let newest: RetryEvent | null = null;
  for (const event of events) {
    if (event.type !== PROMPT_RETRY_EVENT || event.workspaceId !== scope.workspaceId) continue;
    if (event.createdAt < scope.since - VM_CLOCK_SLACK_MS) continue;
    if (!newest || event.createdAt >= newest.createdAt) newest = event;
  }
  if (!newest) return null;
  const error = typeof newest.detail?.error === 'string' ? newest.detail.error : '';
  const attempt = positiveInt(newest.detail?.retryAttempt);
  const total = positiveInt(newest.detail?.totalAttempts);
  const count = attempt !== null && total !== null ? ` (${attempt}/${total})` : '';
  return { text: `${retryReason(error)}, retrying${count}`, attempt, total, at: newest.createdAt };
}

// ---------- the boot log ----------
export interface BootLogLine {
  /** Arrival order, unique within one stream. */
  id: number;
  step: string | null;
  status: string | null;
  text: string;
  at: number | null;
}

/** Longest line kept: a devcontainer error can carry a whole build output in one `detail`. */
export const MAX_LINE_CHARS = 4_000;

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), other two-byte escapes, then any C0/C1 control left
// except tab and newline. What remains is plain text: it is rendered as text, never as markup.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** A wire string as plain text: ANSI escapes and control characters removed, carriage returns as newlines, cut at `max`. */
export function plainText(text: string, max = MAX_LINE_CHARS): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(ANSI, '').replace(CONTROL, '');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function bootLogLine(
  frame: { step: string | null; status: string | null; message: string | null; detail: string | null; timestamp: number | null },
  id: number,
): BootLogLine {
  const message = frame.message ?? frame.step ?? '';
  const text = frame.detail ? `${message}: ${frame.detail}` : message;
  return { id, step: frame.step, status: frame.status, text: plainText(text), at: frame.timestamp };
}

export interface BoundedLog {
  /** The newest lines, oldest first, never more than `max`. */
  lines: readonly BootLogLine[];
  /** How many older lines were let go to stay within `max`. */
  dropped: number;
}

export const EMPTY_LOG: BoundedLog = { lines: [], dropped: 0 };

/** Appends in order and keeps the newest `max` lines: a huge log costs the page `max` lines, not all of them. */
export function appendBounded(log: BoundedLog, lines: readonly BootLogLine[], max: number): BoundedLog {
  if (lines.length === 0) return log;
  const all = log.lines.length + lines.length;
  const over = Math.max(0, all - max);
  if (over === 0) return { lines: [...log.lines, ...lines], dropped: log.dropped };
  const keptOld = log.lines.slice(Math.min(over, log.lines.length));
  const keptNew = lines.slice(Math.max(0, over - log.lines.length));
  return { lines: [...keptOld, ...keptNew], dropped: log.dropped + over };
}
