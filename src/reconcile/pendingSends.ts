import type { Message } from '../api/contract';
import type { PendingSend, SessionView } from './types';

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
  return sameText(send.text, message.content) && message.createdAt >= send.sentAt - CLOCK_SKEW_MS && message.createdAt <= send.sentAt + ECHO_WINDOW_MS;
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

/*
 * Prompt delivery. SAM answers a prompt with 202 `{ status: 'queued', deliveryId, messageId }` and persists
 * the user's row at once, but the agent gets it only when SAM's mailbox delivers it (at once to an idle
 * agent; after the current turn, a wake or a retry otherwise). The project socket reports each step as
 * `mailbox.delivery_updated { messageId: <deliveryId>, deliveryState }`, which may arrive before the 202.
 */

/** What a person is told about a sent prompt. `null` (no record) means nothing to say: it is just sent. */
export type DeliveryPhase = 'queued' | 'retrying' | 'delivered' | 'failed' | 'uncertain' | 'unknown';

export function deliveryPhase(state: string): DeliveryPhase {
  switch (state) {
    case 'queued':
    case 'delivering':
      return 'queued';
    case 'retry_wait':
      return 'retrying';
    case 'delivered':
    case 'acked':
      return 'delivered';
    case 'failed':
    case 'expired':
      return 'failed';
    case 'ambiguous':
      return 'uncertain';
    default:
      return 'unknown';
  }
}

export interface PromptDelivery {
  deliveryId: string;
  /** The chat row SAM persisted for the prompt (null until the 202 named it). */
  messageId: string | null;
  /** The optimistic item's id, so the item shows the state before its row arrives. */
  localId: string | null;
  /** SAM's deliveryState (open: unknown values are kept). */
  state: string;
}

/** By deliveryId, oldest first (a Map keeps insertion order). */
export type PromptDeliveries = ReadonlyMap<string, PromptDelivery>;

/** How many deliveries are remembered; settled ones must outlive a late 202 or a duplicate frame. */
export const DELIVERIES_KEPT = 200;

/**
 * Settled states end the story: a frame or 202 that arrives late (or twice) with a pending state must
 * not bring "Queued" back. Among pending states and among settled ones, the later report wins.
 */
const settled = (state: string) => deliveryPhase(state) !== 'queued' && deliveryPhase(state) !== 'retrying';

function put(deliveries: PromptDeliveries, next: PromptDelivery): PromptDeliveries {
  const out = new Map(deliveries);
  out.delete(next.deliveryId);
  out.set(next.deliveryId, next);
  for (const id of out.keys()) {
    if (out.size <= DELIVERIES_KEPT) break;
    out.delete(id);
  }
  return out;
}

/** The prompt route accepted a send: link its delivery to the chat row and to the optimistic item. */
export function recordAccepted(
  deliveries: PromptDeliveries,
  accepted: { deliveryId: string; messageId: string | null; localId: string | null; status: string },
): PromptDeliveries {
  const held = deliveries.get(accepted.deliveryId);
  const state = held && (settled(held.state) || !settled(accepted.status)) ? held.state : accepted.status;
  return put(deliveries, { deliveryId: accepted.deliveryId, messageId: accepted.messageId, localId: accepted.localId, state });
}

/** A `mailbox.delivery_updated` frame. Unknown deliveries are kept: their 202 may still be on its way. */
export function recordDeliveryState(deliveries: PromptDeliveries, deliveryId: string, state: string): PromptDeliveries {
  const held = deliveries.get(deliveryId);
  if (held && (held.state === state || (settled(held.state) && !settled(state)))) return deliveries;
  return put(deliveries, { deliveryId, messageId: held?.messageId ?? null, localId: held?.localId ?? null, state });
}

/**
 * The phase to show on each user item, by item id (the chat row's id or the optimistic send's local id).
 * Delivered prompts are left out: once the agent has it, the message is simply sent.
 */
export function deliveryPhasesByItem(deliveries: PromptDeliveries): ReadonlyMap<string, DeliveryPhase> {
  const out = new Map<string, DeliveryPhase>();
  for (const d of deliveries.values()) {
    const phase = deliveryPhase(d.state);
    if (phase === 'delivered') continue;
    if (d.messageId !== null) out.set(d.messageId, phase);
    if (d.localId !== null) out.set(d.localId, phase);
  }
  return out;
}

/**
 * What the follow-up box does with a prompt. Only an ended chat refuses one: while the agent works, is
 * starting or waking, SAM queues the prompt in its mailbox and delivers it when the agent is free.
 */
export function promptAcceptance(view: Pick<SessionView, 'ended' | 'canSend'>): 'now' | 'queued' | 'refused' {
  if (view.ended) return 'refused';
  return view.canSend ? 'now' : 'queued';
}
