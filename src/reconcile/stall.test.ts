import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIVE, MIN, T0, makeFacts, makeTask } from '../test/factories';
import { DEFAULT_STALL_AFTER_MS, STATE_LABELS, sessionView } from './sessionView';
import { agentSaysWorking, lastWrittenAt, silenceDuration, stalledFor, type StallFacts } from './stall';
import type { SessionFacts } from './types';

const THRESHOLD = 10 * MIN;
const running = makeTask({ id: 't1', status: 'in_progress' });
const prompting = (overrides: Partial<SessionFacts> = {}) => makeFacts({ activity: 'prompting', promptStartedAt: T0, lastMessageAt: T0, ...overrides });

describe('stalledFor', () => {
  it('is null up to just under the threshold and the silence from the threshold on', () => {
    const s = prompting();
    expect(stalledFor(s, running, T0 + THRESHOLD - 1, THRESHOLD)).toBeNull();
    expect(stalledFor(s, running, T0 + THRESHOLD, THRESHOLD)).toBe(THRESHOLD);
    expect(stalledFor(s, running, T0 + 12 * MIN, THRESHOLD)).toBe(12 * MIN);
  });

  it('counts from the newest write: a message, a new prompt, or the start', () => {
    expect(lastWrittenAt(prompting({ lastMessageAt: T0 + 5 * MIN }))).toBe(T0 + 5 * MIN);
    expect(lastWrittenAt(prompting({ lastMessageAt: T0, promptStartedAt: T0 + 7 * MIN }))).toBe(T0 + 7 * MIN);
    expect(lastWrittenAt(makeFacts({ lastMessageAt: null, promptStartedAt: null, startedAt: T0 + MIN }))).toBe(T0 + MIN);
    expect(lastWrittenAt(makeFacts({ lastMessageAt: null, promptStartedAt: null, startedAt: null, createdAt: null }))).toBeNull();
  });

  it('never calls an agent silent that does not say it works', () => {
    const late = T0 + 60 * MIN;
    expect(stalledFor(prompting({ activity: 'idle' }), running, late, THRESHOLD)).toBeNull();
    expect(stalledFor(prompting({ activity: 'error' }), running, late, THRESHOLD)).toBeNull();
    // No activity known: the row says working until agentCompletedAt, but a queued task is not the agent's silence.
    expect(stalledFor(makeFacts({ lastMessageAt: T0 }), running, late, THRESHOLD)).toBe(60 * MIN);
    expect(stalledFor(makeFacts({ lastMessageAt: T0, agentCompletedAt: T0 }), running, late, THRESHOLD)).toBeNull();
    expect(stalledFor(makeFacts({ lastMessageAt: T0 }), { status: 'queued' }, late, THRESHOLD)).toBeNull();
  });

  it('is off for a threshold of 0 or not a number', () => {
    expect(stalledFor(prompting(), running, T0 + 60 * MIN, 0)).toBeNull();
    expect(stalledFor(prompting(), running, T0 + 60 * MIN, Number.NaN)).toBeNull();
  });

  it('says minutes under an hour, hours above, never 0', () => {
    expect(silenceDuration(10 * MIN)).toBe('10 min');
    expect(silenceDuration(12 * MIN + 59_000)).toBe('12 min');
    expect(silenceDuration(125 * MIN)).toBe('2 h');
    expect(silenceDuration(1)).toBe('1 min');
  });
});

describe('sessionView with the stall alarm (one derivation: every surface reads this label)', () => {
  it('reads "Working, silent for 12 min" and keeps the state working', () => {
    const view = sessionView(prompting(), running, LIVE, T0 + 12 * MIN);
    expect(view.state).toBe('working');
    expect(view.label).toBe('Working, silent for 12 min');
    expect(view.silentFor).toBe(12 * MIN);
    expect(view.reason).toMatch(/; nothing written for 12 min$/);
    expect(view.canInterrupt).toBe(true);
  });

  it('uses the preference given, and the default of 10 minutes without one', () => {
    expect(sessionView(prompting(), running, LIVE, T0 + 9 * MIN).label).toBe('Working');
    expect(sessionView(prompting(), running, LIVE, T0 + 10 * MIN).label).toBe('Working, silent for 10 min');
    expect(sessionView(prompting(), running, LIVE, T0 + 9 * MIN, undefined, 5 * MIN).label).toBe('Working, silent for 9 min');
    expect(sessionView(prompting(), running, LIVE, T0 + 60 * MIN, undefined, 0).label).toBe('Working');
    expect(DEFAULT_STALL_AFTER_MS).toBe(10 * MIN);
  });

  it('a terminal task or an open question wins over silence', () => {
    const failed = { ...running, status: 'failed', completedAt: T0 };
    expect(sessionView(prompting(), failed, LIVE, T0 + 60 * MIN).label).toBe('Failed');
    const attention = { markerId: 'm', kind: 'question', createdAt: T0, expiresAt: null, reason: 'Which?', options: ['a'] };
    expect(sessionView(prompting({ attention }), running, LIVE, T0 + 60 * MIN).label).toBe('Needs you');
  });
});

// ---------- properties ----------

const time = fc.integer({ min: T0 - 100 * MIN, max: T0 + 100 * MIN });
const maybeTime = fc.option(time, { nil: null });
const facts: fc.Arbitrary<StallFacts> = fc.record({
  activity: fc.option(fc.constantFrom('prompting', 'idle', 'error', 'stopped', 'recovering', 'something-new'), { nil: null }),
  agentCompletedAt: maybeTime,
  lastMessageAt: maybeTime,
  promptStartedAt: maybeTime,
  startedAt: maybeTime,
  createdAt: maybeTime,
});
const task = fc.option(
  fc.constantFrom('draft', 'ready', 'queued', 'delegated', 'in_progress', 'completed', 'failed', 'cancelled', 'new').map((status) => ({ status })),
  { nil: null },
);
const threshold = fc.integer({ min: 1, max: 60 * MIN });

describe('the stall rule, properties', () => {
  it('is never stalled when the agent does not say it works', () => {
    fc.assert(
      fc.property(facts, task, time, threshold, (s, t, now, after) => {
        if (!agentSaysWorking(s, t)) expect(stalledFor(s, t, now, after)).toBeNull();
      }),
    );
  });

  it('is monotonic in silence: once stalled, stalled later, by exactly the time since the last write', () => {
    fc.assert(
      fc.property(facts, task, time, fc.integer({ min: 0, max: 100 * MIN }), threshold, (s, t, now, later, after) => {
        const first = stalledFor(s, t, now, after);
        const second = stalledFor(s, t, now + later, after);
        if (first !== null) expect(second).toBe(first + later);
      }),
    );
  });

  it('a newer write never makes a session more silent', () => {
    fc.assert(
      fc.property(facts, task, time, time, threshold, (s, t, write, now, after) => {
        const before = stalledFor(s, t, now, after);
        const after2 = stalledFor({ ...s, lastMessageAt: Math.max(write, s.lastMessageAt ?? write) }, t, now, after);
        if (before === null) expect(after2).toBeNull();
        else if (after2 !== null) expect(after2).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('flips exactly at the threshold', () => {
    fc.assert(
      fc.property(facts, task, threshold, (s, t, after) => {
        const at = lastWrittenAt(s);
        if (at === null || !agentSaysWorking(s, t)) return;
        expect(stalledFor(s, t, at + after - 1, after)).toBeNull();
        expect(stalledFor(s, t, at + after, after)).toBe(after);
      }),
    );
  });

  it('the label says silent iff sessionView says working and the rule says stalled', () => {
    fc.assert(
      fc.property(facts, time, threshold, (s, now, after) => {
        const session = makeFacts({ ...s });
        const view = sessionView(session, running, LIVE, now, undefined, after);
        const silent = view.label.startsWith(`${STATE_LABELS.working}, silent for `);
        expect(silent).toBe(view.silentFor !== null);
        if (silent) expect(view.state).toBe('working');
        if (view.state === 'working') expect(view.silentFor).toBe(stalledFor(session, running, now, after));
      }),
    );
  });
});
