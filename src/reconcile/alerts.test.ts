import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN, T0 } from '../test/factories';
import { NO_ALERTS_YET, observeArrivals, observeFleet, stallAlertText, type AlertMemory, type WatchedSession } from './alerts';
import { makeNotification } from './notifications.fixtures';

const quiet = (id: string, overrides: Partial<WatchedSession> = {}): WatchedSession => ({ id, question: null, stall: null, stale: false, ...overrides });
const silent = (lastWrittenAt: number, silentForMs = 12 * MIN) => ({ lastWrittenAt, silentForMs });
const ask = (id: string, marker: string | null, sessionId: string | null = 's1') =>
  makeNotification({ id, type: 'needs_input', sessionId, metadata: { attentionMarkerId: marker } });

/** Runs observations one after the other; returns what each announced. */
function run(observations: readonly WatchedSession[][], memory: AlertMemory = NO_ALERTS_YET) {
  const questions: string[][] = [];
  const stalls: string[][] = [];
  for (const observed of observations) {
    const result = observeFleet(memory, observed);
    memory = result.memory;
    questions.push(result.questions.map((s) => `${s.id}:${String(s.question)}`));
    stalls.push(result.stalls.map((s) => s.id));
  }
  return { questions, stalls, memory };
}

describe('observeFleet: questions', () => {
  it('announces nothing on first sight: a reload or a project opened for the first time is not news', () => {
    const { questions } = run([[quiet('s1', { question: 'm1' }), quiet('s2', { question: 'm2' })]]);
    expect(questions).toEqual([[]]);
  });

  it('announces a question asked by a session seen before without it, once', () => {
    const { questions } = run([
      [quiet('s1')],
      [quiet('s1', { question: 'm1' })],
      [quiet('s1', { question: 'm1' })],
      [quiet('s1')],
      [quiet('s1', { question: 'm2' })],
    ]);
    expect(questions).toEqual([[], ['s1:m1'], [], [], ['s1:m2']]);
  });

  it('is not fooled by a question that was only unknown before (a detail looked at after the list)', () => {
    const { questions } = run([[quiet('s1', { question: undefined })], [quiet('s1', { question: 'm1' })]]);
    expect(questions).toEqual([[], []]);
  });

  it('does not announce again a question a live notification already announced', () => {
    let memory = run([[quiet('s1')]]).memory;
    const arrived = observeArrivals(memory, [ask('n1', 'm1')]);
    expect(arrived.questions.map((n) => n.id)).toEqual(['n1']);
    memory = arrived.memory;
    expect(observeFleet(memory, [quiet('s1', { question: 'm1' })]).questions).toEqual([]);
  });
});

describe('observeArrivals', () => {
  it('announces an unread needs_input arrival; not progress, not a read one, not the same marker twice', () => {
    const first = observeArrivals(NO_ALERTS_YET, [
      ask('n1', 'm1'),
      makeNotification({ id: 'p1', type: 'progress' }),
      makeNotification({ id: 'n2', type: 'needs_input', readAt: T0, metadata: { attentionMarkerId: 'm2' } }),
      ask('n3', 'm1'),
    ]);
    expect(first.questions.map((n) => n.id)).toEqual(['n1']);
    expect(observeArrivals(first.memory, [ask('n1', 'm1')]).questions).toEqual([]);
  });

  it('counts an item naming no marker by its id, and not at all when its session is known to be asking', () => {
    const first = observeArrivals(NO_ALERTS_YET, [ask('n1', null, 's9')]);
    expect(first.questions.map((n) => n.id)).toEqual(['n1']);
    expect(observeArrivals(first.memory, [ask('n1', null, 's9')]).questions).toEqual([]);
    const asking = run([[quiet('s1')], [quiet('s1', { question: 'm1' })]]).memory;
    expect(observeArrivals(asking, [ask('n2', null, 's1')]).questions).toEqual([]);
  });

  it('keeps the same memory when nothing changed', () => {
    const memory = run([[quiet('s1')]]).memory;
    expect(observeArrivals(memory, [makeNotification({ id: 'p1', type: 'progress' })]).memory).toBe(memory);
  });
});

describe('observeFleet: silences', () => {
  it('alerts once per silence: not every tick, and again only after the agent wrote', () => {
    const { stalls } = run([
      [quiet('s1')],
      [quiet('s1', { stall: silent(T0) })],
      [quiet('s1', { stall: silent(T0, 20 * MIN) })],
      [quiet('s1')], // it wrote
      [quiet('s1', { stall: silent(T0 + 30 * MIN) })],
    ]);
    expect(stalls).toEqual([[], ['s1'], [], [], ['s1']]);
  });

  it('says nothing about a chat already silent when first judged', () => {
    const { stalls } = run([[quiet('s1', { stall: silent(T0) })], [quiet('s1', { stall: silent(T0) })]]);
    expect(stalls).toEqual([[], []]);
  });

  it('does not judge while the data may be out of date, and alerts once it is live again', () => {
    const { stalls } = run([[quiet('s1')], [quiet('s1', { stale: true, stall: silent(T0) })], [quiet('s1', { stall: silent(T0) })]]);
    expect(stalls).toEqual([[], [], ['s1']]);
    const neverJudged = run([[quiet('s1', { stale: true })], [quiet('s1', { stall: silent(T0) })]]);
    expect(neverJudged.stalls).toEqual([[], []]);
  });

  it('does not alert again for the same silence when the threshold hid it for a while', () => {
    const { stalls } = run([[quiet('s1')], [quiet('s1', { stall: silent(T0) })], [quiet('s1')], [quiet('s1', { stall: silent(T0) })]]);
    expect(stalls).toEqual([[], ['s1'], [], []]);
  });
});

describe('stallAlertText', () => {
  it('names the chat and the silence', () => {
    expect(stallAlertText('Fix the login bug', 12 * MIN + 5_000)).toBe('Fix the login bug is silent for 12 min');
    expect(stallAlertText(null, 2 * 60 * MIN)).toBe('Untitled chat is silent for 2 h');
  });
});

/** A random history: sessions s0..s3, markers m0..m5, silences starting at a few instants, stale or not. */
const sessionArb = fc.record({
  id: fc.constantFrom('s0', 's1', 's2', 's3'),
  question: fc.constantFrom<string | null | undefined>(undefined, null, 'm0', 'm1', 'm2', 'm3', 'm4', 'm5'),
  stall: fc.option(fc.record({ lastWrittenAt: fc.constantFrom(T0, T0 + MIN, T0 + 2 * MIN), silentForMs: fc.constant(10 * MIN) }), { nil: null }),
  stale: fc.boolean(),
});
const stepArb = fc.oneof(
  fc.record({ kind: fc.constant('fleet' as const), sessions: fc.uniqueArray(sessionArb, { selector: (s) => s.id, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('arrivals' as const),
    notifications: fc.array(
      fc.record({ id: fc.constantFrom('n0', 'n1', 'n2'), marker: fc.constantFrom(null, 'm0', 'm1', 'm6'), sessionId: fc.constantFrom(null, 's0', 's1') }),
      { maxLength: 3 },
    ),
  }),
);

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

function replay(steps: Step[]) {
  let memory = NO_ALERTS_YET;
  const questionKeys: string[] = [];
  const stalls: Array<{ id: string; since: number; step: number }> = [];
  const firstSeen = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.kind === 'fleet') {
      const result = observeFleet(memory, step.sessions);
      memory = result.memory;
      for (const s of result.questions) {
        questionKeys.push(String(s.question));
        expect(firstSeen.has(s.id)).toBe(true);
      }
      for (const s of result.stalls) stalls.push({ id: s.id, since: s.stall!.lastWrittenAt, step: index });
      for (const s of step.sessions) if (!firstSeen.has(s.id)) firstSeen.set(s.id, index);
    } else {
      const result = observeArrivals(
        memory,
        step.notifications.map((n) => ask(n.id, n.marker, n.sessionId)),
      );
      memory = result.memory;
      for (const n of result.questions) questionKeys.push(n.metadata.attentionMarkerId ?? `notification:${n.id}`);
    }
  });
  return { questionKeys, stalls, firstSeen };
}

describe('alerts: properties', () => {
  it('never announces the same question twice, whatever the order of observations and arrivals', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const { questionKeys } = replay(steps);
        expect(new Set(questionKeys).size).toBe(questionKeys.length);
      }),
    );
  });

  it('announces nothing on a first observation, and never a question or silence of a session not seen before', () => {
    fc.assert(
      fc.property(fc.uniqueArray(sessionArb, { selector: (s) => s.id, maxLength: 4 }), (sessions) => {
        const result = observeFleet(NO_ALERTS_YET, sessions);
        expect(result.questions).toEqual([]);
        expect(result.stalls).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const { stalls, firstSeen } = replay(steps);
        for (const stall of stalls) expect(firstSeen.get(stall.id)).toBeLessThan(stall.step);
      }),
    );
  });

  it('alerts each silence (a session and when it last wrote) at most once, and never from stale data', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 30 }), (steps) => {
        const { stalls } = replay(steps);
        const silences = stalls.map((s) => `${s.id}@${s.since}`);
        // A later silence with the same start could only follow an alert for a different one in between.
        for (let i = 0; i < stalls.length; i++) {
          const later = stalls.findIndex((s, j) => j > i && s.id === stalls[i]!.id);
          if (later !== -1) expect(silences[later]).not.toBe(silences[i]);
        }
        for (const stall of stalls) {
          const step = steps[stall.step];
          expect(step?.kind === 'fleet' && step.sessions.find((s) => s.id === stall.id)?.stale).toBe(false);
        }
      }),
    );
  });
});
