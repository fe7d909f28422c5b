/*
 * The only door from React into the live engine (docs/module-contracts.md): small hooks that observe the
 * engine's caches and clock. Features import from here (the project view's hooks: ./project), never from
 * src/live/* directly.
 */
export type { SessionEntry } from '../../reconcile/types';
export { createLiveEngine, type LiveEngine } from '../engine';
export { notificationKeys, type NotificationCache, type NotificationFeedData, type UnreadCount } from '../notificationCache';
export { LiveProvider, useLiveEngine } from './LiveProvider';
export { useNow } from './useNow';
export { useNotificationStream } from './useStreams';
export { useHeldSessions } from './useHeldSessions';
export { useNotificationArrivals, useNotificationCache } from './useNotifications';
