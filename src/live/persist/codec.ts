import type { DehydratedState } from '@tanstack/query-core';
import type { Message, SessionDetailRow, SessionState } from '../../api/contract';
import { rebuildConversation } from '../../reconcile/conversation';
import { iterateLog, logFromMessages } from '../../reconcile/messageLog';
import { emptyChat, type ChatCache } from '../chatCache';
import { keptKind } from './keptKinds';

/*
 * What of the query cache is kept between visits, and in what form (docs/persist.md). Pure: the
 * persister (persister.ts) calls these on the dehydrated cache TanStack hands it.
 */

/**
 * The newest messages of a chat that are kept. The long-chat scenario's 30,000 messages kept whole are
 * 7 MB: 250 ms of main thread per save (a save can come every second while an agent streams) and 200 ms
 * to restore; its newest 1,000 are 240 KB, 2 ms and 16 ms (bench/persist.bench.ts). The newest window is
 * what a reopened chat shows first, and "load earlier" fetches the rest from SAM as for any chat.
 */
export const KEPT_MESSAGES_PER_CHAT = 1_000;

/** A chat as it is kept: the newest window of its messages, no optimistic sends, no folded views. */
export interface KeptChat {
  readonly detail: SessionDetailRow | null;
  readonly state: SessionState | null;
  readonly messages: readonly Message[];
  readonly hasEarlier: boolean;
  readonly resumeFrom: ChatCache['resumeFrom'];
}

/** The newest `limit` messages of the log, oldest first, without walking the rest of it. */
export function newestMessages(chat: ChatCache, limit: number): Message[] {
  if (chat.log.length <= limit) return [...iterateLog(chat.log)];
  const picked: Message[] = [];
  const { chunks, tail } = chat.log;
  for (const rows of [tail, ...[...chunks].reverse()]) {
    for (let i = rows.length - 1; i >= 0 && picked.length < limit; i -= 1) picked.push(rows[i] as Message);
    if (picked.length >= limit) break;
  }
  return picked.reverse();
}

export function keepChat(chat: ChatCache, limit = KEPT_MESSAGES_PER_CHAT): KeptChat {
  const messages = newestMessages(chat, limit);
  return {
    detail: chat.detail,
    state: chat.state,
    messages,
    hasEarlier: chat.hasEarlier || messages.length < chat.log.length,
    resumeFrom: chat.resumeFrom,
  };
}

export function restoreChat(kept: KeptChat): ChatCache {
  const log = logFromMessages(kept.messages);
  return {
    ...emptyChat(),
    detail: kept.detail,
    state: kept.state,
    log,
    conversation: rebuildConversation(iterateLog(log), null),
    hasEarlier: kept.hasEarlier,
    resumeFrom: kept.resumeFrom,
  };
}

/** The dehydrated cache as it is stored: chats trimmed to their kept form, nothing that is not kept. */
export function encodeCache(state: DehydratedState, limit = KEPT_MESSAGES_PER_CHAT): DehydratedState {
  return {
    mutations: [],
    queries: state.queries
      .filter((query) => keptKind(query.queryKey) !== null)
      .map((query) =>
        keptKind(query.queryKey) === 'chat' ? { ...query, state: { ...query.state, data: keepChat(query.state.data as ChatCache, limit) } } : query,
      ),
  };
}

/**
 * The stored cache as it is restored. Every entry comes back invalidated: whatever its staleTime, it is
 * shown and asked for again at once (the "as of" mark stays until that answer).
 */
export function decodeCache(state: DehydratedState): DehydratedState {
  return {
    mutations: [],
    queries: state.queries
      .filter((query) => keptKind(query.queryKey) !== null)
      .map((query) => {
        const data = keptKind(query.queryKey) === 'chat' ? restoreChat(query.state.data as KeptChat) : query.state.data;
        return { ...query, state: { ...query.state, data, isInvalidated: true } };
      }),
  };
}
