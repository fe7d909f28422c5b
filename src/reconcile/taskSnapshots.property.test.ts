import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { T0, makeEmbedded, makeTask } from '../test/factories';
import { heldTaskFacts, mergeTaskSnapshot, type HeldTask, type TaskSnapshot } from './taskSnapshots';

/*
 * A task's history on a consistent server, with SAM's quirks: writes a few ms apart (often within one
 * second), some stamped with `datetime('now')` (whole seconds, truncated: Corrections 6), a failed task
 * sent back to ready -> queued -> ... (retried in place). Each snapshot shows the state at its request's
 * start (`asOf`, on the server's clock here), from the list/detail routes (versioned) or embedded in a
 * session detail (no version).
 */
const STATUS_WALK = ['queued', 'delegated', 'in_progress', 'failed', 'ready', 'queued', 'delegated', 'in_progress', 'completed'];

const history = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 700 }), wholeSeconds: fc.boolean() }), { minLength: 1, maxLength: STATUS_WALK.length })
  .map((writes) => {
    let t = T0 + 100;
    return writes.map(({ gap, wholeSeconds }, i) => {
      t += gap;
      return { at: t, version: wholeSeconds ? Math.floor(t / 1000) * 1000 : t, status: STATUS_WALK[i] ?? 'completed' };
    });
  });

const deliveries = history.chain((writes) =>
  fc
    .array(fc.record({ write: fc.nat({ max: writes.length - 1 }), delay: fc.nat({ max: 999 }), embedded: fc.boolean() }), { minLength: 1, maxLength: 10 })
    .map((picks) =>
      picks.map(({ write, delay, embedded }, i): { write: number; snapshot: TaskSnapshot } => {
        const w = writes[write]!;
        const next = writes[write + 1]?.at ?? Infinity;
        // The request started after write `write` and before the next one (distinct stamps: + i/100).
        const asOf = Math.min(w.at + delay, next - 1) + i / 100;
        const snapshot: TaskSnapshot = embedded
          ? { kind: 'embedded', task: makeEmbedded({ id: 't1', status: w.status }), asOf }
          : { kind: 'full', task: makeTask({ id: 't1', status: w.status, updatedAt: w.version }), asOf };
        return { write, snapshot };
      }),
    ),
);

const mergeAll = (snapshots: readonly TaskSnapshot[], start?: HeldTask) =>
  snapshots.reduce<HeldTask | undefined>((held, s) => mergeTaskSnapshot(held, s), start);

describe('task snapshots under mixed-precision versions and retries in place', () => {
  it('whatever the arrival order, the newest state delivered is what is held', () => {
    fc.assert(
      fc.property(
        deliveries.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, arrival]) => {
          const newest = Math.max(...list.map((d) => d.write));
          const expected = list.find((d) => d.write === newest)!.snapshot.task.status;
          const held = mergeAll(arrival.map((d) => d.snapshot));
          expect(heldTaskFacts(held)?.status).toBe(expected);
          expect(
            mergeAll(
              arrival.map((d) => d.snapshot),
              held,
            ),
          ).toBe(held);
        },
      ),
      { numRuns: 500 },
    );
  });
});
