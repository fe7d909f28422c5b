import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Attention } from '../api/contract';
import { hasUnseenFailure, needsYouCount, type QuestionHolder } from './needsYou';
import { makeNotification, T0 } from './notifications.fixtures';

const HOUR = 3_600_000;

function question(markerId: string, expiresAt: number | null = T0 + 24 * HOUR): Attention {
  return { markerId, kind: 'question', createdAt: T0 - HOUR, expiresAt, reason: 'Which DB?', options: ['Postgres', 'SQLite'] };
}

const asking = (id: string, markerId: string, expiresAt?: number | null): QuestionHolder => ({ id, attention: question(markerId, expiresAt) });
const needsInput = (id: string, sessionId: string, markerId: string | null, readAt: number | null = null) =>
  makeNotification({ id, type: 'needs_input', sessionId, readAt, metadata: { attentionMarkerId: markerId, options: ['Postgres', 'SQLite'] } });

describe('needsYouCount', () => {
  it('keeps an open question after its notification was read (Mark all read)', () => {
    const notifications = [needsInput('n1', 's1', 'm1', T0)];
    expect(needsYouCount({ notifications, sessions: [asking('s1', 'm1')], now: T0 })).toBe(1);
  });

  it('counts a question and its unread notification once', () => {
    const bySession = needsInput('n2', 's2', null);
    const notifications = [needsInput('n1', 's1', 'm1'), bySession];
    const sessions = [asking('s1', 'm1'), asking('s2', 'm2')];
    expect(needsYouCount({ notifications, sessions, now: T0 })).toBe(2);
  });

  it('drops a question once it is answered or expired (by the clock it is given)', () => {
    const notifications = [needsInput('n1', 's1', 'm1', T0)];
    expect(needsYouCount({ notifications, sessions: [{ id: 's1', attention: null }], now: T0 })).toBe(0);
    const expiring = [asking('s1', 'm1', T0 + HOUR)];
    expect(needsYouCount({ notifications, sessions: expiring, now: T0 + HOUR - 1 })).toBe(1);
    expect(needsYouCount({ notifications, sessions: expiring, now: T0 + HOUR })).toBe(0);
    expect(needsYouCount({ notifications, sessions: [asking('s1', 'm1', null)], now: T0 + 1000 * HOUR })).toBe(1);
  });

  it('counts unread Priority items, each id once, and no Updates', () => {
    const done = makeNotification({ id: 'd1', type: 'task_complete' });
    const notifications = [done, done, makeNotification({ id: 'p1', type: 'progress' }), makeNotification({ id: 'd2', type: 'task_complete', readAt: T0 })];
    expect(needsYouCount({ notifications, sessions: [], now: T0 })).toBe(1);
  });

  it('an unread question whose marker is no longer open still counts as unread Priority', () => {
    expect(needsYouCount({ notifications: [needsInput('n1', 's1', 'm1')], sessions: [{ id: 's1', attention: null }], now: T0 })).toBe(1);
  });

  it('marking everything read leaves exactly the open questions; it never goes below them', () => {
    const marker = fc.constantFrom('m1', 'm2', 'm3');
    const session = fc.constantFrom('s1', 's2', 's3');
    const holder = fc.record({
      id: session,
      attention: fc.option(fc.record({ markerId: marker, expiresAt: fc.option(fc.integer({ min: T0 - HOUR, max: T0 + HOUR })) }), { nil: null }),
    });
    const item = fc.record({
      id: fc.constantFrom('n1', 'n2', 'n3', 'n4'),
      type: fc.constantFrom('needs_input', 'task_complete', 'progress', 'brand_new'),
      sessionId: fc.option(session, { nil: null }),
      markerId: fc.option(marker, { nil: null }),
      read: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(holder, { maxLength: 4 }), fc.array(item, { maxLength: 8 }), (holders, items) => {
        const sessions = holders.map((h) => ({ id: h.id, attention: h.attention ? question(h.attention.markerId, h.attention.expiresAt) : null }));
        const notifications = items.map((i) =>
          makeNotification({ id: i.id, type: i.type, sessionId: i.sessionId, readAt: i.read ? T0 : null, metadata: { attentionMarkerId: i.markerId } }),
        );
        const allRead = notifications.map((n) => ({ ...n, readAt: T0 }));
        const open = new Set(
          sessions.flatMap((s) => (s.attention && (s.attention.expiresAt === null || s.attention.expiresAt > T0) ? [s.attention.markerId] : [])),
        );
        const count = needsYouCount({ notifications, sessions, now: T0 });
        expect(needsYouCount({ notifications: allRead, sessions, now: T0 })).toBe(open.size);
        expect(count).toBeGreaterThanOrEqual(open.size);
        expect(count).toBeLessThanOrEqual(open.size + new Set(items.map((i) => i.id)).size);
      }),
    );
  });
});

describe('hasUnseenFailure', () => {
  it('is true while an error or cron failure is unread, and false once it is read', () => {
    expect(hasUnseenFailure([makeNotification({ id: 'e', type: 'error' })])).toBe(true);
    expect(hasUnseenFailure([makeNotification({ id: 'c', type: 'cron_failure' })])).toBe(true);
    expect(hasUnseenFailure([makeNotification({ id: 'e', type: 'error', readAt: T0 })])).toBe(false);
    expect(hasUnseenFailure([makeNotification({ id: 'p', type: 'progress' }), makeNotification({ id: 'd', type: 'task_complete' })])).toBe(false);
  });

  it('is true iff some unread notification is a failure', () => {
    const type = fc.constantFrom('error', 'cron_failure', 'needs_input', 'task_complete', 'progress', 'something_new');
    fc.assert(
      fc.property(fc.array(fc.record({ type, read: fc.boolean() })), (items) => {
        const notifications = items.map((n, i) => makeNotification({ id: `n${i}`, type: n.type, readAt: n.read ? T0 : null }));
        const expected = items.some((n) => !n.read && (n.type === 'error' || n.type === 'cron_failure'));
        expect(hasUnseenFailure(notifications)).toBe(expected);
      }),
    );
  });
});
