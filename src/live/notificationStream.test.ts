import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/query-core';
import { api } from '../api/endpoints';
import type { Notification, NotificationList } from '../api/contract';
import type { ConnectionSink } from '../state/connection';
import type { ConnectionStatus } from '../reconcile/types';
import { feedNotifications, type NotificationFeed } from '../reconcile/notifications';
import { makeNotification, makePage, T0 } from '../reconcile/notifications.fixtures';
import { createFakeEnv } from './testing/fakeEnv';
import { notificationKeys, type NotificationFeedData } from './notificationCache';
import { createLiveEngine } from './engine';

/** What SAM's wire carries: ISO strings, which the contract turns into epoch ms. */
const wire = (n: Notification) => ({
  ...n,
  createdAt: new Date(n.createdAt).toISOString(),
  readAt: n.readAt === null ? null : new Date(n.readAt).toISOString(),
  dismissedAt: null,
});
const at = (minutes: number) => T0 + minutes * 60_000;
const item = (id: string, minute: number, extra: Partial<Notification> = {}) => makeNotification({ id, createdAt: at(minute), ...extra });

function setup(held: { feed?: Notification[]; unread?: Notification[]; count?: number } = {}) {
  const env = createFakeEnv({ start: at(100) });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (held.feed) queryClient.setQueryData<NotificationFeedData>(notificationKeys.feed(), { pages: [makePage(held.feed)], pageParams: [null] });
  if (held.unread) queryClient.setQueryData(notificationKeys.unread(), { pages: [makePage(held.unread)], pageParams: [null] });
  if (held.count !== undefined) queryClient.setQueryData(notificationKeys.unreadCount(), { count: held.count });
  const statuses: ConnectionStatus[] = [];
  const dropped: string[] = [];
  const connection: ConnectionSink = {
    setStatus: (_stream, status) => statuses.push(status),
    frameDropped: (reason) => dropped.push(reason),
    frameIgnored: () => {},
    catchUpStarted: () => {},
    catchUpFinished: () => {},
  };
  const arrivals: string[][] = [];
  const engine = createLiveEngine({ client: queryClient, env });
  const stream = engine.notificationStream({ connection, onArrived: (items) => arrivals.push(items.map((n) => n.id)) });
  const ids = (key: readonly unknown[]) => feedNotifications(queryClient.getQueryData<NotificationFeed>(key)).map((n) => n.id);
  const find = (key: readonly unknown[], id: string) => feedNotifications(queryClient.getQueryData<NotificationFeed>(key)).find((n) => n.id === id);
  return { env, queryClient, stream, statuses, dropped, arrivals, ids, find };
}

function serveRest(pages: { feed: NotificationList; unread: NotificationList; count: number }) {
  const notifications = vi.spyOn(api, 'notifications').mockImplementation(async (query = {}) => (query.filter === 'unread' ? pages.unread : pages.feed));
  const unreadCount = vi.spyOn(api, 'unreadCount').mockResolvedValue({ count: pages.count });
  return { notifications, unreadCount };
}

afterEach(() => vi.restoreAllMocks());

describe('notification stream: live frames', () => {
  it('applies new, read, dismissed and unread_count frames to every held cache, batched per frame', () => {
    const { env, stream, ids, find, queryClient, statuses } = setup({ feed: [item('b', 2), item('a', 1)], unread: [item('b', 2), item('a', 1)], count: 2 });
    stream.start();
    const socket = env.latestSocket();
    socket.serverOpen();
    socket.serverSend({ type: 'notification.new', notification: wire(item('c', 3, { type: 'needs_input' })) });
    socket.serverSend({ type: 'notification.read', notificationId: 'a' });
    socket.serverSend({ type: 'notification.dismissed', notificationId: 'b' });
    socket.serverSend({ type: 'notification.unread_count', count: 1 });
    expect(ids(notificationKeys.feed())).toEqual(['b', 'a']); // nothing until the frame flush
    env.runFrame();
    expect(ids(notificationKeys.feed())).toEqual(['c', 'a']);
    expect(ids(notificationKeys.unread())).toEqual(['c', 'a']);
    expect(find(notificationKeys.feed(), 'a')?.readAt).toBe(at(100));
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 1 });
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('a duplicated new frame shows once and is announced once', () => {
    const { env, stream, ids, arrivals } = setup({ feed: [item('a', 1)], unread: [] });
    stream.start();
    const socket = env.latestSocket();
    socket.serverOpen();
    const frame = { type: 'notification.new', notification: wire(item('c', 3)) };
    socket.serverSend(frame);
    socket.serverSend(frame);
    env.runFrame();
    socket.serverSend(frame);
    env.runFrame();
    expect(ids(notificationKeys.feed())).toEqual(['c', 'a']);
    expect(arrivals).toEqual([['c']]);
  });

  it('all_read marks everything read and zeroes the count; invalid frames are counted, not applied', () => {
    const { env, stream, find, queryClient, dropped } = setup({ feed: [item('a', 1)], count: 1 });
    stream.start();
    const socket = env.latestSocket();
    socket.serverOpen();
    socket.serverSend('not json');
    socket.serverSend({ type: 'notification.read' });
    socket.serverSend({ type: 'notification.all_read' });
    env.runFrame();
    expect(find(notificationKeys.feed(), 'a')?.readAt).toBe(at(100));
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 0 });
    expect(dropped).toHaveLength(2);
  });
});

describe('notification stream: catch-up after a reconnect', () => {
  it('fetches the first page, unread list and count, and merges so each item shows once', async () => {
    const { env, stream, ids, queryClient } = setup({ feed: [item('b', 2), item('a', 1)], unread: [item('b', 2)], count: 1 });
    const rest = serveRest({
      feed: makePage([item('d', 4), item('c', 3), item('b', 2), item('a', 1)]),
      unread: makePage([item('d', 4), item('c', 3), item('b', 2)]),
      count: 3,
    });
    stream.start();
    env.latestSocket().serverOpen();
    await stream.settled();
    rest.notifications.mockClear();
    env.latestSocket().serverClose(1006);
    env.advance(env.nextTimerIn() ?? 0);
    env.latestSocket().serverOpen();
    await stream.settled();
    expect(rest.notifications).toHaveBeenCalledTimes(2); // first page + unread list
    expect(ids(notificationKeys.feed())).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(notificationKeys.unread())).toEqual(['d', 'c', 'b']);
    expect(queryClient.getQueryData(notificationKeys.unreadCount())).toEqual({ count: 3 });
  });

  it('a frame that arrives while the catch-up requests are out is not undone by their older answer', async () => {
    const { env, stream, find } = setup({ feed: [item('a', 1)], unread: [item('a', 1)], count: 1 });
    const answers: Array<(page: NotificationList) => void> = [];
    vi.spyOn(api, 'notifications').mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    vi.spyOn(api, 'unreadCount').mockResolvedValue({ count: 1 });
    stream.start();
    const socket = env.latestSocket();
    socket.serverOpen(); // caches are held: the first open catches up too
    socket.serverSend({ type: 'notification.read', notificationId: 'a' });
    env.runFrame();
    expect(answers).toHaveLength(2); // the first page and the unread list
    answers.forEach((answer) => answer(makePage([item('a', 1)]))); // fetched before the read: says unread
    await stream.settled();
    expect(find(notificationKeys.feed(), 'a')?.readAt).toBe(at(100));
    expect(find(notificationKeys.unread(), 'a')?.readAt).toBe(at(100));
  });

  it('falls back to refetching the queries when the catch-up fails', async () => {
    const { env, stream, queryClient } = setup({ count: 1 });
    vi.spyOn(api, 'notifications').mockRejectedValue(new Error('offline'));
    vi.spyOn(api, 'unreadCount').mockRejectedValue(new Error('offline'));
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    stream.start();
    env.latestSocket().serverOpen();
    await stream.settled();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: notificationKeys.all });
  });
});
