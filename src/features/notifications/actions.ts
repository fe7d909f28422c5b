import { useMutation, useMutationState } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { keys } from '../../api/queries';
import type { Notification, NotificationEvent } from '../../api/contract';
import { notificationKeys, useLiveEngine, type LiveEngine, type UnreadCount } from '../../live/react';
import type { NotificationWrite } from '../../reconcile/notifications';

/*
 * What a person can do to notifications. Each action cancels the notification requests in flight, then
 * changes the caches at once through the same write path the stream uses (the engine's reducer), and
 * stays applied over every answer until SAM has answered the action (SAM confirms with its own frame
 * later, which changes nothing more).
 */

const answerKey = (notificationId: string) => [...notificationKeys.all, 'answer', notificationId] as const;

/** A failed single-item action: fetch the truth again rather than guess what to undo. */
function refetchNotifications(engine: LiveEngine) {
  return engine.client.invalidateQueries({ queryKey: notificationKeys.all });
}

interface OptimisticContext {
  write: NotificationWrite;
  /** A request was cancelled to make way for the write: fetch again once SAM has answered. */
  refetchAfter: boolean;
}

/** Cancels requests in flight (their answers predate the action), then writes the action at once. */
async function writeOptimistically(engine: LiveEngine, event: NotificationEvent): Promise<OptimisticContext> {
  const refetchAfter = await engine.notifications.cancelFetches();
  const write = engine.notifications.optimisticWrite(event);
  engine.dispatch({ type: 'notificationOptimistic', write });
  return { write, refetchAfter };
}

/**
 * The mutation options of a single-item action (read, dismiss): optimistic at once; when SAM refuses,
 * its own read mark is taken back and the truth fetched again.
 */
function singleItemAction(engine: LiveEngine, send: (id: string) => Promise<unknown>, event: (id: string) => NotificationEvent) {
  return {
    mutationFn: send,
    onMutate: (id: string) => writeOptimistically(engine, event(id)),
    onSuccess: (_result: unknown, _id: string, context: OptimisticContext) =>
      engine.dispatch({ type: 'notificationSettled', write: context.write, outcome: 'confirmed' }),
    onError: (_error: unknown, _id: string, context: OptimisticContext | undefined) => {
      if (context) engine.dispatch({ type: 'notificationSettled', write: context.write, outcome: 'refused' });
      void refetchNotifications(engine);
    },
    onSettled: (_r: unknown, error: unknown, _id: string, context: OptimisticContext | undefined) => {
      if (!error && context?.refetchAfter) void refetchNotifications(engine);
    },
  };
}

export const markReadMutation = (engine: LiveEngine) =>
  singleItemAction(
    engine,
    (id) => api.markRead(id),
    (id) => ({ type: 'notification.read', notificationId: id }),
  );

export const dismissMutation = (engine: LiveEngine) =>
  singleItemAction(
    engine,
    (id) => api.dismiss(id),
    (id) => ({ type: 'notification.dismissed', notificationId: id }),
  );

export function useMarkRead() {
  const engine = useLiveEngine();
  return useMutation(markReadMutation(engine));
}

export function useDismiss() {
  const engine = useLiveEngine();
  return useMutation(dismissMutation(engine));
}

interface MarkAllReadContext extends OptimisticContext {
  countBefore: number | undefined;
}

/** Optimistic at once; when SAM refuses, exactly the marks it made are taken back and the error is kept. */
export const markAllReadMutation = (engine: LiveEngine) => ({
  mutationFn: () => api.markAllRead(),
  onMutate: async (): Promise<MarkAllReadContext> => {
    const countBefore = engine.client.getQueryData<UnreadCount>(notificationKeys.unreadCount())?.count;
    return { ...(await writeOptimistically(engine, { type: 'notification.all_read' })), countBefore };
  },
  onSuccess: (_result: unknown, _variables: void, context: MarkAllReadContext) =>
    engine.dispatch({ type: 'notificationSettled', write: context.write, outcome: 'confirmed' }),
  onError: (_error: unknown, _variables: void, context: MarkAllReadContext | undefined) => {
    if (!context) return;
    engine.dispatch({ type: 'notificationSettled', write: context.write, outcome: 'refused' });
    if (engine.client.getQueryData<UnreadCount>(notificationKeys.unreadCount())?.count === 0 && context.countBefore !== undefined) {
      engine.dispatch({ type: 'unreadCountRestored', count: context.countBefore });
    }
  },
  onSettled: (_r: unknown, _e: unknown, _v: void, context: MarkAllReadContext | undefined) => {
    if (context?.refetchAfter) void refetchNotifications(engine);
  },
});

export function useMarkAllRead() {
  const engine = useLiveEngine();
  return useMutation(markAllReadMutation(engine));
}

/**
 * Answers a needs_input item with one of its options through the attention route. On success the item is
 * read, and the session's cached attention is refetched so every surface stops asking.
 */
export function useAnswerQuestion(notification: Notification) {
  const engine = useLiveEngine();
  return useMutation({
    mutationKey: answerKey(notification.id),
    mutationFn: (input: { projectId: string; sessionId: string; markerId: string; answer: string }) =>
      api.resolveAttention(input.projectId, input.sessionId, input.markerId, input.answer),
    onSuccess: (_result, { projectId, sessionId }) =>
      afterAnswer(engine, { projectId, sessionId, unreadIds: notification.readAt === null ? [notification.id] : [] }),
  });
}

/**
 * After SAM took an answer: its notifications are read, and the session's cached attention (the project's
 * lists, that chat) is fetched again so every surface stops asking.
 */
export function afterAnswer(engine: LiveEngine, answered: { projectId: string; sessionId: string; unreadIds: readonly string[] }) {
  for (const notificationId of answered.unreadIds) {
    const write = engine.notifications.optimisticWrite({ type: 'notification.read', notificationId });
    engine.dispatch({ type: 'notificationOptimistic', write });
    api.markRead(notificationId).then(
      () => engine.dispatch({ type: 'notificationSettled', write, outcome: 'confirmed' }),
      () => {
        engine.dispatch({ type: 'notificationSettled', write, outcome: 'refused' });
        void refetchNotifications(engine);
      },
    );
  }
  const { projectId, sessionId } = answered;
  void engine.client.invalidateQueries({ queryKey: keys.sessionList(projectId) });
  void engine.client.invalidateQueries({ queryKey: keys.projectActiveSessions(projectId) });
  void engine.client.invalidateQueries({ queryKey: keys.chat(projectId, sessionId) });
}

/** The answer given to this item in this visit, if any (kept while the panel closes and opens). */
export function useGivenAnswer(notificationId: string): string | null {
  const answers = useMutationState({
    filters: { mutationKey: answerKey(notificationId), status: 'success' },
    select: (mutation) => (mutation.state.variables as { answer?: string } | undefined)?.answer ?? null,
  });
  return answers.at(-1) ?? null;
}
