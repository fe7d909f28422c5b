import type { QueryClient } from '@tanstack/query-core';
import type { CommentThread } from '../api/contract/comments';
import { keys } from '../api/queries';
import { upsertThreads } from '../reconcile/comments';

/**
 * The comment threads of one session, as SAM listed them and as its mutation answers changed them since.
 * Not under `keys.chat(...)`: everything there is a chat entry (sends.ts walks them).
 */
export const commentThreadsKey = (projectId: string, sessionId: string) => [...keys.sessions(projectId), 'comments', sessionId] as const;

/** The reducer's write for `commentThreads` (src/live/projectReducer.ts). */
export function writeCommentThreads(client: QueryClient, projectId: string, sessionId: string, threads: readonly CommentThread[]): void {
  client.setQueryData<readonly CommentThread[]>(commentThreadsKey(projectId, sessionId), (held) => upsertThreads(held ?? [], threads));
}
