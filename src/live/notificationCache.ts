/*
 * The notification caches of one engine and how they are written. Three queries hold notification state:
 *   feed         the panel's list: pages by cursor, newest first (`loadMore` adds the next; a refetch reloads them all)
 *   unread       the newest unread items (one page of up to 100), which the per-tab counts and the bell read
 *   unreadCount  SAM's own unread total ({ count }, as SAM answers it)
 * Everything that changes them is an action for the engine's reducer (cacheReducer.ts), which calls the
 * writes below: live frames and optimistic actions are stamped, applied to all three by the pure functions
 * of reconcile/notifications, and kept in a journal while any request is out. REST answers (the queries'
 * own, a next page, the catch-up) are settled against that journal: a write the answer cannot reflect (it
 * was learned after the request started, or is an action still pending) is applied again over it, so
 * newer wins. The keys (under the `keys.notifications()` prefix of api/queries) live here, not in the
 * feature, because the stream must reach them and live/ never imports a feature.
 */
import { keys } from '../api/queries';
import type { NotificationEvent, NotificationList } from '../api/contract';
import {
  applyWrites,
  countAfterWrites,
  feedNotifications,
  revertReadMarks,
  settleFirstPage,
  settleNextPage,
  settleResponse,
  writesAfter,
  type NotificationFeed,
  type NotificationWrite,
} from '../reconcile/notifications';
import type { LiveCore } from './core';

export type NotificationCursor = string | number | null;
export type NotificationFeedData = NotificationFeed<NotificationCursor>;
/** SAM's unread total, in the shape of its answer. */
export interface UnreadCount {
  count: number;
}

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
    const held = client.getQueryData<UnreadCount>(notificationKeys.unreadCount());
    if (held === undefined) return;
    const count = countAfterWrites(held.count, writes);
    if (count !== held.count) client.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { count });
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

  function fetchFeedPage(cursor: NotificationCursor, signal?: AbortSignal) {
    return api.notifications({ limit: FEED_PAGE_SIZE, cursor }, signal);
  }

  function fetchUnreadPage(signal?: AbortSignal) {
    return api.notifications({ filter: 'unread', limit: UNREAD_PAGE_SIZE }, signal);
  }

  /**
   * The feed as far as it is loaded, again: the first page, then one page after another by cursor until as
   * many pages are held as before (a refetch must not drop what the person scrolled to).
   */
  async function fetchLoadedPages(signal: AbortSignal): Promise<NotificationFeedData> {
    const wanted = Math.max(1, client.getQueryData<NotificationFeedData>(notificationKeys.feed())?.pages.length ?? 0);
    const feed: NotificationFeedData = { pages: [], pageParams: [] };
    let cursor: NotificationCursor = null;
    while (feed.pages.length < wanted) {
      const page = await fetchFeedPage(cursor, signal);
      feed.pages.push(page);
      feed.pageParams.push(cursor);
      if (page.nextCursor === null || page.nextCursor === undefined) break;
      cursor = page.nextCursor;
    }
    return feed;
  }

  /** The queries' functions: each hands its answer to the reducer and answers with what it wrote. */
  const queries = {
    feed: () => ({
      queryKey: notificationKeys.feed(),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<NotificationFeedData> => {
        const startedAt = core.stamp();
        const feed = await fetchLoadedPages(signal);
        return core.answer(notificationKeys.feed(), signal, { type: 'notificationFeedFetched', feed, startedAt });
      },
      structuralSharing: core.keepAnswer,
    }),
    unread: () => ({
      queryKey: notificationKeys.unread(),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<NotificationFeed<null>> => {
        const startedAt = core.stamp();
        const page = await fetchUnreadPage(signal);
        return core.answer(notificationKeys.unread(), signal, { type: 'notificationUnreadFetched', page, startedAt });
      },
      structuralSharing: core.keepAnswer,
    }),
    unreadCount: () => ({
      queryKey: notificationKeys.unreadCount(),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<UnreadCount> => {
        const startedAt = core.stamp();
        const { count } = await api.unreadCount(signal);
        return core.answer(notificationKeys.unreadCount(), signal, { type: 'unreadCountFetched', count, startedAt });
      },
      structuralSharing: core.keepAnswer,
    }),
  };

  /** The feed's next page, after the last one held (none when the feed is not loaded or is complete). */
  async function loadMore(): Promise<void> {
    const cursor = client.getQueryData<NotificationFeedData>(notificationKeys.feed())?.pages.at(-1)?.nextCursor;
    if (cursor === undefined || cursor === null) return;
    journal.requestsOut += 1;
    try {
      const startedAt = core.stamp();
      const page = await fetchFeedPage(cursor);
      core.dispatch({ type: 'notificationNextPage', cursor, page, startedAt });
    } finally {
      journal.requestsOut -= 1;
    }
  }

  /** REST answers, each with every write it cannot reflect applied again over it (newer wins). */
  function writeFeed({ feed, startedAt }: { feed: NotificationFeedData; startedAt: number }): void {
    const held = client.getQueryData<NotificationFeedData>(notificationKeys.feed());
    client.setQueryData(notificationKeys.feed(), settleResponse(held, feed, writesAfter(journal.writes, startedAt)));
  }

  function writeNextPage({ cursor, page, startedAt }: { cursor: NotificationCursor; page: NotificationList; startedAt: number }): void {
    const held = client.getQueryData<NotificationFeedData>(notificationKeys.feed());
    const next = settleNextPage(held, cursor, page, writesAfter(journal.writes, startedAt));
    if (next !== undefined && next !== held) client.setQueryData(notificationKeys.feed(), next);
  }

  function writeUnread({ page, startedAt }: { page: NotificationList; startedAt: number }): void {
    const held = client.getQueryData<NotificationFeed<null>>(notificationKeys.unread());
    client.setQueryData(notificationKeys.unread(), settleResponse(held, { pages: [page], pageParams: [null] }, writesAfter(journal.writes, startedAt)));
  }

  /** SAM's count, with every write it cannot reflect applied on top. */
  function writeCount({ count, startedAt }: { count: number; startedAt: number }): void {
    client.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { count: countAfterWrites(count, writesAfter(journal.writes, startedAt)) });
  }

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
    if (firstPage && feed) client.setQueryData(notificationKeys.feed(), settleFirstPage(feed, firstPage, later));
    const unread = client.getQueryData<NotificationFeed<null>>(notificationKeys.unread());
    client.setQueryData(notificationKeys.unread(), settleResponse(unread, { pages: [unreadPage], pageParams: [null] }, later));
    client.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { count: countAfterWrites(count, later) });
  }

  /** A refused "mark all read" that left the count at zero: SAM's count from before it. */
  function restoreCount(count: number): void {
    client.setQueryData<UnreadCount>(notificationKeys.unreadCount(), { count });
  }

  const writes = {
    frames: applyFrames,
    optimistic: applyOptimistic,
    settled: settleOptimistic,
    feedFetched: writeFeed,
    nextPage: writeNextPage,
    unreadFetched: writeUnread,
    countFetched: writeCount,
    caughtUp: writeCaughtUp,
    countRestored: restoreCount,
  };
  return { queries, loadMore, optimisticWrite, cancelFetches, catchUp, writes };
}

type CaughtUp = { firstPage: NotificationList | null; unreadPage: NotificationList; count: number; startedAt: number };

export type NotificationCache = ReturnType<typeof createNotificationCache>;
/** The writes to the notification caches, called only by the engine's reducer (src/live/cacheReducer.ts). */
export type NotificationCacheWrites = NotificationCache['writes'];
