/*
 * The notification caches of one engine and how they are written. Three queries hold notification state:
 *   feed         the panel's list, paged by cursor (InfiniteData, newest first)
 *   unread       the newest unread items (one page of up to 100), which the per-tab counts and the bell read
 *   unreadCount  SAM's own unread total
 * Live frames and optimistic actions are writes: dispatched to the engine's reducer (cacheReducer.ts),
 * stamped, applied to all three by the pure functions of reconcile/notifications, and kept in a journal while any request is out. REST answers (query pages,
 * the catch-up) are settled against that journal: a write the answer cannot reflect (it was learned after
 * the request started, or is an action still pending) is applied again over it, so newer wins. The keys
 * (under the `keys.notifications()` prefix of api/queries) live here, not in the feature, because the
 * stream must reach them and live/ never imports a feature.
 */
import type { InfiniteData } from '@tanstack/query-core';
import { keys } from '../api/queries';
import type { NotificationEvent, NotificationList } from '../api/contract';
import {
  applyWrites,
  countAfterWrites,
  feedNotifications,
  mergeFirstPage,
  revertReadMarks,
  settleResponse,
  writesAfter,
  type NotificationFeed,
  type NotificationWrite,
} from '../reconcile/notifications';
import type { LiveCore } from './core';

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

interface Journal {
  /** Writes an answer still out may need again, oldest first. */
  writes: NotificationWrite[];
  /** Requests out that no query tracks (the catch-up's). */
  requestsOut: number;
}

/** The notification caches of one engine: their journal, their queries and every write to them. */
export function createNotificationCache(core: LiveCore) {
  const { client } = core;
  const { api } = core.env;
  const journal: Journal = { writes: [], requestsOut: 0 };
  /** Each REST page a query function fetched, with when its request started, until it is settled. */
  const responseStarts = new WeakMap<object, { startedAt: number }>();

  function answersOut(): boolean {
    return journal.requestsOut > 0 || client.isFetching({ queryKey: notificationKeys.all }) > 0;
  }

  /** Keeps a write for the answers still out (and pending actions always); with none out, it is not needed. */
  function remember(write: NotificationWrite): void {
    const waiting = answersOut();
    const kept = waiting ? journal.writes : journal.writes.filter((w) => w.pending);
    journal.writes = waiting || write.pending ? [...kept, write] : kept;
  }

  /** Applies writes to every notification cache. A cache not loaded yet is left to its own fetch. */
  function applyToCaches(writes: readonly NotificationWrite[]): void {
    for (const key of [notificationKeys.feed(), notificationKeys.unread()]) {
      const held = client.getQueryData<NotificationFeed>(key);
      if (!held) continue;
      const next = applyWrites(held, writes);
      if (next !== held) client.setQueryData(key, next);
    }
    const count = client.getQueryData<number>(notificationKeys.unreadCount());
    if (count === undefined) return;
    const nextCount = countAfterWrites(count, writes);
    if (nextCount !== count) client.setQueryData(notificationKeys.unreadCount(), nextCount);
  }

  /** The newest createdAt of anything held or about to be: what an `all_read` learned now covers. */
  function newestKnown(events: readonly NotificationEvent[] = []): number {
    let newest = -Infinity;
    for (const key of [notificationKeys.feed(), notificationKeys.unread()]) {
      for (const n of feedNotifications(client.getQueryData<NotificationFeed>(key))) newest = Math.max(newest, n.createdAt);
    }
    for (const event of events) if (event.type === 'notification.new') newest = Math.max(newest, event.notification.createdAt);
    return newest;
  }

  /**
   * A write learned now. `liveAt` is given for a live frame (the time its read marks carry); without it the
   * write is an optimistic action, pending until SAM answers, whose read marks carry its own stamp.
   */
  function toWrite(event: NotificationEvent, before: readonly NotificationEvent[], liveAt?: number): NotificationWrite {
    const stamp = core.stamp();
    const write: NotificationWrite = { event, stamp, at: liveAt ?? stamp, pending: liveAt === undefined };
    if (event.type === 'notification.all_read') write.readUpTo = newestKnown(before);
    return write;
  }

  /** Live frames, in arrival order. `now` stamps `readAt` for read frames, which carry no time of their own. */
  function applyFrames(events: readonly NotificationEvent[], now: number): void {
    if (events.length === 0) return;
    const writes = events.map((event, i) => toWrite(event, events.slice(0, i), now));
    for (const write of writes) remember(write);
    applyToCaches(writes);
  }

  /** An optimistic action as a write, stamped now; dispatched, it is re-applied over every answer until settled. */
  function optimisticWrite(event: NotificationEvent): NotificationWrite {
    return toWrite(event, []);
  }

  function applyOptimistic(write: NotificationWrite): void {
    remember(write);
    applyToCaches([write]);
  }

  /**
   * SAM answered an optimistic action. Confirmed: it stays like any other write. Refused: it is dropped
   * from the journal and exactly the read marks it made are taken back (a read SAM confirmed meanwhile
   * carries another time and stays). A refused dismiss cannot be undone here: the caller refetches.
   */
  function settleOptimistic(write: NotificationWrite, outcome: 'confirmed' | 'refused'): void {
    journal.writes = journal.writes.flatMap((w) => {
      if (w !== write) return [w];
      return outcome === 'confirmed' && answersOut() ? [{ ...w, pending: false }] : [];
    });
    if (outcome === 'confirmed') return;
    for (const key of [notificationKeys.feed(), notificationKeys.unread()]) {
      const held = client.getQueryData<NotificationFeed>(key);
      if (!held) continue;
      const ids = new Set(feedNotifications(held).map((n) => n.id));
      const next = revertReadMarks(held, ids, write.at);
      if (next !== held) client.setQueryData(key, next);
    }
  }

  /**
   * Cancels the notification requests in flight before an optimistic write (TanStack's rule for optimistic
   * updates). Resolves to whether any was cancelled: the caller then refetches once the action settles.
   */
  async function cancelFetches(): Promise<boolean> {
    const wasFetching = client.isFetching({ queryKey: notificationKeys.all }) > 0;
    await client.cancelQueries({ queryKey: notificationKeys.all });
    return wasFetching;
  }

  /** TanStack calls this when it stores feed or unread data; only pages a query function fetched are settled. */
  function settleFetchedPages(held: unknown, incoming: unknown): unknown {
    const feed = incoming as NotificationFeed;
    const starts = feed.pages.flatMap((page) => responseStarts.get(page) ?? []);
    if (starts.length === 0) return incoming; // written through this module: already settled
    for (const page of feed.pages) responseStarts.delete(page);
    const startedAt = Math.min(...starts.map((s) => s.startedAt));
    return settleResponse(held as NotificationFeed | undefined, feed, writesAfter(journal.writes, startedAt));
  }

  /** Runs one REST request, remembering when it started so that its answer can be settled. */
  async function fetched<T extends object>(request: () => Promise<T>): Promise<T> {
    const startedAt = core.stamp();
    const page = await request();
    responseStarts.set(page, { startedAt });
    return page;
  }

  function fetchFeedPage(cursor: NotificationCursor, signal?: AbortSignal) {
    return api.notifications({ limit: FEED_PAGE_SIZE, cursor }, signal);
  }

  function fetchUnreadPage(signal?: AbortSignal) {
    return api.notifications({ filter: 'unread', limit: UNREAD_PAGE_SIZE }, signal);
  }

  /** SAM's count, with every write it cannot reflect applied on top (settled as it lands). */
  async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
    const startedAt = core.stamp();
    const { count } = await api.unreadCount(signal);
    return countAfterWrites(count, writesAfter(journal.writes, startedAt));
  }

  const queries = {
    feed: () => ({
      queryKey: notificationKeys.feed(),
      queryFn: ({ pageParam, signal }: { pageParam: NotificationCursor; signal: AbortSignal }) => fetched(() => fetchFeedPage(pageParam, signal)),
      initialPageParam: null as NotificationCursor,
      getNextPageParam: (lastPage: NotificationList) => lastPage.nextCursor ?? undefined,
      structuralSharing: settleFetchedPages,
    }),
    unread: () => ({
      queryKey: notificationKeys.unread(),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<NotificationFeed<null>> => {
        const page = await fetched(() => fetchUnreadPage(signal));
        return { pages: [page], pageParams: [null] };
      },
      structuralSharing: settleFetchedPages,
    }),
    unreadCount: () => ({ queryKey: notificationKeys.unreadCount(), queryFn: ({ signal }: { signal: AbortSignal }) => fetchUnreadCount(signal) }),
  };

  /**
   * After a reconnect: SAM keeps no replay buffer, so fetch the first page, the unread list and the count,
   * and merge them (keyed by id) into what is held; writes learned while these requests were out are
   * applied again over them, so a stale answer cannot undo them.
   */
  async function catchUp(): Promise<void> {
    journal.requestsOut += 1;
    try {
      const startedAt = core.stamp();
      const feedHeld = client.getQueryData<NotificationFeed>(notificationKeys.feed()) !== undefined;
      const [firstPage, unreadPage, count] = await Promise.all([feedHeld ? fetchFeedPage(null) : Promise.resolve(null), fetchUnreadPage(), api.unreadCount()]);
      core.dispatch({ type: 'notificationsCaughtUp', firstPage, unreadPage, count: count.count, startedAt });
    } finally {
      journal.requestsOut -= 1;
    }
  }

  /** The catch-up's answers, with every write they cannot reflect applied again over them. */
  function writeCaughtUp({ firstPage, unreadPage, count, startedAt }: CaughtUp): void {
    const later = writesAfter(journal.writes, startedAt);
    const feed = client.getQueryData<NotificationFeedData>(notificationKeys.feed());
    if (firstPage && feed) client.setQueryData(notificationKeys.feed(), applyWrites(mergeFirstPage(feed, firstPage), later));
    const unread = client.getQueryData<NotificationFeed<null>>(notificationKeys.unread());
    client.setQueryData(notificationKeys.unread(), settleResponse(unread, { pages: [unreadPage], pageParams: [null] }, later));
    client.setQueryData(notificationKeys.unreadCount(), countAfterWrites(count, later));
  }

  /** A refused "mark all read" that left the count at zero: SAM's count from before it. */
  function restoreCount(count: number): void {
    client.setQueryData(notificationKeys.unreadCount(), count);
  }

  const writes = { frames: applyFrames, optimistic: applyOptimistic, settled: settleOptimistic, caughtUp: writeCaughtUp, countRestored: restoreCount };
  return { queries, optimisticWrite, cancelFetches, catchUp, writes };
}

type CaughtUp = { firstPage: NotificationList | null; unreadPage: NotificationList; count: number; startedAt: number };

export type NotificationCache = ReturnType<typeof createNotificationCache>;
/** The writes to the notification caches, called only by the engine's reducer (src/live/cacheReducer.ts). */
export type NotificationCacheWrites = NotificationCache['writes'];
