import { useMemo } from 'react';
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
    const { env } = engine;
    return {
      send: (text) => void sendPrompt(engine, projectId, sessionId, text),
      retrySend: (itemId) => void retrySend(engine, projectId, sessionId, itemId),
      discardSend: (itemId) => discardSend(engine, projectId, sessionId, itemId),
      interrupt: async () => {
        await env.api.interrupt(projectId, sessionId);
      },
      answer: async (markerId, option) => {
        await env.api.resolveAttention(projectId, sessionId, markerId, option);
        engine.dispatch({ type: 'questionAnswered', projectId, sessionId, markerId, stamp: engine.stamp() });
      },
    };
  }, [engine, projectId, sessionId]);
}
