import type { Attention, Notification } from '../api/contract';
import { isUnread, notificationTab } from './notifications';
// Not from sessionView: the bell is on the first screen, the whole derivation is not.
import { activeAttention } from './attention';

/*
 * What the bell counts as "needs you". Reading a notification is not answering it: an open question
 * (a session's attention marker) keeps needing the person until SAM resolves it or it expires, whatever
 * the feed's read marks say. Unread Priority items (finished work) count as before.
 */

/** A session as far as its open question goes: a list row, or the merged facts of one. */
export interface QuestionHolder {
  id: string;
  attention: Attention | null;
}

/**
 * How many things need the person: each open, unexpired question once, plus each unread Priority item
 * that is not about one of those questions (a needs_input item names its marker, or at least its session).
 */
export function needsYouCount(input: { notifications: Iterable<Notification>; sessions: Iterable<QuestionHolder>; now: number }): number {
  const openMarkers = new Set<string>();
  const sessionsAsking = new Set<string>();
  for (const session of input.sessions) {
    const attention = activeAttention(session, input.now);
    if (!attention || openMarkers.has(attention.markerId)) continue;
    openMarkers.add(attention.markerId);
    sessionsAsking.add(session.id);
  }
  const counted = new Set<string>();
  // Two notifications of one question (one marker) are one thing waiting, as in the queue.
  const countedMarkers = new Set<string>();
  let count = openMarkers.size;
  for (const notification of input.notifications) {
    if (counted.has(notification.id) || !isUnread(notification) || notificationTab(notification) !== 'priority') continue;
    counted.add(notification.id);
    if (isAboutOpenQuestion(notification, openMarkers, sessionsAsking)) continue;
    const markerId = notification.type === 'needs_input' ? notification.metadata.attentionMarkerId : null;
    if (markerId) {
      if (countedMarkers.has(markerId)) continue;
      countedMarkers.add(markerId);
    }
    count += 1;
  }
  return count;
}

function isAboutOpenQuestion(notification: Notification, openMarkers: ReadonlySet<string>, sessionsAsking: ReadonlySet<string>): boolean {
  if (notification.type !== 'needs_input') return false;
  const markerId = notification.metadata.attentionMarkerId;
  if (markerId) return openMarkers.has(markerId);
  return notification.sessionId !== null && sessionsAsking.has(notification.sessionId);
}

/** Notification types that say something failed (SAM's task-failure item is `error`). */
const FAILURE_TYPES: ReadonlySet<string> = new Set(['error', 'cron_failure']);

/**
 * Something failed and the person has not seen it: an unread failure notification. "Seen" is what it is for
 * the title's count: reading the item (or "mark all read") clears it.
 */
export function hasUnseenFailure(notifications: Iterable<Pick<Notification, 'type' | 'readAt'>>): boolean {
  for (const notification of notifications) if (isUnread(notification) && FAILURE_TYPES.has(notification.type)) return true;
  return false;
}
