import { useMemo } from 'react';
import { writeFacts } from '../cacheEntries';
import { discardSend, retrySend, sendPrompt } from '../sends';
import { useLiveEngine } from './LiveProvider';

export interface ChatActions {
  /** Optimistic: the item appears at once with delivery 'sending'. */
  send(text: string): void;
  /** For an item with delivery 'failed'. */
  retrySend(itemId: string): void;
  discardSend(itemId: string): void;
  interrupt(): Promise<void>;
  answer(markerId: string, option: string): Promise<void>;
}

export function useChatActions(projectId: string, sessionId: string): ChatActions {
  const engine = useLiveEngine();
  return useMemo(() => {
    const { client, env } = engine;
    return {
      send: (text) => void sendPrompt(engine, projectId, sessionId, text),
      retrySend: (itemId) => void retrySend(engine, projectId, sessionId, itemId),
      discardSend: (itemId) => discardSend(engine, projectId, sessionId, itemId),
      interrupt: async () => {
        await env.api.interrupt(projectId, sessionId);
      },
      answer: async (markerId, option) => {
        await env.api.resolveAttention(projectId, sessionId, markerId, option);
        // Answered: the question goes at once (a list page that started before this cannot bring it back).
        writeFacts(client, projectId, [{ id: sessionId, patch: (f) => (f?.attention?.markerId === markerId ? { attention: null } : {}), stamp: engine.stamp() }]);
      },
    };
  }, [engine, projectId, sessionId]);
}
