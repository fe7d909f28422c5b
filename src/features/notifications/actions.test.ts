import { afterEach, describe, expect, it, vi } from 'vitest';
import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import type { NotificationList } from '../../api/contract';
import { feedNotifications, type NotificationFeed } from '../../reconcile/notifications';
import { makeNotification, makePage, T0 } from '../../reconcile/notifications.fixtures';
import { createLiveEngine, notificationKeys } from '../../live/react';
import { dismissMutation, markReadMutation } from './actions';

/*
 * Bug 6: dismiss and mark-read wrote optimistically while a refetch was in flight; that refetch (which
 * SAM answered before the action) then landed and brought the dismissed item back. Actions now cancel
 * the requests in flight first, and fetch again once SAM has answered.
 */

const item = (id: string, minute: number) => makeNotification({ id, createdAt: T0 + minute * 60_000 });
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.restoreAllMocks());

async function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const engine = createLiveEngine({ client });
  const answers: Array<{ resolve: (page: NotificationList) => void; signal: AbortSignal | undefined }> = [];
  const fetchPage = vi.spyOn(api, 'notifications');
  fetchPage.mockResolvedValueOnce(makePage([item('b', 2), item('a', 1)]));
  await client.fetchQuery(engine.notifications.queries.feed());
  fetchPage.mockImplementation((_query, signal) => new Promise((resolve) => answers.push({ resolve, signal })));
  const ids = () => feedNotifications(client.getQueryData<NotificationFeed>(notificationKeys.feed())).map((n) => n.id);
  const find = (id: string) => feedNotifications(client.getQueryData<NotificationFeed>(notificationKeys.feed())).find((n) => n.id === id);
  return { client, engine, answers, ids, find };
}

describe('notification actions while a refetch is in flight', () => {
  it('dismiss cancels the refetch, and its older answer cannot bring the item back', async () => {
    const { client, engine, answers, ids } = await setup();
    void client.refetchQueries({ queryKey: notificationKeys.feed() });
    await flush();
    expect(answers).toHaveLength(1);
    let confirm = () => {};
    vi.spyOn(api, 'dismiss').mockImplementation(() => new Promise((resolve) => (confirm = () => resolve({ success: true }))));

    const dismissing = new MutationObserver(client, dismissMutation(engine)).mutate('a');
    await flush();
    expect(answers[0]?.signal?.aborted).toBe(true);
    expect(ids()).toEqual(['b']);
    answers[0]?.resolve(makePage([item('b', 2), item('a', 1)])); // SAM answered before the dismiss
    await flush();
    expect(ids()).toEqual(['b']);

    confirm();
    await dismissing;
    await flush();
    // The cancelled refetch is asked for again once SAM has answered (a mounted panel refetches at once).
    expect(client.getQueryState(notificationKeys.feed())?.isInvalidated).toBe(true);
    expect(ids()).toEqual(['b']);
  });

  it('mark-read cancels the refetch first; a refused read is taken back', async () => {
    const { client, engine, answers, find } = await setup();
    void client.refetchQueries({ queryKey: notificationKeys.feed() });
    await flush();
    let refuse = () => {};
    vi.spyOn(api, 'markRead').mockImplementation(() => new Promise((_resolve, reject) => (refuse = () => reject(new Error('refused')))));

    const reading = new MutationObserver(client, markReadMutation(engine)).mutate('a').catch(() => {});
    await flush();
    expect(answers[0]?.signal?.aborted).toBe(true);
    expect(find('a')?.readAt).not.toBeNull();
    refuse();
    await reading;
    await flush();
    expect(find('a')?.readAt).toBeNull();
  });
});

describe('a refused dismiss further down the feed', () => {
  it('brings the item back: the refetch asks again for every page held, not only the first', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const engine = createLiveEngine({ client });
    const first = makePage([item('d', 4), item('c', 3)], 2);
    const second = makePage([item('b', 2), item('a', 1)]);
    vi.spyOn(api, 'notifications').mockImplementation(async (query = {}) => (query.cursor === 2 ? second : first));
    await client.fetchQuery(engine.notifications.queries.feed());
    await engine.notifications.loadMore();
    const ids = () => feedNotifications(client.getQueryData<NotificationFeed>(notificationKeys.feed())).map((n) => n.id);
    expect(ids()).toEqual(['d', 'c', 'b', 'a']);

    vi.spyOn(api, 'dismiss').mockRejectedValue(new Error('refused'));
    await new MutationObserver(client, dismissMutation(engine)).mutate('a').catch(() => {});
    await flush();
    await client.refetchQueries({ queryKey: notificationKeys.feed() });
    expect(ids()).toEqual(['d', 'c', 'b', 'a']);
    expect(client.getQueryData<NotificationFeed>(notificationKeys.feed())?.pages).toHaveLength(2);
  });
});
