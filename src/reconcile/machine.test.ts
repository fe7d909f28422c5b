import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LOG,
  MAX_LINE_CHARS,
  PROMPT_RETRY_EVENT,
  WAKE_PHASES,
  appendBounded,
  bootLogLine,
  idleCountdown,
  idleDeadline,
  plainText,
  promptRetry,
  retryReason,
  wakeProgress,
  wakePhaseWords,
  type BootLogLine,
  type RetryEvent,
} from './machine';

const MIN = 60_000;
const T0 = 1_795_262_400_000;

describe('wakeProgress', () => {
  const waking = (wakePhase: string | null, sessionStatus = 'sleeping') => wakeProgress({ recoveryStatus: 'waking', wakePhase, sessionStatus });

  it.each([
    ['node_selection', 'Finding a server', 1],
    ['node_provisioning', 'Provisioning a server', 3],
    ['workspace_creation', 'Recreating the workspace', 5],
    ['agent_session', 'Starting the agent', 9],
  ])('names phase %s and its place among the nine', (phase, label, step) => {
    expect(waking(phase)).toEqual({ label, step, of: 9, failed: false });
  });

  it('says the wake is claimed before the first phase is reported', () => {
    expect(waking(null)).toMatchObject({ label: 'Waking and restoring the session', step: null });
  });

  it('keeps an unknown phase in words, without a place', () => {
    expect(waking('gpu_attach')).toMatchObject({ label: 'Waking: gpu attach', step: null });
  });

  it('has nothing to say once the agent runs, when restored, or with no wake', () => {
    expect(waking('running')).toBeNull();
    expect(waking('awaiting_followup')).toBeNull();
    expect(wakeProgress({ recoveryStatus: 'restored', wakePhase: null, sessionStatus: 'active' })).toBeNull();
    expect(wakeProgress({ recoveryStatus: null, wakePhase: null, sessionStatus: 'sleeping' })).toBeNull();
  });

  it('says a wake failed while the chat is not active again', () => {
    expect(wakeProgress({ recoveryStatus: 'failed', wakePhase: null, sessionStatus: 'sleeping' })).toMatchObject({ failed: true });
    expect(wakeProgress({ recoveryStatus: 'failed', wakePhase: null, sessionStatus: 'active' })).toBeNull();
  });

  it('puts a phase in a sentence, an unknown one in words', () => {
    expect(wakePhaseWords('node_provisioning')).toBe('provisioning a server');
    expect(wakePhaseWords('gpu_attach')).toBe('gpu attach');
  });

  it('numbers every phase in order, each once', () => {
    expect(WAKE_PHASES.map((phase) => waking(phase)?.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('idle cleanup', () => {
  it('takes the later of the detail and a keep-alive, ignoring 0 and null', () => {
    expect(idleDeadline(T0, T0 + MIN)).toBe(T0 + MIN);
    expect(idleDeadline(T0 + MIN, T0)).toBe(T0 + MIN);
    expect(idleDeadline(null, 0)).toBeNull();
    expect(idleDeadline(0, T0)).toBe(T0);
  });

  it.each([
    [15 * MIN, 'Workspace cleanup in 15 min', false],
    [14 * MIN + 1, 'Workspace cleanup in 15 min', false],
    [4 * MIN, 'Workspace cleanup in 4 min', true],
    [30_000, 'Workspace cleanup in under a minute', true],
    [0, 'Workspace cleanup due now', true],
    [-MIN, 'Workspace cleanup due now', true],
    [90 * MIN, 'Workspace cleanup in 1 h 30 min', false],
    [120 * MIN, 'Workspace cleanup in 2 h', false],
  ])('%i ms left reads "%s"', (left, text, urgent) => {
    expect(idleCountdown(T0 + left, T0)).toEqual({ text, urgent });
  });

  it('says nothing without a deadline', () => {
    expect(idleCountdown(null, T0)).toBeNull();
  });

  it('never says fewer minutes than are left, and never counts up as time passes', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN + 1, max: 59 * MIN }), fc.integer({ min: 0, max: 10 * MIN }), (left, passed) => {
        const minutes = (at: number) => Number(/in (\d+) min/.exec(idleCountdown(T0 + left, at)?.text ?? '')?.[1] ?? 0);
        expect(minutes(T0) * MIN).toBeGreaterThanOrEqual(left);
        if (left - passed > MIN) expect(minutes(T0 + passed)).toBeLessThanOrEqual(minutes(T0));
      }),
    );
  });
});

describe('promptRetry', () => {
  const WS = 'ws-1';
  const retry = (at: number, detail: Record<string, unknown>, overrides: Partial<RetryEvent> = {}): RetryEvent => ({
    type: PROMPT_RETRY_EVENT,
    workspaceId: WS,
    createdAt: at,
    detail,
    ...overrides,
  });
  const overloaded = { error: 'API Error: 529 {"type":"overloaded_error"}', retryAttempt: 2, totalAttempts: 5 };

  it('reads the newest retry of the running prompt: reason and attempt of all attempts', () => {
    const events = [retry(T0 + 20_000, { ...overloaded, retryAttempt: 3 }), retry(T0 + 10_000, overloaded)];
    expect(promptRetry(events, { workspaceId: WS, since: T0 })).toEqual({ text: 'capacity, retrying (3/5)', attempt: 3, total: 5, at: T0 + 20_000 });
  });

  it('ignores other workspaces, other event types and retries of an earlier prompt', () => {
    const events = [
      retry(T0 + 1_000, overloaded, { workspaceId: 'ws-2' }),
      retry(T0 + 1_000, overloaded, { type: 'agent_session.started' }),
      retry(T0 - 60_000, overloaded),
    ];
    expect(promptRetry(events, { workspaceId: WS, since: T0 })).toBeNull();
  });

  it("allows for the VM's whole-second clock around the prompt's start", () => {
    expect(promptRetry([retry(T0 - 900, overloaded)], { workspaceId: WS, since: T0 })).not.toBeNull();
  });

  it('says "retrying" without a count when the detail has none', () => {
    expect(promptRetry([retry(T0, { error: 'HTTP 429 Too Many Requests' })], { workspaceId: WS, since: T0 })?.text).toBe('rate limited, retrying');
  });

  it.each([
    ['API Error: 529 overloaded_error', 'capacity'],
    ['rate_limit_error', 'rate limited'],
    ['HTTP 503 Service Unavailable', 'provider unavailable'],
    ['something else', 'provider error'],
  ])('calls "%s" %s', (error, reason) => {
    expect(retryReason(error)).toBe(reason);
  });
});

describe('the boot log', () => {
  it('joins message and detail as plain text', () => {
    const line = bootLogLine({ step: 'devcontainer_up', status: 'failed', message: 'Devcontainer build failed', detail: 'exit 1', timestamp: T0 }, 7);
    expect(line).toEqual({ id: 7, step: 'devcontainer_up', status: 'failed', text: 'Devcontainer build failed: exit 1', at: T0 });
  });

  it('strips ANSI colours, cursor moves, titles and control characters, and keeps markup as text', () => {
    expect(plainText('\u001b[31mred\u001b[0m \u001b[2K\u001b]0;title\u0007done\u0008')).toBe('red done');
    expect(plainText('a\r\nb\rc\tz')).toBe('a\nb\nc\tz');
    expect(plainText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('cuts a giant line', () => {
    expect(plainText('x'.repeat(MAX_LINE_CHARS * 3))).toHaveLength(MAX_LINE_CHARS);
  });

  const lines = (from: number, n: number): BootLogLine[] =>
    Array.from({ length: n }, (_, i) => ({ id: from + i, step: null, status: null, text: String(from + i), at: null }));

  it('keeps the newest N lines, in order, and counts what it let go, however the lines arrive', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 50 }), (batches, max) => {
        let log = EMPTY_LOG;
        let next = 0;
        for (const size of batches) {
          log = appendBounded(log, lines(next, size), max);
          next += size;
          expect(log.lines.length).toBeLessThanOrEqual(max);
        }
        const kept = Math.min(next, max);
        expect(log.lines.map((line) => line.id)).toEqual(Array.from({ length: kept }, (_, i) => next - kept + i));
        expect(log.dropped).toBe(next - kept);
      }),
    );
  });

  it('stays bounded through a huge log', () => {
    let log = EMPTY_LOG;
    for (let i = 0; i < 1_000; i++) log = appendBounded(log, lines(i * 200, 200), 2_000);
    expect(log.lines).toHaveLength(2_000);
    expect(log.lines[0]?.id).toBe(198_000);
    expect(log.dropped).toBe(198_000);
  });
});
