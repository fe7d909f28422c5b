import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { QueryClient } from '@tanstack/query-core';
import { api } from '../api/endpoints';
import type { Notification, NotificationEvent, NotificationList } from '../api/contract';
import { feedNotifications, type NotificationFeed } from '../reconcile/notifications';
import { makeNotification, T0 } from '../reconcile/notifications.fixtures';
import { createLiveEngine } from './engine';
import { notificationKeys } from './notificationCache';

/*
 * Bug 6: a notification that arrived live while a feed / unread / count request was out was wiped when
 * that (older) answer landed. Property: whatever the interleaving of SAM's writes, their frames
 * (delivered in order, late), and REST requests (answered at any moment between their start and their
 * landing, landing in any order, cancelled by a newer refetch), a live notification that SAM still has
 * is never lost, and once everything has landed the caches equal SAM's state. One assumption, the
 * design's ("newer" means "learned later"): the socket is not slower than a REST round trip, so the
 * frames of writes an answer reflects arrive before that answer lands.
 */

const processEnv = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(processEnv.LOOKOUT_FUZZ_RUNS ?? 150);

/** SAM's notification store, as far as these caches can see it. */
class FakeSam {
  items = new Map<string, Notification>();
  private used = new Set<string>();
  frames: NotificationEvent[] = [];
  private clock = T0;

  private tick() {
    this.clock += 1_000;
    return this.clock;
  }
  unreadCount() {
    return [...this.items.values()].filter((n) => n.readAt === null).length;
  }
  create(id: string) {
    if (this.used.has(id)) return; // ids are never reused
    this.used.add(id);
    const notification = makeNotification({ id, type: 'needs_input', createdAt: this.tick() });
    this.items.set(id, notification);
    this.frames.push({ type: 'notification.new', notification }, { type: 'notification.unread_count', count: this.unreadCount() });
  }
  read(id: string) {
    const n = this.items.get(id);
    if (!n || n.readAt !== null) return;
    this.items.set(id, { ...n, readAt: this.tick() });
    this.frames.push({ type: 'notification.read', notificationId: id }, { type: 'notification.unread_count', count: this.unreadCount() });
  }
  dismiss(id: string) {
    if (!this.items.delete(id)) return;
    this.frames.push({ type: 'notification.dismissed', notificationId: id }, { type: 'notification.unread_count', count: this.unreadCount() });
  }
  readAll() {
    const at = this.tick();
    for (const [id, n] of this.items) if (n.readAt === null) this.items.set(id, { ...n, readAt: at });
    this.frames.push({ type: 'notification.all_read' });
  }
  /** The answer of a request served now (a fresh copy: every response is a new object). */
  page(filter: 'all' | 'unread'): NotificationList {
    const notifications = [...this.items.values()]
      .filter((n) => filter === 'all' || n.readAt === null)
      .sort((a, b) => b.createdAt - a.createdAt)
      .map((n) => structuredClone(n));
    return { notifications, unreadCount: this.unreadCount(), nextCursor: null };
  }
}

type Answer = NotificationList | { count: number };
interface Request {
  kind: 'page-all' | 'page-unread' | 'count';
  answer: Answer | null;
  /** How many frames SAM had sent when it answered. */
  framesAtAnswer: number;
  resolve: (answer: Answer) => void;
  landed: boolean;
}

const ids = ['a', 'b', 'c', 'd', 'e'];
const command = fc.oneof(
  fc.record({ op: fc.constant('create' as const), id: fc.constantFrom(...ids) }),
  fc.record({ op: fc.constant('read' as const), id: fc.constantFrom(...ids) }),
  fc.record({ op: fc.constant('dismiss' as const), id: fc.constantFrom(...ids) }),
  fc.record({ op: fc.constant('readAll' as const) }),
  fc.record({ op: fc.constant('deliver' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('refetch' as const), key: fc.constantFrom('feed' as const, 'unread' as const, 'count' as const) }),
  fc.record({ op: fc.constant('catchUp' as const) }),
  fc.record({ op: fc.constant('answer' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('land' as const), pick: fc.nat() }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(commands: Command[]) {
  const sam = new FakeSam();
  const requests: Request[] = [];
  let manual = false;
  const serve = (kind: Request['kind']): Answer => (kind === 'count' ? { count: sam.unreadCount() } : sam.page(kind === 'page-all' ? 'all' : 'unread'));
  const respond = <T extends Answer>(kind: Request['kind']) =>
    (manual
      ? new Promise<Answer>((resolve) => requests.push({ kind, answer: null, framesAtAnswer: 0, resolve, landed: false }))
      : Promise.resolve(serve(kind))) as Promise<T>;
  vi.spyOn(api, 'notifications').mockImplementation((query = {}) => respond(query.filter === 'unread' ? 'page-unread' : 'page-all'));
  vi.spyOn(api, 'unreadCount').mockImplementation(() => respond('count'));

  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { notifications, dispatch } = createLiveEngine({ client });
  const notificationQueries = notifications.queries;
  await client.fetchQuery(notificationQueries.feed());
  await client.fetchQuery(notificationQueries.unread());
  await client.fetchQuery(notificationQueries.unreadCount());
  manual = true;

  let delivered = 0;
  const liveIds = new Set<string>();
  const deliver = (count: number) => {
    const batch = sam.frames.slice(delivered, delivered + count);
    delivered += batch.length;
    for (const event of batch) if (event.type === 'notification.new') liveIds.add(event.notification.id);
    dispatch({ type: 'notificationFrames', events: batch, at: sam.frames.length });
  };
  const answer = (request: Request) => {
    if (request.answer) return;
    request.answer = serve(request.kind);
    request.framesAtAnswer = sam.frames.length;
  };
  const land = async (request: Request) => {
    answer(request);
    if (request.framesAtAnswer > delivered) deliver(request.framesAtAnswer - delivered);
    request.landed = true;
    request.resolve(request.answer!);
    await flush();
  };
  const held = (key: readonly unknown[]) => feedNotifications(client.getQueryData<NotificationFeed>(key));
  const catchUps: Array<Promise<void>> = [];

  for (const c of commands) {
    if (c.op === 'create') sam.create(c.id);
    else if (c.op === 'read') sam.read(c.id);
    else if (c.op === 'dismiss') sam.dismiss(c.id);
    else if (c.op === 'readAll') sam.readAll();
    else if (c.op === 'deliver') deliver(c.count);
    else if (c.op === 'refetch') {
      const key = { feed: notificationKeys.feed(), unread: notificationKeys.unread(), count: notificationKeys.unreadCount() }[c.key];
      void client.refetchQueries({ queryKey: key, exact: true }).catch(() => {});
    } else if (c.op === 'catchUp') {
      catchUps.push(notifications.catchUp().catch(() => {}));
    } else {
      const open = requests.filter((r) => !r.landed);
      const request = open[c.pick % Math.max(1, open.length)];
      if (!request) continue;
      if (c.op === 'answer') answer(request);
      else await land(request);
    }
    await flush();
    // Never lost: an item that arrived live and that SAM still has is in the feed.
    const feedIds = new Set(held(notificationKeys.feed()).map((n) => n.id));
    for (const id of liveIds) if (sam.items.has(id)) expect(feedIds, `live item ${id}`).toContain(id);
  }

  // Everything lands, every frame arrives: the caches are SAM's state.
  deliver(Infinity);
  while (requests.some((r) => !r.landed)) await land(requests.find((r) => !r.landed)!);
  await Promise.all(catchUps);
  await flush();
  const truth = sam.page('all').notifications;
  const readState = (list: Notification[]) => list.map((n) => [n.id, n.readAt !== null]);
  expect(readState(held(notificationKeys.feed()))).toEqual(readState(truth));
  expect(
    held(notificationKeys.unread())
      .filter((n) => n.readAt === null)
      .map((n) => n.id),
  ).toEqual(truth.filter((n) => n.readAt === null).map((n) => n.id));
  expect(client.getQueryData(notificationKeys.unreadCount())).toEqual({ count: sam.unreadCount() });
}

afterEach(() => vi.restoreAllMocks());

describe('notification caches under any interleaving of frames and older REST answers', () => {
  it('never lose a live notification and converge to SAM', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
        vi.restoreAllMocks();
        await run(commands);
      }),
      { numRuns: RUNS },
    );
  });

  it('regression: a feed refetch that started before a live arrival lands after it', async () => {
    await run([
      { op: 'refetch', key: 'feed' },
      { op: 'answer', pick: 0 },
      { op: 'create', id: 'a' },
      { op: 'deliver', count: 2 },
      { op: 'land', pick: 0 },
    ]);
  });
});
