import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, makeEmbedded, makeRow, makeTask } from '../test/factories';
import { listRowPatch, mergeSessionFacts, type FactsPatch, type SessionRecord } from './sessionFacts';
import { isNewerTaskSnapshot } from './conflicts';
import { heldTaskFacts, mergeTaskSnapshot, type HeldTask, type TaskSnapshot } from './taskSnapshots';
import { matchesOptimisticSend, settlePendingSends } from './pendingSends';
import { makeMessage } from '../test/factories';
import type { PendingSend } from './types';

const STATUSES = ['active', 'sleeping', 'stopped', 'failed'];
/** Patches stamped by one strictly increasing clock: distinct stamps, as in the stream. */
const stampedPatches = fc
  .array(
    fc.record({
      status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      topic: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
      activity: fc.option(fc.constantFrom('idle', 'prompting', null), { nil: undefined }),
      agentCompletedAt: fc.option(fc.option(fc.integer({ min: 0, max: 9 })), { nil: undefined }),
    }),
    { maxLength: 12 },
  )
  .map((patches) => patches.map((patch, i) => ({ patch: patch as FactsPatch, stamp: i + 1 })));

function applyAll(items: Array<{ patch: FactsPatch; stamp: number }>, start?: SessionRecord) {
  return items.reduce<SessionRecord | undefined>((record, { patch, stamp }) => mergeSessionFacts(record, 's1', patch, stamp), start);
}

describe('session facts merge (last writer wins per field)', () => {
  it('converges: any delivery order gives the same facts', () => {
    fc.assert(
      fc.property(
        stampedPatches.chain((items) => fc.tuple(fc.constant(items), fc.shuffledSubarray(items, { minLength: items.length }))),
        ([inOrder, shuffled]) => {
          expect(applyAll(shuffled)?.facts).toEqual(applyAll(inOrder)?.facts);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is idempotent: applying everything again returns the very same record', () => {
    fc.assert(
      fc.property(stampedPatches, (items) => {
        const once = applyAll(items);
        if (once) expect(applyAll(items, once)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('a list page whose request started before a live event cannot roll it back', () => {
    const live = mergeSessionFacts(
      mergeSessionFacts(undefined, 's1', listRowPatch(makeRow({ id: 's1', status: 'active' })), 1),
      's1',
      { status: 'sleeping' },
      5,
    );
    const stalePage = mergeSessionFacts(live, 's1', listRowPatch(makeRow({ id: 's1', status: 'active', topic: 'renamed' })), 4);
    expect(stalePage.facts.status).toBe('sleeping');
    expect(stalePage.facts.topic).toBe('renamed');
    const freshPage = mergeSessionFacts(stalePage, 's1', listRowPatch(makeRow({ id: 's1', status: 'active' })), 6);
    expect(freshPage.facts.status).toBe('active');
  });

  it('keeps the facts object when only stamps moved (rows do not re-render on a refresh)', () => {
    const row = listRowPatch(makeRow({ id: 's1' }));
    const first = mergeSessionFacts(undefined, 's1', row, 1);
    const refreshed = mergeSessionFacts(first, 's1', row, 2);
    expect(refreshed).not.toBe(first);
    expect(refreshed.facts).toBe(first.facts);
  });
});

const taskSnapshots = fc.array(fc.record({ embedded: fc.boolean(), version: fc.integer({ min: 1, max: 6 }) }), { maxLength: 10 }).map((specs) =>
  // A consistent server: one version has one content, and a request that started later never sees an
  // older version (asOf grows with the version).
  specs.map(({ embedded, version }, i): TaskSnapshot => {
    const status = ['in_progress', 'failed', 'ready', 'completed'][version % 4] ?? 'ready';
    const asOf = version * 100 + i;
    return embedded
      ? { kind: 'embedded', task: makeEmbedded({ id: 't1', status }), asOf }
      : { kind: 'full', task: makeTask({ id: 't1', status, updatedAt: T0 + version }), asOf };
  }),
);

const mergeAll = (snapshots: TaskSnapshot[], start?: HeldTask) => snapshots.reduce<HeldTask | undefined>((held, s) => mergeTaskSnapshot(held, s), start);

describe('task snapshots (newer wins)', () => {
  it('a stale page cannot roll back a newer snapshot; SAM sending a failed task back to ready is followed', () => {
    const failed = mergeAll([{ kind: 'full', task: makeTask({ id: 't1', status: 'failed', updatedAt: T0 + 2 }), asOf: 10 }]);
    const stale = mergeTaskSnapshot(failed, { kind: 'full', task: makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 + 1 }), asOf: 20 });
    expect(stale).toBe(failed);
    const ready = mergeTaskSnapshot(failed, { kind: 'full', task: makeTask({ id: 't1', status: 'ready', updatedAt: T0 + 3 }), asOf: 5 });
    expect(heldTaskFacts(ready)?.status).toBe('ready');
  });

  it('an embedded snapshot (no updatedAt) is ordered by request start, both ways', () => {
    const held = mergeAll([{ kind: 'full', task: makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 + 1 }), asOf: 10 }]);
    const embedded: TaskSnapshot = { kind: 'embedded', task: makeEmbedded({ id: 't1', status: 'failed', errorMessage: 'boom' }), asOf: 20 };
    expect(isNewerTaskSnapshot(held, embedded)).toBe(true);
    const after = mergeTaskSnapshot(held, embedded);
    expect(heldTaskFacts(after)).toMatchObject({ status: 'failed', errorMessage: 'boom', title: 'Fix the build' });
    // A list page whose request started before the detail's cannot undo it, even with a higher updatedAt.
    const olderPage = mergeTaskSnapshot(after, { kind: 'full', task: makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 + 2 }), asOf: 15 });
    expect(olderPage).toBe(after);
    const newerPage = mergeTaskSnapshot(after, { kind: 'full', task: makeTask({ id: 't1', status: 'ready', updatedAt: T0 + 3 }), asOf: 25 });
    expect(heldTaskFacts(newerPage)?.status).toBe('ready');
  });

  it('converges to the newest snapshot whatever the arrival order, and is idempotent', () => {
    fc.assert(
      fc.property(
        taskSnapshots.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([inOrder, shuffled]) => {
          const a = mergeAll(inOrder);
          const b = mergeAll(shuffled);
          expect(heldTaskFacts(b)?.status).toEqual(heldTaskFacts(a)?.status);
          if (a) expect(mergeAll(inOrder, a)).toBe(a);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('optimistic sends', () => {
  const send = (overrides: Partial<PendingSend> = {}): PendingSend => ({
    localId: 'l1',
    text: 'run the tests',
    sentAt: T0,
    delivery: 'sending',
    messageId: null,
    error: null,
    replayOnReconnect: false,
    ...overrides,
  });
  const echo = (overrides = {}) => makeMessage({ id: 'srv1', role: 'user', content: 'run the tests', createdAt: T0 + 500, ...overrides });

  it.each([
    ['by the id the prompt route returned', send({ messageId: 'srv1' }), echo({ content: 'other text' }), true],
    ['not by text once an id is known', send({ messageId: 'srv9' }), echo(), false],
    ['by text before the route answered (echo raced it)', send(), echo(), true],
    ['not an assistant row with the same text', send(), echo({ role: 'assistant' }), false],
    ['not the same text long before the send', send(), echo({ createdAt: T0 - 10 * 60_000 }), false],
  ] as const)('matches %s', (_name, pending, message, expected) => {
    expect(matchesOptimisticSend(pending, message)).toBe(expected);
  });

  it('one row confirms one send (two identical prompts need two rows), and nothing else moves', () => {
    const sends = [send({ localId: 'a' }), send({ localId: 'b', sentAt: T0 + 1 })];
    const after = settlePendingSends(sends, [echo()]);
    expect(after.map((s) => s.localId)).toEqual(['b']);
    expect(settlePendingSends(sends, [echo({ role: 'assistant' })])).toBe(sends);
  });
});
