import * as v from 'valibot';
import { count, maybe, maybeTimestamp, openEnum, timestamp } from './primitives';

/*
 * SAM's message comments (apps/api/src/routes/chat-comments.ts; the thread shape is mapThread in
 * durable-objects/project-data/comments.ts). Not re-exported from the contract's index: only the lazy
 * comments code imports it, so it stays out of the first screen's bundle.
 */

export const COMMENT_STATUSES = ['open', 'sent', 'resolved'] as const;

export { COMMENT_LIMITS } from './commentLimits';

export const CommentAuthorSchema = v.looseObject({
  kind: openEnum(['human', 'agent'] as const),
  id: v.string(),
  name: maybe(v.string()),
  displayName: maybe(v.string()),
});

export const CommentReplySchema = v.looseObject({
  id: v.string(),
  threadId: maybe(v.string()),
  author: CommentAuthorSchema,
  body: v.string(),
  createdAt: timestamp,
  sequence: maybe(v.number()),
  clientMutationId: maybe(v.string()),
});

export const CommentThreadSchema = v.looseObject({
  id: v.string(),
  sessionId: v.string(),
  anchor: v.looseObject({ kind: v.string(), messageId: v.string(), quote: maybe(v.string()) }),
  author: CommentAuthorSchema,
  body: v.string(),
  status: openEnum(COMMENT_STATUSES),
  createdAt: timestamp,
  updatedAt: timestamp,
  sequence: maybe(count),
  version: maybe(count),
  clientMutationId: maybe(v.string()),
  sentAt: maybeTimestamp,
  resolvedAt: maybeTimestamp,
  reopenedAt: maybeTimestamp,
  replies: v.nullish(v.array(CommentReplySchema), []),
});

/** `GET .../sessions/:s/comments`: oldest first (by the session's thread sequence). */
export const CommentThreadListSchema = v.looseObject({ threads: v.array(CommentThreadSchema), hasMore: v.boolean() });

/** Create, resolve, reopen: 201 when it changed something, 200 when a clientMutationId repeated. */
export const CommentThreadMutationSchema = v.looseObject({ thread: CommentThreadSchema, idempotent: v.boolean() });

export const CommentReplyMutationSchema = v.looseObject({ thread: CommentThreadSchema, reply: CommentReplySchema, idempotent: v.boolean() });

export type CommentAuthor = v.InferOutput<typeof CommentAuthorSchema>;
export type CommentReply = v.InferOutput<typeof CommentReplySchema>;
export type CommentThread = v.InferOutput<typeof CommentThreadSchema>;
export type CommentThreadList = v.InferOutput<typeof CommentThreadListSchema>;
