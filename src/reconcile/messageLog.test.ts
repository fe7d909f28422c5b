import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Message } from '../api/contract';
import { T0, makeMessage } from '../test/factories';
import { canFold, conversation, conversationItems, emptyConversation, foldMessage, rebuildConversation } from './conversation';
import { emptyLog, findMessage, insertMessage, isSequenceGap, logFromMessages, logToArray, newestMessage, oldestMessage } from './messageLog';
import { sortUnique } from './order';

const ROLES = ['user', 'assistant', 'assistant', 'thinking', 'tool', 'plan', 'system'];

/** n messages of one session with distinct ids; several share a createdAt so sequence and id decide. */
const sessionMessages = (n: number) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: n }), fc.constantFrom(...ROLES), fc.integer({ min: 0, max: 3 })), { minLength: n, maxLength: n }).map((specs) =>
    specs.map(([tick, role, callId], i) =>
      makeMessage({
        id: `m${i}`,
        role,
        content: role === 'plan' ? JSON.stringify([{ content: `step ${i}`, status: 'pending' }]) : `c${i}`,
        createdAt: T0 + tick * 10,
        sequence: i % 7 === 0 ? null : i,
        toolMetadata:
          role === 'tool'
            ? { toolCallId: `call${callId}`, status: i % 2 ? 'completed' : 'in_progress', title: null, kind: null, toolName: null, locations: [], content: [] }
            : null,
      }),
    ),
  );

/** The same messages delivered in a shuffled order, some of them twice. */
const deliveries = (n: number) =>
  sessionMessages(n).chain((messages) =>
    fc.tuple(
      fc.constant(messages),
      fc.shuffledSubarray([...messages, ...messages.filter((_, i) => i % 3 === 0)], { minLength: 0 }),
      fc.shuffledSubarray(messages, { minLength: messages.length }),
    ),
  );

describe('message log', () => {
  it('holds every message once, in display order, whatever the arrival order and duplicates (incl. chunk splits)', () => {
    fc.assert(
      fc.property(deliveries(400), ([messages, extra, order]) => {
        let log = emptyLog;
        for (const m of [...order, ...extra]) log = insertMessage(log, m).log;
        expect(logToArray(log)).toEqual(sortUnique(messages));
        expect(log.length).toBe(messages.length);
      }),
      { numRuns: 60 },
    );
  });

  it('inserting a duplicate returns the same log (nothing re-renders)', () => {
    const log = logFromMessages([makeMessage({ id: 'a' }), makeMessage({ id: 'b', createdAt: T0 + 1 })]);
    const again = insertMessage(log, makeMessage({ id: 'a' }));
    expect(again.outcome.kind).toBe('duplicate');
    expect(again.log).toBe(log);
  });

  it('appends in order without copying sealed chunks', () => {
    let log = emptyLog;
    for (let i = 0; i < 1000; i += 1) log = insertMessage(log, makeMessage({ id: `m${i}`, createdAt: T0 + i, sequence: i })).log;
    const sealed = log.chunks;
    const next = insertMessage(log, makeMessage({ id: 'z', createdAt: T0 + 5000, sequence: 1000 }));
    expect(next.outcome.kind).toBe('appended');
    next.log.chunks.forEach((chunk, i) => expect(chunk).toBe(sealed[i]));
    expect(newestMessage(next.log)?.id).toBe('z');
    expect(oldestMessage(next.log)?.id).toBe('m0');
  });

  it('holds an id once even when it comes back under another sequence or createdAt (by id, not by sort position)', () => {
    const a = makeMessage({ id: 'a', createdAt: T0, sequence: 1 });
    const b = makeMessage({ id: 'b', createdAt: T0 + 10, sequence: 2 });
    const log = logFromMessages([a, b]);
    const again = insertMessage(log, { ...a, createdAt: T0 + 20, sequence: 7 });
    expect(again.outcome.kind).toBe('duplicate');
    expect(logToArray(again.log).map((m) => m.id)).toEqual(['a', 'b']);
    const moved = insertMessage(log, { ...a, createdAt: T0 + 20, sequence: 7 }, { move: true });
    expect(moved.outcome.kind).toBe('moved');
    expect(logToArray(moved.log).map((m) => [m.id, m.createdAt])).toEqual([
      ['b', T0 + 10],
      ['a', T0 + 20],
    ]);
    expect(findMessage(moved.log, 'a')?.sequence).toBe(7);
  });

  it('each id once whatever copies arrive; the copies marked as truth (moved) decide where it sits', () => {
    fc.assert(
      fc.property(
        deliveries(300),
        fc.array(fc.tuple(fc.nat(299), fc.integer({ min: -50, max: 50 }), fc.integer({ min: -3, max: 3 })), { maxLength: 60 }),
        ([messages, extra, order], skews) => {
          // The same ids again under other keys (another createdAt and/or sequence).
          const skewed = skews.flatMap(([i, dt, ds]) => {
            const m = messages[i % messages.length];
            return m ? [{ ...m, createdAt: m.createdAt + dt, sequence: m.sequence === null ? null : m.sequence + ds }] : [];
          });
          let log = emptyLog;
          for (const m of [...order, ...skewed, ...extra]) log = insertMessage(log, m).log;
          expect(new Set(logToArray(log).map((m) => m.id)).size).toBe(log.length);
          expect(log.length).toBe(messages.length);
          for (const m of messages) log = insertMessage(log, m, { move: true }).log;
          expect(logToArray(log)).toEqual(sortUnique(messages));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a version branched from an older one sees only its own messages (the shared id index is not trusted)', () => {
    const base = logFromMessages([makeMessage({ id: 'a', createdAt: T0 })]);
    const left = insertMessage(base, makeMessage({ id: 'b', createdAt: T0 + 1 })).log;
    const right = insertMessage(base, makeMessage({ id: 'b', createdAt: T0 + 2, sequence: 3 })).log;
    expect(logToArray(right).map((m) => m.id)).toEqual(['a', 'b']);
    expect(insertMessage(base, makeMessage({ id: 'b', createdAt: T0 + 5 })).outcome.kind).toBe('appended');
    expect(insertMessage(left, makeMessage({ id: 'b', createdAt: T0 + 5 })).outcome.kind).toBe('duplicate');
  });

  it('sees a jump in sequence as a hint of a gap, and knows where to resume', () => {
    const log = logFromMessages([makeMessage({ id: 'a', sequence: 4, createdAt: T0 }), makeMessage({ id: 'b', sequence: 5, createdAt: T0 + 9 })]);
    expect(isSequenceGap(log, makeMessage({ id: 'c', sequence: 6 }))).toBe(false);
    expect(isSequenceGap(log, makeMessage({ id: 'd', sequence: 8 }))).toBe(true);
    expect(isSequenceGap(log, makeMessage({ id: 'e', sequence: null }))).toBe(false);
    expect(log.maxSequenceAt).toBe(T0 + 9);
  });
});

describe('incremental conversation', () => {
  it('folding in-order arrivals and rebuilding for late ones equals the conversation of the whole set', () => {
    fc.assert(
      fc.property(deliveries(120), ([messages, extra, order]) => {
        let log = emptyLog;
        let conv = emptyConversation();
        for (const m of [...order, ...extra]) {
          const result = insertMessage(log, m);
          log = result.log;
          if (result.outcome.kind === 'duplicate') continue;
          conv = result.outcome.kind === 'appended' && canFold(conv, m) ? foldMessage(conv, m) : rebuildConversation(logToArray(log), conv);
        }
        expect(conversationItems(conv, [])).toEqual(conversation(messages as Message[], []));
      }),
      { numRuns: 80 },
    );
  });
});
