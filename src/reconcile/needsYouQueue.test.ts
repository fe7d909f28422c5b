import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attention, Notification } from '../api/contract';
import { needsYouCount } from './needsYou';
import { byWait, chatNameFromTitle, countedByBell, needsYouQueue, type NeedsYouQueueInput, type QueueSession, type QueueTask } from './needsYouQueue';
import { makeNotification, T0 } from './notifications.fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const STALL = 10 * MIN;

function session(id: string, overrides: Partial<QueueSession> = {}): QueueSession {
  return {
    id,
    projectId: 'p1',
    topic: `Chat ${id}`,
    taskId: null,
    attention: null,
    liveFactsKnown: true,
    activity: 'idle',
    agentCompletedAt: null,
    lastMessageAt: T0 - HOUR,
    promptStartedAt: null,
    startedAt: T0 - 2 * HOUR,
    createdAt: T0 - 2 * HOUR,
    ...overrides,
  };
}

function marker(markerId: string, createdAt: number | null = T0 - 30 * MIN, expiresAt: number | null = null): Attention {
  return { markerId, kind: 'question', createdAt, expiresAt, reason: 'Which DB?', options: ['Postgres', 'SQLite'] };
}

const needsInput = (id: string, sessionId: string | null, markerId: string | null, createdAt = T0 - 20 * MIN, readAt: number | null = null) =>
  makeNotification({
    id,
    type: 'needs_input',
    sessionId,
    createdAt,
    readAt,
    title: `Input needed ${id}`,
    metadata: { attentionMarkerId: markerId, options: ['Yes', 'No'] },
  });

function queue(partial: Partial<NeedsYouQueueInput>) {
  return needsYouQueue({
    notifications: [],
    sessions: [],
    tasks: [],
    projectNames: new Map([['p1', 'lookout-web']]),
    now: T0,
    stallAfterMs: STALL,
    ...partial,
  });
}

describe('chatNameFromTitle', () => {
  it("names a chat this tab does not hold by the task title in SAM's notification title, without the kind", () => {
    expect(chatNameFromTitle('Task failed: Upgrade the ORM to v3')).toBe('Upgrade the ORM to v3');
    expect(chatNameFromTitle('Task completed: Add a dark mode toggle')).toBe('Add a dark mode toggle');
    expect(chatNameFromTitle('PR created: Add a dark mode toggle')).toBe('Add a dark mode toggle');
    expect(chatNameFromTitle('Input needed: Fix the flaky login test')).toBe('Fix the flaky login test');
    expect(chatNameFromTitle('Approval needed: Deploy: staging')).toBe('Deploy: staging');
  });

  it('keeps a title of another shape whole, and never names a chat by nothing', () => {
    expect(chatNameFromTitle('Weekly digest: 3 tasks')).toBe('Weekly digest: 3 tasks');
    expect(chatNameFromTitle('Task failed: ')).toBe('Task failed: ');
    expect(chatNameFromTitle('')).toBe('Untitled chat');
  });
});

describe('needsYouQueue', () => {
  it('a question known from its marker and its notification is one item, waiting since the earlier of the two', () => {
    const items = queue({
      sessions: [session('s1', { attention: marker('m1', T0 - 30 * MIN) })],
      notifications: [needsInput('n1', 's1', 'm1', T0 - 29 * MIN)],
    });
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'question',
        projectName: 'lookout-web',
        sessionId: 's1',
        chatName: 'Chat s1',
        waitingSince: T0 - 30 * MIN,
        notificationIds: ['n1'],
        question: { markerId: 'm1', options: ['Postgres', 'SQLite'], open: true },
      }),
    ]);
  });

  it('a question known only from the feed is answerable with its notification options; a read one is not in the queue unless its marker is open', () => {
    // No project list loaded: the name SAM put in the notification.
    const [item] = queue({ notifications: [needsInput('n1', 's9', 'm9')], projectNames: new Map() });
    expect(item).toMatchObject({
      kind: 'question',
      chatName: 'Input needed n1',
      projectName: 'Project One',
      question: { markerId: 'm9', options: ['Yes', 'No'], open: true },
    });
    expect(queue({ notifications: [needsInput('n1', 's9', 'm9', T0 - MIN, T0)] })).toEqual([]);
    // Read but unanswered: the marker keeps it in the queue.
    expect(queue({ sessions: [session('s1', { attention: marker('m1') })], notifications: [needsInput('n1', 's1', 'm1', T0 - MIN, T0)] })).toHaveLength(1);
  });

  it("a question keeps its key when its session arrives after SAM's feed told of it (a reply being typed stays)", () => {
    const feed = [needsInput('n1', 's1', 'm1', T0 - MIN)];
    const [fromFeed] = queue({ notifications: feed });
    const [withSession] = queue({ sessions: [session('s1', { attention: marker('m1', T0 - MIN) })], notifications: feed });
    expect(fromFeed?.key).toBeDefined();
    expect(withSession?.key).toBe(fromFeed?.key);
  });

  it('an expired or answered marker leaves its unread notification as a question to dismiss, with no options', () => {
    const expired = session('s1', { attention: marker('m1', T0 - HOUR, T0 - MIN), lastMessageAt: T0 - MIN });
    const [item] = queue({ sessions: [expired], notifications: [needsInput('n1', 's1', 'm1', T0 - HOUR)] });
    expect(item?.question).toEqual({ markerId: 'm1', options: [], open: false });
    const answered = session('s1', { lastMessageAt: T0 - MIN });
    expect(queue({ sessions: [answered], notifications: [needsInput('n1', 's1', 'm1', T0 - HOUR)] })[0]?.question?.open).toBe(false);
  });

  it('a session row read before the question was asked does not close it (SAM lists lag)', () => {
    const lagging = session('s1', { lastMessageAt: T0 - HOUR });
    expect(queue({ sessions: [lagging], notifications: [needsInput('n1', 's1', 'm1', T0 - MIN)] })[0]?.question?.open).toBe(true);
  });

  it('failures are one item per task, and leave the queue once the task was retried', () => {
    const failure = (id: string, createdAt: number) => makeNotification({ id, type: 'error', taskId: 't1', createdAt, body: 'exit 137' });
    const notifications = [failure('e1', T0 - 5 * MIN), failure('e2', T0 - 7 * MIN)];
    expect(queue({ notifications })).toEqual([
      expect.objectContaining({ kind: 'failed', notificationIds: ['e1', 'e2'], waitingSince: T0 - 7 * MIN, detail: 'exit 137' }),
    ]);
    const failed: QueueTask = { id: 't1', status: 'failed', errorMessage: 'Agent process exited with code 137' };
    expect(queue({ notifications, tasks: [failed] })[0]?.detail).toBe('Agent process exited with code 137');
    expect(queue({ notifications, tasks: [{ id: 't1', status: 'ready' }] })).toEqual([]);
  });

  it('finished work is a review; progress and other updates are not in the queue', () => {
    const notifications = [
      makeNotification({ id: 'd1', type: 'task_complete', createdAt: T0 - MIN }),
      makeNotification({ id: 'p1', type: 'progress' }),
      makeNotification({ id: 'x1', type: 'brand_new_type' }),
      makeNotification({ id: 'd2', type: 'task_complete', readAt: T0 }),
    ];
    expect(queue({ notifications }).map((item) => [item.kind, item.notificationIds])).toEqual([['review', ['d1']]]);
  });

  it('a working agent silent past the threshold is stalled, since its last write; one waiting on a question is not', () => {
    const silent = session('s1', { activity: 'prompting', lastMessageAt: T0 - 12 * MIN });
    expect(queue({ sessions: [silent] })).toEqual([expect.objectContaining({ kind: 'stalled', silentFor: 12 * MIN, waitingSince: T0 - 12 * MIN })]);
    expect(queue({ sessions: [silent], now: T0 - 3 * MIN })).toEqual([]);
    expect(queue({ sessions: [silent], stallAfterMs: 0 })).toEqual([]);
    expect(queue({ sessions: [{ ...silent, activity: null, liveFactsKnown: false }] })).toEqual([]);
    expect(queue({ sessions: [{ ...silent, attention: marker('m1') }] }).map((item) => item.kind)).toEqual(['question']);
  });

  it('orders by wait, oldest first, across kinds and projects', () => {
    const items = queue({
      sessions: [
        session('s1', { projectId: 'p2', attention: marker('m1', T0 - 5 * MIN) }),
        session('s2', { activity: 'prompting', lastMessageAt: T0 - 40 * MIN }),
      ],
      notifications: [
        makeNotification({ id: 'e1', type: 'error', createdAt: T0 - HOUR }),
        makeNotification({ id: 'd1', type: 'task_complete', createdAt: T0 - 10 * MIN }),
      ],
    });
    expect(items.map((item) => item.kind)).toEqual(['failed', 'stalled', 'review', 'question']);
  });
});

// ---------- properties ----------

const SESSION_IDS = ['s1', 's2', 's3', 's4'];
const MARKERS = ['m1', 'm2', 'm3'];
/** Times on a second grid and on the millisecond, as SAM mixes them (contract, Corrections 6). */
const time = fc.oneof(
  fc.integer({ min: -120, max: 30 }).map((s) => T0 + s * 1000),
  fc.integer({ min: -7_200_000, max: 1_800_000 }).map((ms) => T0 + ms),
);

const attentionArb = fc.option(
  fc
    .record({ markerId: fc.constantFrom(...MARKERS), createdAt: fc.option(time, { nil: null }), expiresAt: fc.option(time, { nil: null }) })
    .map((a) => marker(a.markerId, a.createdAt, a.expiresAt)),
  { nil: null },
);

const sessionArb = fc
  .record({
    id: fc.constantFrom(...SESSION_IDS),
    projectId: fc.constantFrom('p1', 'p2'),
    attention: attentionArb,
    activity: fc.constantFrom('prompting', 'idle', null),
    lastMessageAt: fc.option(time, { nil: null }),
    taskId: fc.option(fc.constantFrom('t1', 't2'), { nil: null }),
    liveFactsKnown: fc.boolean(),
  })
  .map((s) => session(s.id, s));

const notificationArb = fc
  .record({
    id: fc.constantFrom('n1', 'n2', 'n3', 'n4', 'n5', 'n6'),
    type: fc.constantFrom('needs_input', 'task_complete', 'error', 'cron_failure', 'progress', 'something_new'),
    sessionId: fc.option(fc.constantFrom(...SESSION_IDS, 's9'), { nil: null }),
    taskId: fc.option(fc.constantFrom('t1', 't2'), { nil: null }),
    // A marker known only from the feed: m9 is held by no session.
    markerId: fc.option(fc.constantFrom(...MARKERS, 'm9'), { nil: null }),
    read: fc.boolean(),
    createdAt: time,
  })
  .map((n): Notification =>
    makeNotification({
      id: n.id,
      type: n.type,
      sessionId: n.sessionId,
      taskId: n.taskId,
      createdAt: n.createdAt,
      readAt: n.read ? T0 : null,
      metadata: { attentionMarkerId: n.markerId, options: ['A', 'B'] },
    }),
  );

const taskArb = fc.record({ id: fc.constantFrom('t1', 't2'), status: fc.constantFrom('failed', 'ready', 'in_progress', 'completed') });

const inputArb = fc.record({
  sessions: fc.array(sessionArb, { maxLength: 6 }),
  // The feed holds each id once (the cache's reducer guarantees it).
  notifications: fc.uniqueArray(notificationArb, { maxLength: 6, selector: (n) => n.id }),
  tasks: fc.uniqueArray(taskArb, { maxLength: 2, selector: (t) => t.id }),
  now: time,
});

const build = (input: typeof inputArb extends fc.Arbitrary<infer T> ? T : never) => needsYouQueue({ ...input, projectNames: new Map(), stallAfterMs: STALL });

/** What needsYouCount sees: one row per session id (the queue keeps the first it is given). */
const uniqueSessions = (sessions: readonly QueueSession[]) => sessions.filter((s, i) => sessions.findIndex((other) => other.id === s.id) === i);

describe('needsYouQueue properties', () => {
  it('is ordered by wait, oldest first', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const items = build(input);
        for (let i = 1; i < items.length; i += 1) expect(byWait(items[i - 1]!, items[i]!)).toBeLessThan(0);
      }),
    );
  });

  it('holds each thing once: keys, open markers, notification ids and stalled sessions are never repeated', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const items = build(input);
        const unique = (values: unknown[]) => expect(new Set(values).size).toBe(values.length);
        unique(items.map((item) => item.key));
        unique(items.flatMap((item) => item.notificationIds));
        unique(items.flatMap((item) => (item.question?.open && item.notificationIds.length === 0 ? [item.question.markerId] : [])));
        unique(items.filter((item) => item.kind === 'stalled').map((item) => item.sessionId));
        // Every unread Priority notification is in some item; read ones never are.
        const unread = new Set(input.notifications.filter((n) => n.readAt === null).map((n) => n.id));
        for (const id of items.flatMap((item) => item.notificationIds)) expect(unread.has(id)).toBe(true);
      }),
    );
  });

  it('agrees with the bell: needsYouCount is the number of questions and reviews', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const items = build(input);
        const count = needsYouCount({ notifications: input.notifications, sessions: uniqueSessions(input.sessions), now: input.now });
        expect(items.filter(countedByBell)).toHaveLength(count);
      }),
    );
  });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, notifications: [...input.notifications].reverse(), tasks: [...input.tasks].reverse() };
        // Sessions keep their order: the first row of an id wins, by contract.
        expect(build(reversed).map((item) => item.key)).toEqual(build(input).map((item) => item.key));
      }),
    );
  });

  it('an open question with options is answerable from the queue, whichever source named it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const item of build(input)) {
          if (item.kind !== 'question') continue;
          expect(item.question).toBeDefined();
          if (!item.question!.open) expect(item.question!.options).toEqual([]);
        }
      }),
    );
  });
});
