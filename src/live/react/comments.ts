/*
 * The comments' door into the engine (docs/comments.md). Imported only by the lazy comments code, so the
 * routes, schemas and these hooks load when a chat first shows comments, not with the first screen.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { commentsApi } from '../../api/commentEndpoints';
import type { CommentThread } from '../../api/contract/comments';
import type { DraftComment } from '../../reconcile/comments';
import { commentThreadsQuery, sendCommentTray, setThreadResolved, type TraySendResult } from '../comments';
import { useLiveEngine } from './LiveProvider';
import { useProjectPart } from './useProjectPart';

export type { CommentThread } from '../../api/contract/comments';
export type { TraySendResult } from '../comments';

export interface CommentThreads {
  status: 'pending' | 'error' | 'success';
  threads: readonly CommentThread[];
}

const NO_THREADS: readonly CommentThread[] = [];

export function useCommentThreads(projectId: string, sessionId: string): CommentThreads {
  const engine = useLiveEngine();
  useProjectPart(); // the list's answer is a project action: the project reducer must be there
  const { status, data } = useQuery(commentThreadsQuery(engine, commentsApi, projectId, sessionId));
  return { status, threads: data ?? NO_THREADS };
}

export interface CommentActions {
  sendTray(drafts: readonly DraftComment[]): Promise<TraySendResult>;
  resolve(threadId: string): Promise<void>;
  reopen(threadId: string): Promise<void>;
}

export function useCommentActions(projectId: string, sessionId: string): CommentActions {
  const engine = useLiveEngine();
  return useMemo(
    () => ({
      sendTray: (drafts) => sendCommentTray(engine, commentsApi, projectId, sessionId, drafts),
      resolve: (threadId) => setThreadResolved(engine, commentsApi, projectId, sessionId, threadId, true),
      reopen: (threadId) => setThreadResolved(engine, commentsApi, projectId, sessionId, threadId, false),
    }),
    [engine, projectId, sessionId],
  );
}
