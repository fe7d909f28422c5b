import type { CommentsApi } from '../api/commentEndpoints';
import { COMMENT_LIMITS, type CommentThread } from '../api/contract/comments';
import { buildFollowUpText, followUpReplyId, type DraftComment } from '../reconcile/comments';
import { commentThreadsKey } from './commentCache';
import type { LiveCore } from './core';
import { discardSend, sendPrompt } from './sends';

/*
 * Message comments (docs/comments.md): the session's threads as a query, and what a person does with
 * them. Every answer SAM gives, the list's and each mutation's, goes through the engine's reducer
 * (`commentThreads`).
 */

/**
 * Every thread of a session: SAM pages by thread sequence (`afterSequence`), at most 500 a page. The list
 * goes through the reducer like a mutation's answer: a list that started before a resolve or a send cannot
 * roll it back, because threads only move to a higher version.
 */
export function commentThreadsQuery(core: LiveCore, commentsApi: CommentsApi, projectId: string, sessionId: string) {
  const queryKey = commentThreadsKey(projectId, sessionId);
  return {
    queryKey,
    queryFn: async ({ signal }: { signal: AbortSignal }): Promise<readonly CommentThread[]> => {
      const threads: CommentThread[] = [];
      let afterSequence: number | undefined;
      for (let page = 0; page < 20; page += 1) {
        const answer = await commentsApi.list(projectId, sessionId, { limit: COMMENT_LIMITS.listMax, afterSequence }, signal);
        threads.push(...answer.threads);
        const last = answer.threads.at(-1)?.sequence;
        if (!answer.hasMore || last === null || last === undefined) break;
        afterSequence = last;
      }
      return core.answer<readonly CommentThread[]>(queryKey, signal, { type: 'commentThreads', projectId, sessionId, threads });
    },
    structuralSharing: core.keepAnswer,
  };
}

export type TraySendResult = { sent: true; sentIds: readonly string[] } | { sent: false; error: string };

/**
 * Sends a tray as ONE follow-up: each message comment becomes a SAM thread (a retry makes no second one:
 * the draft's id is its clientMutationId), the follow-up goes through the chat's own send path (so it
 * shows as sending, queued, delivered like any prompt), and once SAM accepted it each thread gets the
 * reply that records it was sent. A follow-up that fails is taken back out of the chat: the tray keeps
 * the comments, and sending again is the one way to retry.
 */
export async function sendCommentTray(
  core: LiveCore,
  commentsApi: CommentsApi,
  projectId: string,
  sessionId: string,
  drafts: readonly DraftComment[],
): Promise<TraySendResult> {
  const threads: CommentThread[] = [];
  const sent: Pick<DraftComment, 'anchor' | 'body'>[] = [];
  try {
    for (const draft of drafts) {
      const { anchor } = draft;
      if (anchor.kind !== 'message') {
        sent.push(draft);
        continue;
      }
      const { thread } = await commentsApi.create(projectId, sessionId, {
        messageId: anchor.messageId,
        body: draft.body,
        quote: anchor.quote,
        clientMutationId: `lookout:${draft.id}`,
      });
      threads.push(thread);
      // SAM stores the quote and the body trimmed: the follow-up says what the thread says.
      sent.push({ anchor: { ...anchor, quote: thread.anchor.quote ?? anchor.quote }, body: thread.body });
    }
  } catch (error) {
    if (threads.length > 0) core.dispatch({ type: 'commentThreads', projectId, sessionId, threads });
    throw error;
  }
  if (threads.length > 0) core.dispatch({ type: 'commentThreads', projectId, sessionId, threads });

  const outcome = await sendPrompt(core, projectId, sessionId, buildFollowUpText(sent));
  if (!outcome.accepted) {
    discardSend(core, projectId, sessionId, outcome.localId);
    return { sent: false, error: outcome.error };
  }
  const marked = await Promise.allSettled(
    threads.map((thread) =>
      commentsApi.reply(projectId, sessionId, thread.id, {
        body: `Sent to the agent in one follow-up with ${drafts.length === 1 ? 'this comment' : `${drafts.length} comments`}.`,
        clientMutationId: followUpReplyId(outcome.messageId ?? outcome.localId, thread.id),
      }),
    ),
  );
  const answered = marked.flatMap((result) => (result.status === 'fulfilled' ? [result.value.thread] : []));
  if (answered.length > 0) core.dispatch({ type: 'commentThreads', projectId, sessionId, threads: answered });
  return { sent: true, sentIds: drafts.map((draft) => draft.id) };
}

export async function setThreadResolved(
  core: LiveCore,
  commentsApi: CommentsApi,
  projectId: string,
  sessionId: string,
  threadId: string,
  resolved: boolean,
): Promise<void> {
  const { thread } = resolved ? await commentsApi.resolve(projectId, sessionId, threadId) : await commentsApi.reopen(projectId, sessionId, threadId);
  core.dispatch({ type: 'commentThreads', projectId, sessionId, threads: [thread] });
}
