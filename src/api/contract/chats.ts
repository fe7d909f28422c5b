import * as v from 'valibot';
import { count, maybe, maybeTimestamp, timestamp } from './primitives';
import { SessionStatusSchema } from './rest';

/*
 * `GET /api/chats?limit(<=100, default 50)&offset&status`: the signed-in user's chats of every project,
 * newest `updatedAt` first, from SAM's D1 `session_summaries` index (apps/api/src/routes/chats.ts). The
 * index is synced from each project's live object a few seconds after a write, like the sessions list.
 * Imported by path, not through ./index: only the lazy find palette reads it, so it stays off the first screen.
 */
export const ChatSummarySchema = v.looseObject({
  id: v.string(),
  projectId: v.string(),
  projectName: v.nullish(v.string(), ''),
  userId: maybe(v.string()),
  status: SessionStatusSchema,
  topic: maybe(v.string()),
  taskId: maybe(v.string()),
  workspaceId: maybe(v.string()),
  messageCount: v.nullish(count, 0),
  startedAt: maybeTimestamp,
  lastMessageAt: maybeTimestamp,
  agentCompletedAt: maybeTimestamp,
  endedAt: maybeTimestamp,
  updatedAt: timestamp,
});
export type ChatSummary = v.InferOutput<typeof ChatSummarySchema>;

export const AllChatsSchema = v.looseObject({
  sessions: v.array(ChatSummarySchema),
  total: v.nullish(count, 0),
});
export type AllChats = v.InferOutput<typeof AllChatsSchema>;
