import * as c from './contract/comments';
import { request } from './http';

/*
 * SAM's message comment routes (apps/api/src/routes/chat-comments.ts). Apart from `api` in endpoints.ts so
 * that they load with the comments code, not with the first screen.
 */
const threads = (projectId: string, sessionId: string) => `/api/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}/comments`;
const thread = (projectId: string, sessionId: string, threadId: string) => `${threads(projectId, sessionId)}/${encodeURIComponent(threadId)}`;

export interface NewCommentThread {
  messageId: string;
  body: string;
  quote: string | null;
  /** Makes a repeated create (a retry after a lost answer) return the same thread instead of a second one. */
  clientMutationId: string;
}

export const commentsApi = {
  list: (projectId: string, sessionId: string, query: { limit?: number; afterSequence?: number; status?: string } = {}, signal?: AbortSignal) =>
    request(threads(projectId, sessionId), { schema: c.CommentThreadListSchema, query, signal }),
  create: (projectId: string, sessionId: string, body: NewCommentThread) =>
    request(threads(projectId, sessionId), { schema: c.CommentThreadMutationSchema, method: 'POST', body }),
  reply: (projectId: string, sessionId: string, threadId: string, body: { body: string; clientMutationId: string }) =>
    request(`${thread(projectId, sessionId, threadId)}/replies`, { schema: c.CommentReplyMutationSchema, method: 'POST', body }),
  resolve: (projectId: string, sessionId: string, threadId: string) =>
    request(`${thread(projectId, sessionId, threadId)}/resolve`, { schema: c.CommentThreadMutationSchema, method: 'POST', body: {} }),
  reopen: (projectId: string, sessionId: string, threadId: string) =>
    request(`${thread(projectId, sessionId, threadId)}/reopen`, { schema: c.CommentThreadMutationSchema, method: 'POST', body: {} }),
};

export type CommentsApi = typeof commentsApi;
