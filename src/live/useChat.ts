import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionDetailRow, SessionState } from '../api/contract';
import { conversationItems } from '../reconcile/conversation';
import type { ConversationItem, SessionEntry } from '../reconcile/types';
import { writeFacts } from './cacheEntries';
import { liveContext } from './context';
import { useSessionEntry, type QueryStatusName } from './useProjectData';
import { loadEarlierMessages } from './loadEarlier';
import { liveQueries } from './queries';
import { discardSend, retrySend, sendPrompt } from './sends';

export interface Chat {
  status: QueryStatusName;
  error: unknown;
  retry(): void;
  /** The same SessionEntry as the sidebar's (same view, same task). */
  entry: SessionEntry | null;
  detail: SessionDetailRow | null;
  state: SessionState | null;
  /** conversation(messages + optimistic sends). */
  items: readonly ConversationItem[];
  hasEarlier: boolean;
  loadEarlier(): Promise<void>;
  isLoadingEarlier: boolean;
}

const NO_ITEMS: readonly ConversationItem[] = [];

export function useChat(projectId: string, sessionId: string): Chat {
  const client = useQueryClient();
  const query = useQuery(liveQueries.chat(projectId, sessionId));
  const chat = query.data;
  const entry = useSessionEntry(projectId, sessionId);
  const conversation = chat?.conversation;
  const pendingSends = chat?.pendingSends;
  const items = useMemo(() => (conversation && pendingSends ? conversationItems(conversation, pendingSends) : NO_ITEMS), [conversation, pendingSends]);
  // The detail's state, with the live fields as the stream last reported them.
  const facts = useQuery({ ...liveQueries.sessionFacts(projectId), select: (f) => f.records.get(sessionId)?.facts }).data;
  const detailState = chat?.state ?? null;
  const state = useMemo<SessionState | null>(() => {
    if (!detailState || !facts) return detailState;
    return {
      ...detailState,
      activity: facts.activity ?? detailState.activity,
      promptStartedAt: facts.promptStartedAt,
      statusError: facts.statusError,
      wakePhase: facts.wakePhase,
      recoveryStatus: facts.recoveryStatus,
    };
  }, [detailState, facts]);
  const earlier = useMutation({ mutationFn: () => loadEarlierMessages(client, projectId, sessionId) });
  const { refetch } = query;
  return {
    status: chat?.detail ? 'success' : query.status === 'error' ? 'error' : 'pending',
    error: query.error,
    retry: () => void refetch(),
    entry,
    detail: chat?.detail ?? null,
    state,
    items,
    hasEarlier: chat?.hasEarlier ?? false,
    loadEarlier: async () => {
      await earlier.mutateAsync();
    },
    isLoadingEarlier: earlier.isPending,
  };
}

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
  const client = useQueryClient();
  return useMemo(() => {
    const { api, stamp } = liveContext(client);
    return {
      send: (text) => void sendPrompt(client, projectId, sessionId, text),
      retrySend: (itemId) => void retrySend(client, projectId, sessionId, itemId),
      discardSend: (itemId) => discardSend(client, projectId, sessionId, itemId),
      interrupt: async () => {
        await api.interrupt(projectId, sessionId);
      },
      answer: async (markerId, option) => {
        await api.resolveAttention(projectId, sessionId, markerId, option);
        // Answered: the question goes at once (a list page that started before this cannot bring it back).
        writeFacts(client, projectId, [{ id: sessionId, patch: (f) => (f?.attention?.markerId === markerId ? { attention: null } : {}), stamp: stamp() }]);
      },
    };
  }, [client, projectId, sessionId]);
}
