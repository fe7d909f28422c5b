/*
 * The project view's hooks (its chats, sidebar and stream). A door of their own, so that their code (the
 * engine's project part: src/live/projectPart.ts) loads with the project view and not with the first screen.
 */
export { useProjectStream } from './useProjectStream';
export { useStreamFacts } from './useStreamFacts';
export { useSessionEntries, useSessionEntry, type QueryStatusName, type SessionEntries } from './useSessionEntries';
export { useStartTask, type StartTask } from './useStartTask';
export { useChat, type Chat } from './useChat';
export { useChatActions, type ChatActions } from './useChatActions';
export { usePromptDelivery } from './usePromptDelivery';
