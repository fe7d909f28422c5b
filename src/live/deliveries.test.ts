import { afterEach, describe, expect, it } from 'vitest';
import { deliveryPhasesByItem } from '../reconcile/pendingSends';
import { T0, makeRow, makeTask } from '../test/factories';
import { readDeliveries } from './deliveries';
import { sendPrompt } from './sends';
import { createHarness, PROJECT, type Harness } from './testing/harness';

let h: Harness;
afterEach(() => h?.stop());

async function live(agentCompletedAt: number | null) {
  h = createHarness({ start: T0 });
  h.sam.putTask(makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 }));
  h.sam.putSession(makeRow({ id: 's1', taskId: 't1', lastMessageAt: T0, agentCompletedAt }));
  h.stream.start();
  h.mountSidebar();
  h.openChat('s1');
  h.connect();
  await h.settle();
}

const phaseOf = (itemId: string) => deliveryPhasesByItem(readDeliveries(h.client, PROJECT)).get(itemId) ?? null;

describe('a follow-up to a busy agent', () => {
  it('is shown queued until SAM’s mailbox delivers it, then simply sent', async () => {
    await live(null); // the agent is working
    await sendPrompt(h.engine, PROJECT, 's1', 'also update the docs');
    const [row] = (h.sam.messages.get('s1') ?? []).filter((m) => m.content === 'also update the docs');
    expect(phaseOf(row!.id)).toBe('queued');
    h.deliver(h.sam.outbox.splice(0)); // the row, and the mailbox's retry
    await h.settle();
    expect(phaseOf(row!.id)).toBe('retrying');
    h.deliver(h.sam.agentCompleted('s1'));
    await h.settle();
    expect(phaseOf(row!.id)).toBeNull();
  });

  it('a delivery report that arrives before the prompt route answers still settles it', async () => {
    await live(T0); // the agent is idle: SAM delivers at once
    h.sam.hold = true;
    const sent = sendPrompt(h.engine, PROJECT, 's1', 'thanks, ship it');
    h.deliver(h.sam.outbox.splice(0));
    h.sam.release();
    await sent;
    await h.settle();
    const [row] = (h.sam.messages.get('s1') ?? []).filter((m) => m.content === 'thanks, ship it');
    expect(phaseOf(row!.id)).toBeNull();
  });
});
