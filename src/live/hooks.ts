/*
 * The hooks features read data through (docs/module-contracts.md): thin React over the React-free core
 * in src/live (socket, apply, catch-up, caches) and the pure functions of src/reconcile.
 */
export type { SessionEntry } from '../reconcile/types';
export { useNotificationStream } from './notificationStream';
export {
  useProjectStream,
  useSessionEntries,
  useSessionEntry,
  useStartTask,
  useStreamFacts,
  type QueryStatusName,
  type SessionEntries,
  type StartTask,
} from './useProjectData';
export { useChat, useChatActions, type Chat, type ChatActions } from './useChat';
export { usePromptDelivery } from './deliveries';
