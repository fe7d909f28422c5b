import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/endpoints';
import { useLiveEngine } from '../../live/react';
import type { QueueItem } from '../../reconcile/needsYouQueue';
import { afterAnswer, useDismiss } from './actions';

/*
 * What the Needs-you queue does with an item, through the paths the panel and the chat already use: an
 * option through the attention route, words through the prompt route (SAM resolves the open question on a
 * person's message), a dismissal through the notification write path.
 */

export interface ItemTarget {
  projectId: string;
  sessionId: string;
}

/** Where an item's answer goes: its project and chat, when both are known. */
export function targetOf(item: QueueItem): ItemTarget | null {
  return item.projectId !== null && item.sessionId !== null ? { projectId: item.projectId, sessionId: item.sessionId } : null;
}

export type QueueAnswer = { kind: 'option'; markerId: string; answer: string } | { kind: 'text'; text: string };

export function useAnswerQueueItem(item: QueueItem, onAnswered: (answer: string) => void) {
  const engine = useLiveEngine();
  return useMutation({
    mutationFn: async (answer: QueueAnswer) => {
      const target = targetOf(item);
      if (!target) throw new Error('This question names no chat to answer in.');
      if (answer.kind === 'option') await api.resolveAttention(target.projectId, target.sessionId, answer.markerId, answer.answer);
      else await api.sendPrompt(target.projectId, target.sessionId, answer.text);
      return target;
    },
    onSuccess: (target, answer) => {
      afterAnswer(engine, { ...target, unreadIds: item.notificationIds });
      onAnswered(answer.kind === 'option' ? answer.answer : answer.text);
    },
  });
}

/** Dismisses every notification of the item (each through the panel's own dismiss action). */
export function useDismissQueueItem() {
  const dismiss = useDismiss();
  return (item: QueueItem) => {
    for (const id of item.notificationIds) dismiss.mutate(id);
  };
}
