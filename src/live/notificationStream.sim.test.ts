import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/query-core';
import { createTestSimulator, type TestSimulator } from '../../mocks/node';
import type { ConnectionSink } from '../state/connection';
import type { ConnectionStatus } from '../reconcile/types';
import { feedNotifications, type NotificationFeed } from '../reconcile/notifications';
import { notificationKeys } from './notificationCache';
import { createLiveEngine } from './engine';
import type { NotificationStream } from './notificationStream';

/*
 * The notification stream against the simulated SAM (msw over fetch and WebSocket): the socket drops,
 * notifications are created, read and dismissed while it is down, it comes back, and every item is held
 * exactly once with SAM's read state and count.
 */

beforeAll(() => {
  // In node there is no page origin: API paths and the socket URL resolve against this one.
  globalThis.location ??= new URL('http://localhost/') as unknown as Location;
});

let sim: TestSimulator | null = null;
let stream: NotificationStream | null = null;
afterEach(() => {
  stream?.stop();
  sim?.close();
  stream = null;
  sim = null;
});

async function connect() {
  sim = createTestSimulator({ scenario: 'empty' });
  const [projectId] = [...sim.world.projects.keys()];
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const engine = createLiveEngine({
    client: queryClient,
    env: {
      scheduleFlush: (flush) => {
        const timer = setTimeout(flush, 0);
        return () => clearTimeout(timer);
      },
    },
  });
  const notificationQueries = engine.notifications.queries;
  await Promise.all([
    queryClient.fetchQuery(notificationQueries.feed()),
    queryClient.fetchQuery(notificationQueries.unread()),
    queryClient.fetchQuery(notificationQueries.unreadCount()),
  ]);
  const statuses: ConnectionStatus[] = [];
  const connection: ConnectionSink = {
    setStatus: (_stream, status) => statuses.push(status),
    frameDropped: () => {},
    frameIgnored: () => {},
    catchUpStarted: () => {},
    catchUpFinished: () => {},
  };
  stream = engine.notificationStream({ connection, timing: { backoffBaseMs: 20, backoffCapMs: 50 } });
  stream.start();
  await vi.waitFor(() => expect(statuses.at(-1)).toBe('live'));
  const world = sim.world;
  const create = (title: string, type = 'needs_input') => world.notifications.create({ type, projectId: projectId ?? null, title });
  const held = (key: readonly unknown[]) => feedNotifications(queryClient.getQueryData<NotificationFeed>(key));
  const ids = (key: readonly unknown[]) => held(key).map((n) => n.id);
  return { sim, stream, queryClient, statuses, create, held, ids, world };
}

describe('notification stream with the simulator', () => {
  it('after a drop, what was created, read or dismissed while down is caught up, each item exactly once', async () => {
    const { sim, stream, queryClient, statuses, create, held, ids, world } = await connect();
    const a = create('A');
    const gone = create('to be dismissed', 'progress');
    await vi.waitFor(() => expect(ids(notificationKeys.feed())).toEqual([gone.id, a.id]));

    sim.faults.blockSockets('notifications');
    sim.faults.dropSockets('notifications');
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('reconnecting'));
    const b = create('B');
    const c = create('C', 'task_complete');
    world.notifications.markRead(a.id);
    world.notifications.dismiss(gone.id);
    expect(ids(notificationKeys.feed())).toEqual([gone.id, a.id]); // nothing reached us

    sim.faults.unblockSockets('notifications');
    await vi.waitFor(() => expect(statuses.at(-1)).toBe('live'));
    await vi.waitFor(() => expect(ids(notificationKeys.feed())).toEqual([c.id, b.id, a.id]));
    await stream.settled();
    expect(held(notificationKeys.feed()).find((n) => n.id === a.id)?.readAt).not.toBeNull();
    expect(
      held(notificationKeys.unread())
        .filter((n) => n.readAt === null)
        .map((n) => n.id),
    ).toEqual([c.id, b.id]);
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: world.notifications.unreadCount() });

    // Live again, and the stream duplicates frames: still once.
    sim.faults.duplicateNextFrames(4, 'notifications');
    const d = create('D');
    await vi.waitFor(() => expect(ids(notificationKeys.feed())).toEqual([d.id, c.id, b.id, a.id]));
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 3 });
  });

  it('a deploy that drops every socket loses nothing that arrived meanwhile', async () => {
    const { sim, stream, statuses, create, ids } = await connect();
    sim.faults.closeAll();
    const created = [create('one'), create('two'), create('three')];
    await vi.waitFor(() => expect(statuses.filter((s) => s === 'live')).toHaveLength(2));
    await stream.settled();
    await vi.waitFor(() => expect(ids(notificationKeys.feed())).toEqual(created.map((n) => n.id).reverse()));
  });
});
