/*
 * The notification feed as cached pages (TanStack's InfiniteData shape, newest first), and the pure
 * reducer that applies notification frames to it. Invariants: an id appears at most once; a read mark is
 * never taken back (SAM has no "mark unread"); items that did not change keep their identity, so their
 * rows do not re-render.
 */
import type { Notification, NotificationEvent, NotificationList } from '../api/contract';

export interface NotificationFeed<PageParam = unknown> {
  pages: NotificationList[];
  pageParams: PageParam[];
}

/** Every held item, newest first, each id once (the first page that holds it wins). */
export function feedNotifications(feed: NotificationFeed | undefined): Notification[] {
  if (!feed) return [];
  const seen = new Set<string>();
  const out: Notification[] = [];
  for (const page of feed.pages) {
    for (const notification of page.notifications) {
      if (seen.has(notification.id)) continue;
      seen.add(notification.id);
      out.push(notification);
    }
  }
  return out;
}

/** Applies frames in order. `now` stamps `readAt` for read frames, which carry no time of their own. */
export function applyNotificationEvents<F extends NotificationFeed>(feed: F, events: readonly NotificationEvent[], now: number): F {
  return events.reduce((current, event) => applyNotificationEvent(current, event, now), feed);
}

export function applyNotificationEvent<F extends NotificationFeed>(feed: F, event: NotificationEvent, now: number): F {
  switch (event.type) {
    case 'notification.new':
      return holds(feed, event.notification.id) ? replace(feed, event.notification) : insert(feed, event.notification);
    case 'notification.updated':
      // Not held: it is older than the loaded pages (or was dismissed); the next fetch brings it if it matters.
      return replace(feed, event.notification);
    case 'notification.read':
      return mapItems(feed, (n) => (n.id === event.notificationId ? markRead(n, now) : n));
    case 'notification.all_read':
      return mapItems(feed, (n) => markRead(n, now));
    case 'notification.dismissed':
      return mapItems(feed, (n) => (n.id === event.notificationId ? null : n));
    case 'notification.unread_count':
    case 'pong':
      return feed;
    default:
      exhaustive(event);
      return feed;
  }
}

/**
 * A write to the notification caches that Lookout learned at `stamp` (one clock per QueryClient, the
 * same one REST requests take when they start): a live frame, or an optimistic action.
 */
export interface NotificationWrite {
  event: NotificationEvent;
  stamp: number;
  /** The time a read mark made by this write carries. */
  at: number;
  /** An optimistic action SAM has not answered yet: re-applied over every response until it settles. */
  pending: boolean;
  /**
   * For `all_read`: the newest createdAt known when it was learned. Applied again over a newer answer,
   * it must not mark items created after it (SAM's frame carries no time of its own).
   */
  readUpTo?: number;
}

/**
 * The writes a REST answer whose request started at `startedAt` cannot reflect: every later one (newer
 * wins), and every optimistic one still pending (SAM may have answered the read before the action).
 */
export function writesAfter(writes: readonly NotificationWrite[], startedAt: number): NotificationWrite[] {
  return writes.filter((w) => w.pending || w.stamp > startedAt);
}

export function applyWrites<F extends NotificationFeed>(feed: F, writes: readonly NotificationWrite[]): F {
  return writes.reduce((current, w) => {
    if (w.event.type !== 'notification.all_read' || w.readUpTo === undefined) return applyNotificationEvent(current, w.event, w.at);
    const upTo = w.readUpTo;
    return mapItems(current, (n) => (n.createdAt <= upTo ? markRead(n, w.at) : n));
  }, feed);
}

export function countAfterWrites(count: number, writes: readonly NotificationWrite[]): number {
  return writes.reduce<number>((current, w) => unreadCountAfter(current, w.event) ?? current, count);
}

/**
 * What the cache holds once a REST answer lands: the answer (SAM as it was when the request started),
 * without taking back a held read mark, then every write it cannot reflect applied again on top. So an
 * answer that started before a live notification cannot roll it back. Unchanged items and pages keep
 * the held objects.
 */
export function settleResponse<F extends NotificationFeed>(held: F | undefined, fresh: F, later: readonly NotificationWrite[]): F {
  const heldById = new Map(feedNotifications(held).map((n) => [n.id, n]));
  const pages = fresh.pages.map((page) => ({
    ...page,
    notifications: page.notifications.map((n) => {
      const previous = heldById.get(n.id);
      return previous ? mergeSnapshot(previous, n) : n;
    }),
  }));
  return shareUnchanged(held, applyWrites({ ...fresh, pages }, later));
}

function shareUnchanged<F extends NotificationFeed>(held: F | undefined, next: F): F {
  if (!held) return next;
  const pages = next.pages.map((page, i) => {
    const before = held.pages[i];
    const same =
      before && before.nextCursor === page.nextCursor && before.unreadCount === page.unreadCount && sameItems(before.notifications, page.notifications);
    return same ? before : page;
  });
  const samePages = pages.length === held.pages.length && pages.every((page, i) => page === held.pages[i]);
  const sameParams = deepEqual(held.pageParams, next.pageParams);
  if (samePages && sameParams) return held;
  return { ...next, pages };
}

/** SAM's unread total after a frame: set by unread_count, zero after all_read, otherwise unchanged. */
export function unreadCountAfter(count: number | undefined, event: NotificationEvent): number | undefined {
  if (event.type === 'notification.unread_count') return event.count;
  if (event.type === 'notification.all_read') return 0;
  return count;
}

/**
 * Merges a freshly fetched first page (after a reconnect) into the held pages, keyed by id. The fresh page
 * speaks for every item newer than its oldest one: held items in that range that it lacks were dismissed.
 * Older held items survive after it. When even the fresh page's oldest item is newer than everything held,
 * the items between are unknown, so the held pages are replaced by the fresh one (older pages load again
 * by cursor) rather than keeping a hole in the middle of the feed.
 */
export function mergeFirstPage<F extends NotificationFeed>(feed: F, fresh: NotificationList): F {
  const held = new Map(feedNotifications(feed).map((n) => [n.id, n]));
  const freshItems = dedupe(fresh.notifications).map((n) => {
    const previous = held.get(n.id);
    return previous ? mergeSnapshot(previous, n) : n;
  });
  const complete = fresh.nextCursor === null;
  const oldestFresh = complete ? -Infinity : Math.min(...freshItems.map((n) => n.createdAt));
  const newestHeld = Math.max(...[...held.values()].map((n) => n.createdAt));
  if (!complete && freshItems.length > 0 && oldestFresh > newestHeld) {
    return { ...feed, pages: [{ ...fresh, notifications: freshItems }], pageParams: feed.pageParams.slice(0, 1) };
  }
  const freshIds = new Set(freshItems.map((n) => n.id));
  const isCoveredByFresh = (n: Notification) => freshIds.has(n.id) || n.createdAt > oldestFresh;
  const [firstHeld, ...restHeld] = feed.pages;
  if (!firstHeld) return feed;
  const survivors = firstHeld.notifications.filter((n) => !isCoveredByFresh(n));
  const firstItems = [...freshItems, ...survivors];
  const firstPage = sameItems(firstHeld.notifications, firstItems) ? firstHeld : { ...firstHeld, unreadCount: fresh.unreadCount, notifications: firstItems };
  const restPages = restHeld.map((page) => filterPage(page, (n) => !isCoveredByFresh(n)));
  const pages = [firstPage, ...restPages];
  return pages.every((page, i) => page === feed.pages[i]) ? feed : { ...feed, pages };
}

/**
 * The feed once a reconnect's first page lands: merged into what is held by `mergeFirstPage` (pages loaded
 * further down stay), then every write the answer cannot reflect applied again on top.
 */
export function settleFirstPage<F extends NotificationFeed>(
  held: F | undefined,
  page: NotificationList,
  later: readonly NotificationWrite[],
): NotificationFeed {
  if (!held) return settleResponse(undefined, { pages: [page], pageParams: [null] }, later);
  return applyWrites(mergeFirstPage(held, page), later);
}

/**
 * The feed once the page after `cursor` lands ("load more"): appended when the held feed still ends at
 * that cursor, otherwise left as it is (the feed moved on meanwhile; loading more asks again).
 */
export function settleNextPage<F extends NotificationFeed>(
  held: F | undefined,
  cursor: unknown,
  page: NotificationList,
  later: readonly NotificationWrite[],
): F | undefined {
  const last = held?.pages.at(-1);
  if (!held || !last || last.nextCursor === null || last.nextCursor !== cursor) return held;
  return settleResponse(held, { ...held, pages: [...held.pages, page], pageParams: [...held.pageParams, cursor] }, later);
}

/** The unread items held, by id: what an optimistic "mark all read" is about to change. */
export function unreadIds(feed: NotificationFeed | undefined): Set<string> {
  return new Set(
    feedNotifications(feed)
      .filter((n) => n.readAt === null)
      .map((n) => n.id),
  );
}

/**
 * Undoes an optimistic read mark that failed: items in `ids` whose readAt is still the optimistic `stamp`
 * become unread again. A read that SAM confirmed meanwhile (another stamp) is kept.
 */
export function revertReadMarks<F extends NotificationFeed>(feed: F, ids: ReadonlySet<string>, stamp: number): F {
  return mapItems(feed, (n) => (ids.has(n.id) && n.readAt === stamp ? { ...n, readAt: null } : n));
}

/**
 * Combines what is held with a newer snapshot of the same item. The snapshot wins, except that it cannot
 * take a read mark back: a stale REST page or a late `updated` frame must not undo a read.
 */
export function mergeSnapshot(held: Notification, incoming: Notification): Notification {
  const merged = held.readAt !== null && incoming.readAt === null ? { ...incoming, readAt: held.readAt } : incoming;
  return deepEqual(held, merged) ? held : merged;
}

function holds(feed: NotificationFeed, id: string): boolean {
  return feed.pages.some((page) => page.notifications.some((n) => n.id === id));
}

function replace<F extends NotificationFeed>(feed: F, incoming: Notification): F {
  return mapItems(feed, (n) => (n.id === incoming.id ? mergeSnapshot(n, incoming) : n));
}

/** A new item goes into the first page at its place by time (frames may arrive slightly out of order). */
function insert<F extends NotificationFeed>(feed: F, incoming: Notification): F {
  const [first, ...rest] = feed.pages;
  if (!first) return feed;
  const items = first.notifications;
  const at = items.findIndex((n) => n.createdAt <= incoming.createdAt);
  const notifications = at === -1 ? [...items, incoming] : [...items.slice(0, at), incoming, ...items.slice(at)];
  return { ...feed, pages: [{ ...first, notifications }, ...rest] };
}

function markRead(notification: Notification, now: number): Notification {
  return notification.readAt === null ? { ...notification, readAt: now } : notification;
}

/** Maps every item (null removes it), rebuilding only the pages that changed. */
function mapItems<F extends NotificationFeed>(feed: F, fn: (n: Notification) => Notification | null): F {
  let changed = false;
  const pages = feed.pages.map((page) => {
    const notifications: Notification[] = [];
    let pageChanged = false;
    for (const n of page.notifications) {
      const next = fn(n);
      if (next !== n) pageChanged = true;
      if (next) notifications.push(next);
    }
    if (!pageChanged) return page;
    changed = true;
    return { ...page, notifications };
  });
  return changed ? { ...feed, pages } : feed;
}

function filterPage(page: NotificationList, keep: (n: Notification) => boolean): NotificationList {
  const notifications = page.notifications.filter(keep);
  return notifications.length === page.notifications.length ? page : { ...page, notifications };
}

function dedupe(notifications: readonly Notification[]): Notification[] {
  const seen = new Set<string>();
  return notifications.filter((n) => !seen.has(n.id) && Boolean(seen.add(n.id)));
}

function sameItems(a: readonly Notification[], b: readonly Notification[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Compile-time check that every event type is handled; at run time an unknown one changes nothing. */
function exhaustive(_event: never): void {}
