/*
 * The only door from React into the live engine (docs/module-contracts.md): small hooks that observe the
 * engine's caches and clock. Features import from here, never from src/live/* directly.
 */
export type { SessionEntry } from '../../reconcile/types';
export { createLiveEngine, type LiveEngine } from '../engine';
export { notificationKeys, type NotificationCache, type NotificationFeedData } from '../notificationCache';
export { LiveProvider, useLiveEngine } from './LiveProvider';
export { useNow } from './useNow';
export { useNotificationStream, useProjectStream } from './useStreams';
export { useStreamFacts } from './useSessionEntryInputs';
export { useSessionEntries, useSessionEntry, type QueryStatusName, type SessionEntries } from './useSessionEntries';
export { useStartTask, type StartTask } from './useStartTask';
export { useChat, type Chat } from './useChat';
export { useChatActions, type ChatActions } from './useChatActions';
export { usePromptDelivery } from './usePromptDelivery';
export { useHeldSessions } from './useHeldSessions';
export { useNotificationArrivals, useNotificationCache } from './useNotifications';
