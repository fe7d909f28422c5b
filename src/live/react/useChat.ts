import { useMutation, useQuery } from '@tanstack/react-query';
import type { SessionDetailRow, SessionState } from '../../api/contract';
import type { ConversationItem, SessionEntry } from '../../reconcile/types';
import { loadEarlierMessages } from '../loadEarlier';
import { useLiveEngine } from './LiveProvider';
import { useProjectPart } from './useProjectPart';
import { useSessionEntry, type QueryStatusName } from './useSessionEntries';
import { useChatItems } from './useChatItems';
import { useChatState } from './useChatState';

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

export function useChat(projectId: string, sessionId: string): Chat {
  const engine = useLiveEngine();
  const query = useQuery(useProjectPart().queries.chat(projectId, sessionId));
  const chat = query.data;
  const entry = useSessionEntry(projectId, sessionId);
  const { conversation, pendingSends } = chat ?? {};
  const items = useChatItems(conversation, pendingSends);
  const state = useChatState(projectId, sessionId, chat?.state ?? null);
  const earlier = useMutation({ mutationFn: () => loadEarlierMessages(engine, projectId, sessionId) });
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
