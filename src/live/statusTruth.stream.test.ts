import { afterEach, describe, expect, it } from 'vitest';
import { T0, makeRow, makeTask } from '../test/factories';
import { createHarness, type Harness } from './testing/harness';

/*
 * The displayed status through the whole stream (caches, REST answers, frames) against the fake SAM
 * with its real task/session quirks: whole-second failure versions, retries in place, a lagging list.
 */
let h: Harness;
afterEach(() => h?.stop());

async function live({ open = true } = {}) {
  h = createHarness({ start: T0 + 400 });
  h.sam.putTask(makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 + 300 }));
  h.sam.putSession(makeRow({ id: 's1', taskId: 't1', lastMessageAt: T0 + 300 }));
  h.sam.addMessage('s1', 'user', 'go');
  h.stream.start();
  h.mountSidebar();
  if (open) h.openChat('s1');
  h.connect();
  await h.settle();
}

describe('status truth against SAM quirks', () => {
  it('a failure written in whole seconds beats the running row of the same second (Corrections 6)', async () => {
    // Only the tasks list tells (no chat open, so no embedded task); the row stays active (stale-active).
    await live({ open: false });
    expect(h.entry('s1')?.view.state).toBe('working');
    // 10:00:00.4xx really; stored as 10:00:00, before the running row's .300.
    const frames = h.sam.setTaskStatus('t1', 'failed', 'tests did not pass', { wholeSeconds: true });
    expect(h.sam.tasks.get('t1')!.updatedAt).toBeLessThan(T0 + 300);
    h.deliver(frames);
    await h.settle();
    expect(h.entry('s1')?.view).toMatchObject({ state: 'failed', reason: expect.stringContaining('tests did not pass') });
  });

  it('a task SAM retries in place shows its progress although the row still says failed (issue 18 item 1)', async () => {
    await live();
    h.deliver([...h.sam.setTaskStatus('t1', 'failed', 'VM lost', { wholeSeconds: true }), ...h.sam.setSessionStatus('s1', 'failed')]);
    await h.settle();
    expect(h.entry('s1')?.view.state).toBe('failed');
    h.sam.tick(2_000);
    h.deliver(h.sam.retryInPlace('t1'));
    await h.settle();
    expect(h.sam.sessions.get('s1')?.status).toBe('failed');
    expect(h.entry('s1')?.view).toMatchObject({ state: 'working', reason: 'queued again: waiting for a VM', ended: false });
  });

  it('a chat created a moment ago and missing from a lagging list still shows, from session.created (Corrections 9)', async () => {
    await live();
    h.sam.listLagMs = 5_000;
    h.sam.putTask(makeTask({ id: 't2', status: 'queued', updatedAt: h.sam.tick() }));
    h.deliver(h.sam.putSession(makeRow({ id: 's2', taskId: 't2', createdAt: h.sam.tick(), lastMessageAt: h.sam.now })));
    await h.settle();
    const listed = await h.sam.api.sessions('p1', {});
    expect(listed.sessions.map((row) => row.id)).not.toContain('s2');
    expect(h.sidebarIds()).toContain('s2');
  });
});
