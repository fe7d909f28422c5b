/*
 * The notification caches and how stream events reach them. Three queries hold notification state:
 *   feed         the panel's list, paged by cursor (InfiniteData, newest first)
 *   unread       the newest unread items (one page of up to 100), which the per-tab counts and the bell read
 *   unreadCount  SAM's own unread total
 * Frames are applied to all three by the pure reducer in reconcile/notifications. The keys (under the
 * `keys.notifications()` prefix of api/queries) live here, not in the feature, because the stream must
 * reach them and live/ never imports a feature.
 */
import { infiniteQueryOptions, queryOptions, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';
import { keys } from '../api/queries';
import type { NotificationEvent, NotificationList } from '../api/contract';
import {
  applyNotificationEvents,
  mergeFirstPage,
  unreadCountAfter,
  type NotificationFeed,
} from '../reconcile/notifications';

export type NotificationCursor = string | number | null;
export type NotificationFeedData = InfiniteData<NotificationList, NotificationCursor>;

export const FEED_PAGE_SIZE = 30;
/** SAM's ceiling for one page; more unread items than this make the tab counts lower bounds ("12+"). */
export const UNREAD_PAGE_SIZE = 100;

export const notificationKeys = {
  all: keys.notifications(),
  feed: () => [...notificationKeys.all, 'feed'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
};

function fetchFeedPage(cursor: NotificationCursor, signal?: AbortSignal) {
  return api.notifications({ limit: FEED_PAGE_SIZE, cursor }, signal);
}

async function fetchUnread(signal?: AbortSignal): Promise<NotificationFeed<null>> {
  const page = await api.notifications({ filter: 'unread', limit: UNREAD_PAGE_SIZE }, signal);
  return { pages: [page], pageParams: [null] };
}

async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  return (await api.unreadCount(signal)).count;
}

export const notificationQueries = {
  feed: () =>
    infiniteQueryOptions({
      queryKey: notificationKeys.feed(),
      queryFn: ({ pageParam, signal }) => fetchFeedPage(pageParam, signal),
      initialPageParam: null as NotificationCursor,
      getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    }),
  unread: () =>
    queryOptions({ queryKey: notificationKeys.unread(), queryFn: ({ signal }) => fetchUnread(signal) }),
  unreadCount: () =>
    queryOptions({ queryKey: notificationKeys.unreadCount(), queryFn: ({ signal }) => fetchUnreadCount(signal) }),
};

/** Applies validated frames to every notification cache. A cache not loaded yet is left to its own fetch. */
export function applyNotificationFrames(queryClient: QueryClient, events: readonly NotificationEvent[], now: number): void {
  if (events.length === 0) return;
  for (const key of [notificationKeys.feed(), notificationKeys.unread()]) {
    const held = queryClient.getQueryData<NotificationFeed>(key);
    if (!held) continue;
    const next = applyNotificationEvents(held, events, now);
    if (next !== held) queryClient.setQueryData(key, next);
  }
  const count = queryClient.getQueryData<number>(notificationKeys.unreadCount());
  const nextCount = events.reduce(unreadCountAfter, count);
  if (nextCount !== undefined && nextCount !== count) queryClient.setQueryData(notificationKeys.unreadCount(), nextCount);
}

/**
 * After a reconnect: SAM keeps no replay buffer, so fetch the first page, the unread list and the count,
 * and merge them (keyed by id) into what is held. Frames that arrive while these requests are out are
 * applied at once and again after the merge (`replay`), so a stale response cannot undo them.
 */
export async function catchUpNotifications(
  queryClient: QueryClient,
  replay: () => readonly NotificationEvent[],
  now: () => number,
): Promise<void> {
  const feedHeld = queryClient.getQueryData<NotificationFeed>(notificationKeys.feed()) !== undefined;
  const [firstPage, unread, count] = await Promise.all([
    feedHeld ? fetchFeedPage(null) : Promise.resolve(null),
    fetchUnread(),
    fetchUnreadCount(),
  ]);
  if (firstPage) {
    const held = queryClient.getQueryData<NotificationFeedData>(notificationKeys.feed());
    if (held) queryClient.setQueryData(notificationKeys.feed(), mergeFirstPage(held, firstPage));
  }
  queryClient.setQueryData(notificationKeys.unread(), unread);
  queryClient.setQueryData(notificationKeys.unreadCount(), count);
  applyNotificationFrames(queryClient, replay(), now());
}
