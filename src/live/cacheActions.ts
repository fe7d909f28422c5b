import type { MessagePage, NotificationEvent, NotificationList, ProjectEvent, SessionDetail, SessionRow } from '../api/contract';
import type { CommentThread } from '../api/contract/comments';
import type { NotificationFeed, NotificationWrite } from '../reconcile/notifications';
import type { TaskSnapshot } from '../reconcile/taskSnapshots';
import type { PendingSend } from '../reconcile/types';
import type { FetchedChatPage } from './chatCache';

/*
 * Everything that changes a cache of the engine, as data: socket events and REST answers alike. Each is
 * written by one reducer (src/live/cacheReducer.ts). `stamp` is when Lookout learned the thing (a REST
 * answer: when its request started; an event: when it was received), which is how newer wins.
 */

/** An event with the stamp of the moment it was RECEIVED (it may wait for its animation frame). */
export interface Stamped<E> {
  event: E;
  stamp: number;
}

export interface FollowUps {
  /** SAM pushes no task status: anything that hints at a task change refetches the tasks. */
  refetchTasks: boolean;
  refetchSessions: boolean;
  /** Open sessions whose message sequence jumped: events were missed, catch up over REST. */
  catchUpSessions: Set<string>;
  /** Events that could not be applied, each with why: skipped, so that the rest of the batch still lands. */
  skipped: string[];
}

export const noFollowUps = (): FollowUps => ({ refetchTasks: false, refetchSessions: false, catchUpSessions: new Set(), skipped: [] });

type InChat = { projectId: string; sessionId: string };

/** What the project half of the engine writes (src/live/projectReducer.ts, loaded with the project view). */
export type ProjectCacheAction =
  // The project socket: a batch of validated events.
  | { type: 'projectEvents'; projectId: string; events: readonly Stamped<ProjectEvent>[] }
  // REST pages of the project.
  | { type: 'sessionListPage'; projectId: string; rows: readonly SessionRow[]; stamp: number }
  | { type: 'taskSnapshots'; projectId: string; snapshots: readonly TaskSnapshot[] }
  | ({ type: 'sessionDetail'; detail: Pick<SessionDetail, 'session' | 'state'>; stamp: number } & InChat)
  // The chat query's answer: the detail's facts, and its page of messages merged into the held chat.
  | ({ type: 'chatFetched'; detail: SessionDetail; fetched: FetchedChatPage } & InChat)
  | ({ type: 'earlierMessages'; page: MessagePage; stamp: number } & InChat)
  // What the person does in a chat (optimistic, then confirmed or rolled back).
  | ({ type: 'sendStarted'; send: PendingSend } & InChat)
  | ({ type: 'sendAccepted'; localId: string; messageId: string | null; mailbox: { deliveryId: string; status: string } | null } & InChat)
  | ({ type: 'sendFailed'; localId: string; error: string; replayOnReconnect: boolean } & InChat)
  | ({ type: 'sendRetried'; localId: string } & InChat)
  | ({ type: 'sendDiscarded'; localId: string } & InChat)
  | ({ type: 'questionAnswered'; markerId: string; stamp: number } & InChat)
  // SAM's answer to a comment thread mutation (create, reply, resolve, reopen): the threads as they are now.
  | ({ type: 'commentThreads'; threads: readonly CommentThread[] } & InChat);

export type CacheAction =
  | ProjectCacheAction
  // The notification caches: live frames, optimistic actions and their outcome.
  | { type: 'notificationFrames'; events: readonly NotificationEvent[]; at: number }
  | { type: 'notificationOptimistic'; write: NotificationWrite }
  | { type: 'notificationSettled'; write: NotificationWrite; outcome: 'confirmed' | 'refused' }
  // REST answers: the feed as far as it is loaded, its next page, the unread page, SAM's count, the reconnect catch-up.
  | { type: 'notificationFeedFetched'; feed: NotificationFeed<string | number | null>; startedAt: number }
  | { type: 'notificationNextPage'; cursor: string | number; page: NotificationList; startedAt: number }
  | { type: 'notificationUnreadFetched'; page: NotificationList; startedAt: number }
  | { type: 'unreadCountFetched'; count: number; startedAt: number }
  | { type: 'notificationsCaughtUp'; firstPage: NotificationList | null; unreadPage: NotificationList; count: number; startedAt: number }
  | { type: 'unreadCountRestored'; count: number };
