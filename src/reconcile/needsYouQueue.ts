import type { Attention, Notification } from '../api/contract';
import { activeAttention } from './attention';
import { isUnread, notificationTab } from './notifications';
import { lastWrittenAt, stalledFor, type StallFacts } from './stall';
import type { TaskFacts } from './types';

/*
 * The Needs-you queue (issue 16 item 1): everything across projects that waits on the person, oldest wait
 * first, each thing once. Pure: the caller passes what it holds and the app's clock.
 *
 * Sources: the unread notifications (SAM's feed spans every project), the sessions held or listed (their
 * `attention` is the open question; their silence is the stall rule's), and the tasks held (a failure whose
 * task was retried since no longer waits).
 *
 * Agreement with the bell: given the same notifications, sessions and clock, `needsYouCount` equals the
 * number of `question` and `review` items (`countedByBell`). Failures and stalls are in the queue but not in
 * the bell's count: the bell counts SAM's Priority tab (questions, finished work) and open questions only;
 * a failure turns the tab's icon red instead (needsYou `hasUnseenFailure`).
 */

export type QueueItemKind = 'question' | 'failed' | 'review' | 'stalled';

/** A session as the queue reads it: its question, its silence, and the chat's name. */
export interface QueueSession extends StallFacts {
  id: string;
  projectId: string;
  topic: string | null;
  taskId: string | null;
  attention: Attention | null;
  /**
   * The live fields (activity) and the task are known: a session held by a project view. A row of a plain
   * list is not enough for the stall rule, which could not tell a silent agent from a task still queued.
   */
  liveFactsKnown: boolean;
}

export interface QueueTask extends Pick<TaskFacts, 'id' | 'status'> {
  errorMessage?: string | null;
}

export interface QueueQuestion {
  markerId: string | null;
  options: readonly string[];
  /**
   * SAM still holds the question open as far as Lookout knows: the session is not held (only a notification
   * tells of it), or the session's marker is open and unexpired. False when the held session shows it
   * answered or expired: the item then only waits to be dismissed.
   */
  open: boolean;
}

export interface QueueItem {
  /** Stable across renders: the kind and what the item is about. */
  key: string;
  kind: QueueItemKind;
  projectId: string | null;
  projectName: string | null;
  sessionId: string | null;
  /** The chat's topic when a session is held, else the notification's title. */
  chatName: string;
  /** What it waits for, in the words SAM or the agent gave: the question, the error, the summary. */
  detail: string | null;
  /** Since when it has waited (epoch ms). */
  waitingSince: number;
  /** The unread notifications about it: answering or dismissing the item marks or dismisses these. */
  notificationIds: readonly string[];
  question?: QueueQuestion;
  /** For `stalled`: how long (ms) the agent has been silent. */
  silentFor?: number;
}

export interface NeedsYouQueueInput {
  notifications: Iterable<Notification>;
  sessions: Iterable<QueueSession>;
  tasks: Iterable<QueueTask>;
  projectNames: ReadonlyMap<string, string>;
  now: number;
  stallAfterMs: number;
}

const FAILURE_TYPES: ReadonlySet<string> = new Set(['error', 'cron_failure']);
const KIND_ORDER: Record<QueueItemKind, number> = { question: 0, failed: 1, review: 2, stalled: 3 };

/** The items the bell counts (`needsYouCount`). */
export const countedByBell = (item: Pick<QueueItem, 'kind'>) => item.kind === 'question' || item.kind === 'review';

/**
 * SAM titles a task's notification "<what happened>: <task title>" ("Task failed: ", "Task completed: ",
 * "PR created: ", "Progress: ", "<Category> needed: ", services/notification.ts); the kind is said by the row's
 * label, so the chat is named by the task title alone.
 */
const SAM_TITLE_KIND = /^(?:Task completed|Task failed|PR created|Progress|[A-Z][A-Za-z ]{0,40} needed): (?=\S)/;

/** A chat's name from its notification, for a chat this tab does not hold (a finished one, of a project not visited). */
export function chatNameFromTitle(title: string): string {
  return title.replace(SAM_TITLE_KIND, '') || 'Untitled chat';
}

export function needsYouQueue(input: NeedsYouQueueInput): QueueItem[] {
  const sessions = firstById(input.sessions);
  const tasks = new Map<string, QueueTask>();
  for (const task of input.tasks) if (!tasks.has(task.id)) tasks.set(task.id, task);
  const projectName = (projectId: string | null, fallback?: string | null) =>
    (projectId !== null ? input.projectNames.get(projectId) : undefined) ?? fallback ?? null;
  // Where a session-born item lives: its project and chat, named.
  const placeOf = (session: { id: string; projectId: string | null; topic: string | null }) => ({
    projectId: session.projectId,
    projectName: projectName(session.projectId),
    sessionId: session.id,
    chatName: session.topic ?? 'Untitled chat',
  });

  const items = new Map<string, QueueItem>();
  const questionBySession = new Map<string, QueueItem>();

  // Open questions of the sessions: one item per marker.
  for (const session of sessions.values()) {
    const attention = activeAttention(session, input.now);
    if (!attention || items.has(`question:${attention.markerId}`)) continue;
    const item: QueueItem = {
      key: `question:${attention.markerId}`,
      kind: 'question',
      ...placeOf(session),
      detail: attention.reason,
      waitingSince: attention.createdAt ?? input.now,
      notificationIds: [],
      question: { markerId: attention.markerId, options: attention.options, open: true },
    };
    items.set(item.key, item);
    questionBySession.set(session.id, item);
  }

  const seenNotifications = new Set<string>();
  for (const notification of input.notifications) {
    if (seenNotifications.has(notification.id) || !isUnread(notification)) continue;
    seenNotifications.add(notification.id);
    const session = notification.sessionId !== null ? sessions.get(notification.sessionId) : undefined;
    const base = {
      projectId: notification.projectId,
      projectName: projectName(notification.projectId, notification.metadata.projectName),
      sessionId: notification.sessionId,
      chatName: session?.topic ?? chatNameFromTitle(notification.title),
      detail: notification.body,
      waitingSince: notification.createdAt,
      notificationIds: [notification.id],
    };
    if (notification.type === 'needs_input') {
      const markerId = notification.metadata.attentionMarkerId;
      const held =
        markerId !== null ? items.get(`question:${markerId}`) : notification.sessionId !== null ? questionBySession.get(notification.sessionId) : undefined;
      if (held?.question?.open) {
        merge(held, notification);
        continue;
      }
      // Not an open question held: SAM's feed is all that tells of it, or the held session shows it closed.
      const open = session === undefined || rowPredates(session, notification);
      // Keyed by its marker like a session's question: the row keeps its key (and a reply being typed in it)
      // when the chat's session arrives after SAM's feed.
      const key = markerId !== null ? `question:${markerId}` : `question-notification:${notification.id}`;
      const same = items.get(key);
      if (same) {
        merge(same, notification);
        continue;
      }
      items.set(key, {
        ...base,
        key,
        kind: 'question',
        question: { markerId, options: open ? (notification.metadata.options ?? []) : [], open },
      });
    } else if (notificationTab(notification) === 'priority') {
      items.set(`review:${notification.id}`, { ...base, key: `review:${notification.id}`, kind: 'review' });
    } else if (FAILURE_TYPES.has(notification.type)) {
      const task = notification.taskId !== null ? tasks.get(notification.taskId) : undefined;
      // A failed task that was retried in place (failed -> ready) waits no more.
      if (task && task.status !== 'failed') continue;
      const key = notification.taskId !== null ? `failed:task:${notification.taskId}` : `failed:${notification.id}`;
      const held = items.get(key);
      if (held) merge(held, notification);
      else items.set(key, { ...base, key, kind: 'failed', detail: task?.errorMessage ?? notification.body });
    }
  }

  // Stalled sessions: a working agent silent past the threshold, unless it waits on a question already.
  for (const session of sessions.values()) {
    if (!session.liveFactsKnown || questionBySession.has(session.id)) continue;
    const task = session.taskId !== null ? (tasks.get(session.taskId) ?? null) : null;
    const silentFor = stalledFor(session, task, input.now, input.stallAfterMs);
    if (silentFor === null) continue;
    items.set(`stalled:${session.id}`, {
      key: `stalled:${session.id}`,
      kind: 'stalled',
      ...placeOf(session),
      detail: null,
      waitingSince: lastWrittenAt(session) ?? input.now - silentFor,
      notificationIds: [],
      silentFor,
    });
  }

  return [...items.values()].sort(byWait);
}

/** Oldest wait first; equal times by kind, then by key, so the order never depends on the input's. */
export function byWait(a: QueueItem, b: QueueItem): number {
  return a.waitingSince - b.waitingSince || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * The session's row was read before the question was asked (SAM's lists lag the live object by seconds), so
 * its empty `attention` says nothing about this question.
 */
function rowPredates(session: QueueSession, notification: Notification): boolean {
  const written = lastWrittenAt(session);
  return session.attention === null && (written === null || written < notification.createdAt);
}

function merge(item: QueueItem, notification: Notification): void {
  item.notificationIds = [...item.notificationIds, notification.id];
  item.waitingSince = Math.min(item.waitingSince, notification.createdAt);
}

function firstById(sessions: Iterable<QueueSession>): Map<string, QueueSession> {
  const byId = new Map<string, QueueSession>();
  for (const session of sessions) if (!byId.has(session.id)) byId.set(session.id, session);
  return byId;
}
