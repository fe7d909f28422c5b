import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deliveryPhase,
  deliveryPhasesByItem,
  DELIVERIES_KEPT,
  promptAcceptance,
  recordAccepted,
  recordDeliveryState,
  type PromptDeliveries,
} from './pendingSends';

const none: PromptDeliveries = new Map();
const accepted = { deliveryId: 'd1', messageId: 'm1', localId: 'local-1', status: 'queued' };

describe('prompt delivery (SAM mailbox)', () => {
  it.each([
    ['queued', 'queued'],
    ['delivering', 'queued'],
    ['retry_wait', 'retrying'],
    ['acked', 'delivered'],
    ['delivered', 'delivered'],
    ['failed', 'failed'],
    ['expired', 'failed'],
    ['ambiguous', 'uncertain'],
    ['paused_by_operator', 'unknown'],
  ])('%s reads as %s', (state, phase) => expect(deliveryPhase(state)).toBe(phase));

  it('a queued prompt is shown on its row and on its optimistic item until delivered', () => {
    const queued = recordAccepted(none, accepted);
    expect(deliveryPhasesByItem(queued)).toEqual(
      new Map([
        ['m1', 'queued'],
        ['local-1', 'queued'],
      ]),
    );
    const retrying = recordDeliveryState(queued, 'd1', 'retry_wait');
    expect(deliveryPhasesByItem(retrying).get('m1')).toBe('retrying');
    expect(deliveryPhasesByItem(recordDeliveryState(retrying, 'd1', 'acked')).size).toBe(0);
  });

  it('a frame that beat the 202 is not undone by it', () => {
    const early = recordDeliveryState(none, 'd1', 'acked');
    expect(deliveryPhasesByItem(recordAccepted(early, accepted)).size).toBe(0);
    const retrying = recordDeliveryState(none, 'd1', 'retry_wait');
    expect(deliveryPhasesByItem(recordAccepted(retrying, accepted)).get('m1')).toBe('retrying');
  });

  it('keeps a bounded memory', () => {
    let held = none;
    for (let i = 0; i < DELIVERIES_KEPT + 10; i += 1) held = recordDeliveryState(held, `d${i}`, 'acked');
    expect(held.size).toBe(DELIVERIES_KEPT);
    expect(held.has(`d${DELIVERIES_KEPT + 9}`)).toBe(true);
  });

  // The socket can duplicate frames, a fault pipeline reorders them, and the 202 may land anywhere among them.
  it('once the mailbox settles, no order of late, repeated or early reports brings "queued" back', () => {
    const pending = fc.constantFrom('queued', 'delivering', 'retry_wait');
    const settled = fc.constantFrom('acked', 'delivered', 'failed', 'expired', 'ambiguous');
    fc.assert(
      fc.property(fc.array(pending, { maxLength: 6 }), settled, fc.array(pending, { maxLength: 6 }), fc.nat(), (before, end, after, at) => {
        const reports: (string | 'accepted')[] = [...before, end, ...after];
        reports.splice(at % (reports.length + 1), 0, 'accepted');
        let held = none;
        for (const report of reports) held = report === 'accepted' ? recordAccepted(held, accepted) : recordDeliveryState(held, 'd1', report);
        const expected = deliveryPhase(end);
        expect(deliveryPhasesByItem(held).get('m1') ?? 'delivered').toBe(expected);
      }),
    );
  });
});

describe('promptAcceptance', () => {
  it('never locks a live chat: a busy agent gets the prompt through SAM’s queue', () => {
    expect(promptAcceptance({ ended: false, canSend: true })).toBe('now');
    expect(promptAcceptance({ ended: false, canSend: false })).toBe('queued');
    expect(promptAcceptance({ ended: true, canSend: false })).toBe('refused');
  });
});
