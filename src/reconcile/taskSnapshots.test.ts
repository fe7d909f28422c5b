import { describe, expect, it } from 'vitest';
import { toEpochMs } from '../api/time';
import { makeEmbedded, makeTask } from '../test/factories';
import { compareVersions } from './order';
import { heldTaskFacts, mergeTaskSnapshot, type HeldTask, type TaskSnapshot } from './taskSnapshots';

// SAM writes some failures with `datetime('now')` (whole seconds, truncated) and the rest as ISO with ms.
const at = (wire: string) => toEpochMs(wire) as number;
const full = (status: string, updatedAt: string, asOf: number): TaskSnapshot => ({
  kind: 'full',
  task: makeTask({ id: 't1', status, updatedAt: at(updatedAt), errorMessage: status === 'failed' ? 'boom' : null }),
  asOf,
});
const merge = (...snapshots: TaskSnapshot[]) => snapshots.reduce<HeldTask | undefined>((held, s) => mergeTaskSnapshot(held, s), undefined);

describe('task versions of mixed precision (Corrections 6)', () => {
  it('orders values only when their precision allows', () => {
    expect(compareVersions(at('2026-12-07 10:00:01'), at('2026-12-07T10:00:00.400Z'))).toBe(1);
    expect(compareVersions(at('2026-12-07 10:00:00'), at('2026-12-07T10:00:00.400Z'))).toBe(0);
    expect(compareVersions(at('2026-12-07T10:00:00.400Z'), at('2026-12-07T10:00:00.401Z'))).toBe(-1);
    expect(compareVersions(at('2026-12-07 10:00:00'), at('2026-12-07 10:00:00'))).toBe(0);
  });

  it('a failure written with whole seconds is not rolled back by an older millisecond page of the same second', () => {
    // The in_progress page was requested first; the failure (10:00:00.700 really, stored as 10:00:00) later.
    const held = merge(full('in_progress', '2026-12-07T10:00:00.400Z', 10), full('failed', '2026-12-07 10:00:00', 20));
    expect(heldTaskFacts(held)?.status).toBe('failed');
    const arrivedLate = merge(full('failed', '2026-12-07 10:00:00', 20), full('in_progress', '2026-12-07T10:00:00.400Z', 10));
    expect(heldTaskFacts(arrivedLate)?.status).toBe('failed');
  });

  it('failed -> ready within the same second is followed when the ready answer was requested later', () => {
    const held = merge(full('failed', '2026-12-07 10:00:00', 10), full('ready', '2026-12-07 10:00:00', 20));
    expect(heldTaskFacts(held)?.status).toBe('ready');
    const reversed = merge(full('ready', '2026-12-07 10:00:00', 20), full('failed', '2026-12-07 10:00:00', 10));
    expect(heldTaskFacts(reversed)?.status).toBe('ready');
  });

  it('values in different seconds still order by value, whatever the request order', () => {
    const held = merge(full('ready', '2026-12-07T10:00:01.200Z', 10), full('failed', '2026-12-07 10:00:00', 20));
    expect(heldTaskFacts(held)?.status).toBe('ready');
  });

  it('an unchanged row from a later request keeps the held object (rows do not re-render on a refresh)', () => {
    const first = merge(full('failed', '2026-12-07 10:00:00', 10));
    const again = mergeTaskSnapshot(first, full('failed', '2026-12-07 10:00:00', 20));
    expect(again.task).toBe(first?.task);
  });
});

describe('a task SAM sends back to work (failed -> ready -> queued ..., retried in place)', () => {
  it('is marked as having left its terminal state, until it is terminal again', () => {
    const failed = merge(full('failed', '2026-12-07 10:00:00', 10));
    expect(failed?.leftTerminal).toBe(false);
    const ready = mergeTaskSnapshot(failed, full('ready', '2026-12-07T10:00:05.000Z', 20));
    const queued = mergeTaskSnapshot(ready, full('queued', '2026-12-07T10:00:05.100Z', 30));
    expect([ready.leftTerminal, queued.leftTerminal]).toEqual([true, true]);
    expect(mergeTaskSnapshot(queued, full('failed', '2026-12-07T10:00:09.100Z', 40)).leftTerminal).toBe(false);
  });

  it('an older running page after a failure is no leave (it is not even newer)', () => {
    const failed = merge(full('failed', '2026-12-07T10:00:05.000Z', 20));
    expect(mergeTaskSnapshot(failed, full('in_progress', '2026-12-07T10:00:01.000Z', 10))).toBe(failed);
  });

  it('an embedded snapshot newer than the row has no version to show', () => {
    const held = mergeTaskSnapshot(merge(full('failed', '2026-12-07 10:00:00', 10)), {
      kind: 'embedded',
      task: makeEmbedded({ id: 't1', status: 'queued', executionStep: null }),
      asOf: 20,
    });
    expect(heldTaskFacts(held)).toMatchObject({ status: 'queued', updatedAt: null });
    expect(held.leftTerminal).toBe(true);
  });
});
