import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NotificationEvent } from '../api/contract';
import {
  applyNotificationEvent,
  applyNotificationEvents,
  feedNotifications,
  mergeFirstPage,
  settleFirstPage,
  settleNextPage,
  unreadCountAfter,
  type NotificationFeed,
} from './notificationFeed';
import { makeFeed, makeNotification, makePage, T0 } from './notifications.fixtures';

const NOW = T0 + 60_000;
const n = (id: string, minutesAgo: number, extra: Omit<Parameters<typeof makeNotification>[0], 'id'> = {}) =>
  makeNotification({ id, createdAt: T0 - minutesAgo * 60_000, ...extra });
const ids = (feed: NotificationFeed) => feed.pages.map((page) => page.notifications.map((x) => x.id));

const base = () => makeFeed(makePage([n('c', 1), n('b', 2)], T0 - 2 * 60_000), makePage([n('a', 3)]));

describe('applyNotificationEvent', () => {
  it('new: prepends an unknown id to the first page, at its place by time', () => {
    const feed = base();
    expect(ids(applyNotificationEvent(feed, { type: 'notification.new', notification: n('d', 0) }, NOW))).toEqual([['d', 'c', 'b'], ['a']]);
    // Late and slightly out of order: it lands between c and b.
    const late = applyNotificationEvent(feed, { type: 'notification.new', notification: n('x', 1.5) }, NOW);
    expect(ids(late)).toEqual([['c', 'x', 'b'], ['a']]);
  });

  it('new: replaces an id already held instead of showing it twice', () => {
    const feed = base();
    const next = applyNotificationEvent(feed, { type: 'notification.new', notification: n('a', 3, { title: 'edited' }) }, NOW);
    expect(ids(next)).toEqual([['c', 'b'], ['a']]);
    expect(next.pages[1]?.notifications[0]?.title).toBe('edited');
    expect(next.pages[0]).toBe(feed.pages[0]);
  });

  it('updated: replaces in place; an identical snapshot changes nothing; an unknown id is ignored', () => {
    const feed = base();
    const same = applyNotificationEvent(feed, { type: 'notification.updated', notification: n('b', 2) }, NOW);
    expect(same).toBe(feed);
    const unknown = applyNotificationEvent(feed, { type: 'notification.updated', notification: n('zz', 9) }, NOW);
    expect(unknown).toBe(feed);
    const changed = applyNotificationEvent(feed, { type: 'notification.updated', notification: n('b', 2, { body: 'new' }) }, NOW);
    expect(changed.pages[0]?.notifications[1]?.body).toBe('new');
    expect(changed.pages[0]?.notifications[0]).toBe(feed.pages[0]?.notifications[0]);
    expect(changed.pages[1]).toBe(feed.pages[1]);
  });

  it('updated: a stale snapshot cannot take a read mark back', () => {
    const read = applyNotificationEvent(base(), { type: 'notification.read', notificationId: 'b' }, NOW);
    const stale = applyNotificationEvent(read, { type: 'notification.updated', notification: n('b', 2) }, NOW + 1);
    expect(stale).toBe(read);
  });

  it('read: sets readAt once, keeps other items and pages identical', () => {
    const feed = base();
    const next = applyNotificationEvent(feed, { type: 'notification.read', notificationId: 'c' }, NOW);
    expect(next.pages[0]?.notifications[0]?.readAt).toBe(NOW);
    expect(next.pages[0]?.notifications[1]).toBe(feed.pages[0]?.notifications[1]);
    expect(next.pages[1]).toBe(feed.pages[1]);
    expect(applyNotificationEvent(next, { type: 'notification.read', notificationId: 'c' }, NOW + 5)).toBe(next);
    expect(applyNotificationEvent(feed, { type: 'notification.read', notificationId: 'nope' }, NOW)).toBe(feed);
  });

  it('dismissed: removes the item', () => {
    const next = applyNotificationEvent(base(), { type: 'notification.dismissed', notificationId: 'b' }, NOW);
    expect(ids(next)).toEqual([['c'], ['a']]);
  });

  it('all_read: marks every unread item, keeps read ones as they were', () => {
    const feed = makeFeed(makePage([n('b', 1), n('a', 2, { readAt: T0 - 1 })]));
    const next = applyNotificationEvent(feed, { type: 'notification.all_read' }, NOW);
    expect(next.pages[0]?.notifications.map((x) => x.readAt)).toEqual([NOW, T0 - 1]);
    expect(next.pages[0]?.notifications[1]).toBe(feed.pages[0]?.notifications[1]);
  });

  it('unread_count and pong leave the feed alone; the count follows unread_count and all_read', () => {
    const feed = base();
    expect(applyNotificationEvent(feed, { type: 'notification.unread_count', count: 4 }, NOW)).toBe(feed);
    expect(applyNotificationEvent(feed, { type: 'pong' }, NOW)).toBe(feed);
    expect(unreadCountAfter(2, { type: 'notification.unread_count', count: 4 })).toBe(4);
    expect(unreadCountAfter(2, { type: 'notification.all_read' })).toBe(0);
    expect(unreadCountAfter(2, { type: 'notification.read', notificationId: 'a' })).toBe(2);
    expect(unreadCountAfter(undefined, { type: 'pong' })).toBeUndefined();
  });
});

describe('mergeFirstPage (catch-up after a reconnect)', () => {
  it('adds what arrived while offline, once, and keeps older held pages', () => {
    const feed = base();
    const fresh = makePage([n('e', -2), n('d', 0), n('c', 1)], T0 - 60_000);
    const merged = mergeFirstPage(feed, fresh);
    expect(ids(merged)).toEqual([['e', 'd', 'c', 'b'], ['a']]);
    expect(merged.pages[1]).toBe(feed.pages[1]);
    expect(merged.pages[0]?.notifications[2]).toBe(feed.pages[0]?.notifications[0]);
  });

  it('drops held items that the fresh page should hold but lacks (dismissed while offline)', () => {
    const feed = makeFeed(makePage([n('c', 1), n('b', 2), n('a', 3)]));
    const merged = mergeFirstPage(feed, makePage([n('d', 0), n('a', 3)], T0 - 3 * 60_000));
    expect(ids(merged)).toEqual([['d', 'a']]);
  });

  it('replaces the held pages when the fresh page does not reach them (a gap)', () => {
    const merged = mergeFirstPage(base(), makePage([n('y', -5), n('x', -4)], T0 + 4 * 60_000));
    expect(ids(merged)).toEqual([['y', 'x']]);
    expect(merged.pageParams).toEqual([null]);
    expect(merged.pages[0]?.nextCursor).toBe(T0 + 4 * 60_000);
  });

  it('is the identity when nothing changed, and keeps read marks made meanwhile', () => {
    const feed = base();
    expect(mergeFirstPage(feed, makePage([n('c', 1), n('b', 2)], T0 - 2 * 60_000))).toBe(feed);
    const read = applyNotificationEvent(feed, { type: 'notification.read', notificationId: 'c' }, NOW);
    const merged = mergeFirstPage(read, makePage([n('c', 1), n('b', 2)], T0 - 2 * 60_000));
    expect(merged.pages[0]?.notifications[0]?.readAt).toBe(NOW);
  });

  it('drops a duplicate id inside the fresh page', () => {
    const merged = mergeFirstPage(base(), makePage([n('d', 0), n('d', 0), n('c', 1), n('b', 2)], T0 - 2 * 60_000));
    expect(ids(merged)).toEqual([['d', 'c', 'b'], ['a']]);
  });
});

// ---------- properties ----------
const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const notificationArb = fc
  .record({ id: idArb, minutesAgo: fc.integer({ min: -5, max: 10 }), read: fc.boolean() })
  .map(({ id, minutesAgo, read }) => n(id, minutesAgo, { readAt: read ? T0 : null }));
const eventArb: fc.Arbitrary<NotificationEvent> = fc.oneof(
  notificationArb.map((notification) => ({ type: 'notification.new' as const, notification })),
  notificationArb.map((notification) => ({ type: 'notification.updated' as const, notification })),
  idArb.map((notificationId) => ({ type: 'notification.read' as const, notificationId })),
  idArb.map((notificationId) => ({ type: 'notification.dismissed' as const, notificationId })),
  fc.constant({ type: 'notification.all_read' as const }),
  fc.nat(50).map((count) => ({ type: 'notification.unread_count' as const, count })),
);
const feedArb = fc
  .uniqueArray(notificationArb, { selector: (x) => x.id, maxLength: 5 })
  .map((items) => makeFeed(makePage(items.sort((x, y) => y.createdAt - x.createdAt))));

describe('properties', () => {
  it('no sequence of frames (with duplicates) ever yields a duplicate id', () => {
    fc.assert(
      fc.property(feedArb, fc.array(eventArb, { maxLength: 40 }), (feed, events) => {
        const result = applyNotificationEvents(feed, events, NOW);
        const all = result.pages.flatMap((page) => page.notifications.map((x) => x.id));
        expect(new Set(all).size).toBe(all.length);
        expect(feedNotifications(result).length).toBe(all.length);
      }),
    );
  });

  it('all_read followed by any reads is idempotent, and re-applying a batch changes nothing', () => {
    fc.assert(
      fc.property(feedArb, fc.array(idArb), (feed, readIds) => {
        const allRead = applyNotificationEvent(feed, { type: 'notification.all_read' }, NOW);
        const reads = readIds.map((notificationId) => ({ type: 'notification.read' as const, notificationId }));
        expect(applyNotificationEvents(allRead, reads, NOW + 1)).toBe(allRead);
        expect(applyNotificationEvent(allRead, { type: 'notification.all_read' }, NOW + 2)).toBe(allRead);
      }),
    );
  });

  it('a merged catch-up page never duplicates an id', () => {
    fc.assert(
      fc.property(feedArb, fc.array(notificationArb, { maxLength: 6 }), fc.boolean(), (feed, fresh, more) => {
        const sorted = fresh.sort((x, y) => y.createdAt - x.createdAt);
        const merged = mergeFirstPage(feed, makePage(sorted, more ? T0 - 100 : null));
        const all = merged.pages.flatMap((page) => page.notifications.map((x) => x.id));
        expect(new Set(all).size).toBe(all.length);
      }),
    );
  });
});

describe('settleNextPage (load more)', () => {
  const write = (event: NotificationEvent, stamp: number) => ({ event, stamp, at: NOW, pending: false });

  it('appends the page after the cursor the held feed ends at', () => {
    const feed = makeFeed(makePage([n('c', 1), n('b', 2)], 77));
    const next = settleNextPage(feed, 77, makePage([n('a', 3)]), []);
    expect(ids(next!)).toEqual([['c', 'b'], ['a']]);
    expect(next!.pageParams).toEqual([null, 77]);
    expect(next!.pages[0]).toBe(feed.pages[0]);
  });

  it('leaves the feed alone when it no longer ends at that cursor (it was refreshed meanwhile), or is complete', () => {
    const feed = makeFeed(makePage([n('c', 1), n('b', 2)], 78));
    expect(settleNextPage(feed, 77, makePage([n('a', 3)]), [])).toBe(feed);
    const complete = makeFeed(makePage([n('c', 1)]));
    expect(settleNextPage(complete, null, makePage([n('a', 3)]), [])).toBe(complete);
    expect(settleNextPage(undefined, 77, makePage([n('a', 3)]), [])).toBeUndefined();
  });

  it('applies again over the new page what was learned while it was on its way', () => {
    const feed = makeFeed(makePage([n('c', 1), n('b', 2)], 77));
    const readWhileOut = write({ type: 'notification.read', notificationId: 'a' }, 5);
    const next = settleNextPage(feed, 77, makePage([n('a', 3)]), [readWhileOut]);
    expect(feedNotifications(next).find((x) => x.id === 'a')?.readAt).toBe(NOW);
  });
});

describe('settleFirstPage (the catch-up after a reconnect)', () => {
  it('starts the feed from its first page, and keeps pages loaded further down', () => {
    const first = settleFirstPage(undefined, makePage([n('c', 1), n('b', 2)], 77), []);
    expect(ids(first)).toEqual([['c', 'b']]);
    const loaded = makeFeed(makePage([n('c', 1), n('b', 2)], T0 - 2 * 60_000), makePage([n('a', 3)]));
    const refreshed = settleFirstPage(loaded, makePage([n('d', 0), n('c', 1)], T0 - 60_000), []);
    expect(ids(refreshed)).toEqual([['d', 'c', 'b'], ['a']]);
  });
});
