import { noFollowUps, type CacheAction, type FollowUps } from './cacheActions';
import type { NotificationCacheWrites } from './notificationCache';
import type { ProjectReducer } from './projectReducer';

/*
 * The one write path of the engine: every action (socket events, REST pages, optimistic sends and their
 * outcome, notification frames and actions) reaches the caches here, one case per action type, in the
 * spirit of TanStack query-core's `#dispatch`. Notification actions are written at once; project actions
 * go to the project reducer (src/live/projectReducer.ts), whose code is loaded with the project view and
 * installed when the engine's project part is first made (src/live/projectPart.ts): only that part
 * dispatches them, so it is always there when one arrives.
 *
 * A query function's answer is an action too: its function dispatches it and answers with what was written
 * (src/live/writtenAnswers.ts), so TanStack stores nothing the reducer did not write.
 */
export function createCacheReducer(notifications: NotificationCacheWrites, project: () => ProjectReducer): (action: CacheAction) => FollowUps {
  return function dispatch(action) {
    switch (action.type) {
      case 'projectEvents':
      case 'sessionListPage':
      case 'taskSnapshots':
      case 'sessionDetail':
      case 'chatFetched':
      case 'earlierMessages':
      case 'sendStarted':
      case 'sendAccepted':
      case 'sendFailed':
      case 'sendRetried':
      case 'sendDiscarded':
      case 'questionAnswered':
      case 'commentThreads':
        return project()(action);
      case 'notificationFrames':
        notifications.frames(action.events, action.at);
        break;
      case 'notificationOptimistic':
        notifications.optimistic(action.write);
        break;
      case 'notificationSettled':
        notifications.settled(action.write, action.outcome);
        break;
      case 'notificationFeedFetched':
        notifications.feedFetched(action);
        break;
      case 'notificationNextPage':
        notifications.nextPage(action);
        break;
      case 'notificationUnreadFetched':
        notifications.unreadFetched(action);
        break;
      case 'unreadCountFetched':
        notifications.countFetched(action);
        break;
      case 'notificationsCaughtUp':
        notifications.caughtUp(action);
        break;
      case 'unreadCountRestored':
        notifications.countRestored(action.count);
        break;
      default: {
        const never: never = action;
        throw new Error(`unhandled cache action ${String((never as { type: unknown }).type)}`);
      }
    }
    return noFollowUps();
  };
}
