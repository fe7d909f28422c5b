import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** The open chat, for rows that read or fetch per-chat data (tool output, prompt delivery) without prop drilling. */
export interface ChatScope {
  projectId: string;
  sessionId: string;
}

const ChatScopeContext = createContext<ChatScope | null>(null);

export function ChatScopeProvider({ projectId, sessionId, children }: ChatScope & { children: ReactNode }) {
  const scope = useMemo(() => ({ projectId, sessionId }), [projectId, sessionId]);
  return <ChatScopeContext value={scope}>{children}</ChatScopeContext>;
}

/** Null outside an open chat (a row rendered on its own, in a test). */
export function useChatScope(): ChatScope | null {
  return useContext(ChatScopeContext);
}
