import { queryOptions } from '@tanstack/react-query';
import { AllChatsSchema, type ChatSummary } from './contract/chats';
import { request } from './http';
import { keys } from './queries';

/*
 * The user's chats of all projects (`GET /api/chats`, src/api/contract/chats.ts). A module of its own, beside
 * endpoints.ts and queries.ts, so that the route and its schema load with the find palette, the one reader,
 * and not with the first screen.
 */

/** SAM's ceiling for one page. */
const PAGE_LIMIT = 100;
/** How many pages the palette reads before it stops (500 chats, newest first). */
const PAGES_MAX = 5;

export const allChatsKey = () => [...keys.all, 'chats', 'all'] as const;

export function fetchAllChats(query: { limit?: number; offset?: number; status?: string } = {}, signal?: AbortSignal) {
  return request('/api/chats', { schema: AllChatsSchema, query, signal });
}

export const allChatsQuery = () =>
  queryOptions({
    queryKey: allChatsKey(),
    queryFn: async ({ signal }): Promise<ChatSummary[]> => {
      const chats: ChatSummary[] = [];
      for (let page = 0; page < PAGES_MAX; page += 1) {
        const body = await fetchAllChats({ limit: PAGE_LIMIT, offset: chats.length }, signal);
        chats.push(...body.sessions);
        if (body.sessions.length < PAGE_LIMIT || chats.length >= body.total) break;
      }
      return chats;
    },
    staleTime: 30_000,
  });
