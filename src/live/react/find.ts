import { useState } from 'react';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { allChatsQuery } from '../../api/allChats';
import type { ChatSummary } from '../../api/contract/chats';
import type { ProjectSummary, SessionDetailRow } from '../../api/contract';
import { keys, queries } from '../../api/queries';
import { conversationItems } from '../../reconcile/conversation';
import type { ConversationItem } from '../../reconcile/types';
import type { ChatCache } from '../chatCache';
import { useLiveEngine } from './LiveProvider';

/*
 * What the find palette searches, for its door only (imported by path, so it loads with the palette): the
 * projects, the user's chats of every project (`GET /api/chats`), and the chats already held in the cache.
 * Nothing is fetched per chat: message text is what was loaded while reading.
 */

export interface LoadedChat {
  projectId: string;
  sessionId: string;
  detail: SessionDetailRow | null;
  items: readonly ConversationItem[];
}

export interface FindData {
  projects: readonly ProjectSummary[];
  chats: readonly ChatSummary[];
  /** `GET /api/chats` has not answered yet, or failed. */
  chatsStatus: 'pending' | 'error' | 'success';
  loadedChats: readonly LoadedChat[];
}

const NONE: readonly never[] = [];

/** The chats held in the cache (keys.chat: ['sam', 'projects', p, 'sessions', 'chat', s]), as they are now. */
export function loadedChats(client: QueryClient): LoadedChat[] {
  const chatKey = keys.chat('p', 's');
  return client
    .getQueryCache()
    .findAll({ queryKey: keys.projects() })
    .filter(({ queryKey }) => queryKey.length === chatKey.length && queryKey[3] === chatKey[3] && queryKey[4] === chatKey[4])
    .flatMap(({ queryKey, state }) => {
      const chat = state.data as ChatCache | undefined;
      if (!chat) return [];
      return [{ projectId: String(queryKey[2]), sessionId: String(queryKey[5]), detail: chat.detail, items: conversationItems(chat.conversation, NONE) }];
    });
}

export function useFindData(): FindData {
  const engine = useLiveEngine();
  const projects = useQuery(queries.projects());
  const chats = useQuery(allChatsQuery());
  // Read once when the palette opens: it is open for seconds, and a keystroke must not rebuild this.
  const [loaded] = useState(() => loadedChats(engine.client));
  return {
    projects: projects.data?.projects ?? NONE,
    chats: chats.data ?? NONE,
    chatsStatus: chats.status,
    loadedChats: loaded,
  };
}
