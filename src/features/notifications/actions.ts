import { useMutation, useMutationState, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { keys } from '../../api/queries';
import type { Notification, NotificationEvent } from '../../api/contract';
import { applyOptimistic, cancelNotificationFetches, notificationKeys, settleOptimistic } from '../../live/notificationCache';
import type { NotificationWrite } from '../../reconcile/notifications';

/*
 * What a person can do to notifications. Each action cancels the notification requests in flight, then
 * changes the caches at once through the same write path the stream uses (live/notificationCache), and
 * stays applied over every answer until SAM has answered the action (SAM confirms with its own frame
 * later, which changes nothing more).
 */

const answerKey = (notificationId: string) => [...notificationKeys.all, 'answer', notificationId] as const;

/** A failed single-item action: fetch the truth again rather than guess what to undo. */
function refetchNotifications(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
}

interface OptimisticContext {
  write: NotificationWrite;
  /** A request was cancelled to make way for the write: fetch again once SAM has answered. */
  refetchAfter: boolean;
}

/** Cancels requests in flight (their answers predate the action), then writes the action at once. */
async function writeOptimistically(queryClient: QueryClient, event: NotificationEvent): Promise<OptimisticContext> {
  const refetchAfter = await cancelNotificationFetches(queryClient);
  return { write: applyOptimistic(queryClient, event), refetchAfter };
}

/**
 * The mutation options of a single-item action (read, dismiss): optimistic at once; when SAM refuses,
 * its own read mark is taken back and the truth fetched again.
 */
function singleItemAction(queryClient: QueryClient, send: (id: string) => Promise<unknown>, event: (id: string) => NotificationEvent) {
  return {
    mutationFn: send,
    onMutate: (id: string) => writeOptimistically(queryClient, event(id)),
    onSuccess: (_result: unknown, _id: string, context: OptimisticContext) => settleOptimistic(queryClient, context.write, 'confirmed'),
    onError: (_error: unknown, _id: string, context: OptimisticContext | undefined) => {
      if (context) settleOptimistic(queryClient, context.write, 'refused');
      void refetchNotifications(queryClient);
    },
    onSettled: (_r: unknown, error: unknown, _id: string, context: OptimisticContext | undefined) => {
      if (!error && context?.refetchAfter) void refetchNotifications(queryClient);
    },
  };
}

export const markReadMutation = (queryClient: QueryClient) =>
  singleItemAction(queryClient, (id) => api.markRead(id), (id) => ({ type: 'notification.read', notificationId: id }));

export const dismissMutation = (queryClient: QueryClient) =>
  singleItemAction(queryClient, (id) => api.dismiss(id), (id) => ({ type: 'notification.dismissed', notificationId: id }));

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation(markReadMutation(queryClient));
}

export function useDismiss() {
  const queryClient = useQueryClient();
  return useMutation(dismissMutation(queryClient));
}

interface MarkAllReadContext extends OptimisticContext {
  countBefore: number | undefined;
}

/** Optimistic at once; when SAM refuses, exactly the marks it made are taken back and the error is kept. */
export const markAllReadMutation = (queryClient: QueryClient) => ({
  mutationFn: () => api.markAllRead(),
  onMutate: async (): Promise<MarkAllReadContext> => {
    const countBefore = queryClient.getQueryData<number>(notificationKeys.unreadCount());
    return { ...(await writeOptimistically(queryClient, { type: 'notification.all_read' })), countBefore };
  },
  onSuccess: (_result: unknown, _variables: void, context: MarkAllReadContext) => settleOptimistic(queryClient, context.write, 'confirmed'),
  onError: (_error: unknown, _variables: void, context: MarkAllReadContext | undefined) => {
    if (!context) return;
    settleOptimistic(queryClient, context.write, 'refused');
    if (queryClient.getQueryData(notificationKeys.unreadCount()) === 0 && context.countBefore !== undefined) {
      queryClient.setQueryData(notificationKeys.unreadCount(), context.countBefore);
    }
  },
  onSettled: (_r: unknown, _e: unknown, _v: void, context: MarkAllReadContext | undefined) => {
    if (context?.refetchAfter) void refetchNotifications(queryClient);
  },
});

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation(markAllReadMutation(queryClient));
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
        const write = applyOptimistic(queryClient, { type: 'notification.read', notificationId: notification.id });
        api.markRead(notification.id).then(
          () => settleOptimistic(queryClient, write, 'confirmed'),
          () => {
            settleOptimistic(queryClient, write, 'refused');
            void refetchNotifications(queryClient);
          },
        );
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
