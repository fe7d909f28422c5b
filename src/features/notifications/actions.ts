import { useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { keys } from '../../api/queries';
import type { Notification, NotificationEvent } from '../../api/contract';
import { applyNotificationFrames, notificationKeys } from '../../live/notificationCache';
import { revertReadMarks, unreadIds, type NotificationFeed } from '../../reconcile/notifications';

/*
 * What a person can do to notifications. Each action changes the caches at once through the same reducer
 * the stream uses (SAM confirms with its own frame later, which changes nothing more).
 */

const answerKey = (notificationId: string) => [...notificationKeys.all, 'answer', notificationId] as const;

function applyLocally(queryClient: QueryClient, event: NotificationEvent, now = Date.now()): void {
  applyNotificationFrames(queryClient, [event], now);
}

/** A failed single-item action: fetch the truth again rather than guess what to undo. */
function refetchNotifications(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.markRead(id),
    onMutate: (id) => applyLocally(queryClient, { type: 'notification.read', notificationId: id }),
    onError: () => refetchNotifications(queryClient),
  });
}

export function useDismiss() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.dismiss(id),
    onMutate: (id) => applyLocally(queryClient, { type: 'notification.dismissed', notificationId: id }),
    onError: () => refetchNotifications(queryClient),
  });
}

const FEED_KEYS = [notificationKeys.feed(), notificationKeys.unread()] as const;

interface MarkAllReadContext {
  stamp: number;
  markedIds: Set<string>;
  countBefore: number | undefined;
}

/** Optimistic at once; when SAM refuses, exactly the marks it made are taken back and the error is kept. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.markAllRead(),
    onMutate: (): MarkAllReadContext => {
      const stamp = Date.now();
      const markedIds = new Set(FEED_KEYS.flatMap((key) => [...unreadIds(queryClient.getQueryData(key))]));
      const countBefore = queryClient.getQueryData<number>(notificationKeys.unreadCount());
      applyLocally(queryClient, { type: 'notification.all_read' }, stamp);
      return { stamp, markedIds, countBefore };
    },
    onError: (_error, _variables, context) => {
      if (!context) return;
      for (const key of FEED_KEYS) {
        queryClient.setQueryData<NotificationFeed>(key, (feed) => feed && revertReadMarks(feed, context.markedIds, context.stamp));
      }
      if (queryClient.getQueryData(notificationKeys.unreadCount()) === 0 && context.countBefore !== undefined) {
        queryClient.setQueryData(notificationKeys.unreadCount(), context.countBefore);
      }
    },
  });
}

/**
 * Answers a needs_input item with one of its options through the attention route. On success the item is
 * read, and the session's cached attention is refetched so every surface stops asking.
 */
export function useAnswerQuestion(notification: Notification) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: answerKey(notification.id),
    mutationFn: (input: { projectId: string; sessionId: string; markerId: string; answer: string }) =>
      api.resolveAttention(input.projectId, input.sessionId, input.markerId, input.answer),
    onSuccess: (_result, { projectId, sessionId }) => {
      if (notification.readAt === null) {
        applyLocally(queryClient, { type: 'notification.read', notificationId: notification.id });
        api.markRead(notification.id).catch(() => refetchNotifications(queryClient));
      }
      void queryClient.invalidateQueries({ queryKey: keys.sessionList(projectId) });
      void queryClient.invalidateQueries({ queryKey: keys.chat(projectId, sessionId) });
    },
  });
}

/** The answer given to this item in this visit, if any (kept while the panel closes and opens). */
export function useGivenAnswer(notificationId: string): string | null {
  const answers = useMutationState({
    filters: { mutationKey: answerKey(notificationId), status: 'success' },
    select: (mutation) => (mutation.state.variables as { answer?: string } | undefined)?.answer ?? null,
  });
  return answers.at(-1) ?? null;
}
