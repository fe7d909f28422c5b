import type { Message } from '../api/contract';
import type { PendingSend } from './types';

/*
 * Optimistic sends live apart from the message log and leave when SAM's row for them arrives. The prompt
 * route returns the persisted message's id, but SAM broadcasts the row too, and the broadcast can come
 * before the route's answer: then only the text can match it.
 */

/** How far SAM's clock (createdAt) may sit from ours (sentAt) for a text match. */
export const CLOCK_SKEW_MS = 2 * 60_000;
/** How long after a send its echo may still come (a slow or retried request). */
export const ECHO_WINDOW_MS = 10 * 60_000;

const sameText = (a: string, b: string | null) => a.trim() === (b ?? '').trim();

/**
 * Is `message` SAM's row for this optimistic send? By id when the route already answered; otherwise by
 * the same text from a user, created within the echo window around the send.
 */
export function matchesOptimisticSend(send: PendingSend, message: Message): boolean {
  if (message.role !== 'user') return false;
  if (send.messageId !== null) return send.messageId === message.id;
  return (
    sameText(send.text, message.content) &&
    message.createdAt >= send.sentAt - CLOCK_SKEW_MS &&
    message.createdAt <= send.sentAt + ECHO_WINDOW_MS
  );
}

/**
 * The sends still waiting after `messages` arrived (each message confirms at most one send, the
 * oldest it matches). The same array when none was confirmed.
 */
export function settlePendingSends(sends: readonly PendingSend[], messages: Iterable<Message>): readonly PendingSend[] {
  if (sends.length === 0) return sends;
  let remaining = sends;
  for (const message of messages) {
    if (message.role !== 'user') continue;
    const byId = remaining.findIndex((send) => send.messageId === message.id);
    const index = byId !== -1 ? byId : remaining.findIndex((send) => matchesOptimisticSend(send, message));
    if (index !== -1) remaining = remaining.filter((_, i) => i !== index);
  }
  return remaining;
}
