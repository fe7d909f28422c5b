import { keys } from '../api/queries';
import { describeError, isApiError } from '../api/http';
import type { PendingSend } from '../reconcile/types';
import type { ChatCache } from './chatCache';
import type { LiveCore } from './core';

/*
 * Optimistic sends: the item appears at once ('sending'), is confirmed by the prompt route's answer
 * (which names the persisted message) and leaves when SAM's row for it arrives (see
 * reconcile/pendingSends). A send that failed for lack of network goes out again after the next
 * reconnect's catch-up, unless the catch-up brought its row (then it did reach SAM).
 * Reaching SAM is not reaching the agent: SAM queues the prompt in its mailbox, and the item says so
 * until the mailbox reports it delivered (live/deliveries.ts). Every change is an action for the
 * engine's reducer (src/live/cacheReducer.ts).
 */

/** How a send ended: SAM accepted it (naming its row when it says), or it failed with a reason. */
export type SendOutcome = { localId: string } & ({ accepted: true; messageId: string | null } | { accepted: false; error: string });

async function deliver(core: LiveCore, projectId: string, sessionId: string, send: PendingSend): Promise<SendOutcome> {
  const chat = { projectId, sessionId, localId: send.localId };
  try {
    const accepted = await core.env.api.sendPrompt(projectId, sessionId, send.text);
    const mailbox = accepted.deliveryId ? { deliveryId: accepted.deliveryId, status: accepted.status } : null;
    core.dispatch({ type: 'sendAccepted', ...chat, messageId: accepted.messageId, mailbox });
    return { localId: send.localId, accepted: true, messageId: accepted.messageId };
  } catch (error) {
    const offline = isApiError(error) && error.status === 0;
    core.dispatch({ type: 'sendFailed', ...chat, error: describeError(error), replayOnReconnect: offline });
    return { localId: send.localId, accepted: false, error: describeError(error) };
  }
}

export function sendPrompt(core: LiveCore, projectId: string, sessionId: string, text: string): Promise<SendOutcome> {
  const { newId, now } = core.env;
  const send: PendingSend = { localId: newId(), text, sentAt: now(), delivery: 'sending', messageId: null, error: null, replayOnReconnect: false };
  core.dispatch({ type: 'sendStarted', projectId, sessionId, send });
  return deliver(core, projectId, sessionId, send);
}

export async function retrySend(core: LiveCore, projectId: string, sessionId: string, localId: string): Promise<void> {
  const entry = core.client.getQueryData<ChatCache>(keys.chat(projectId, sessionId));
  const send = entry?.pendingSends.find((s) => s.localId === localId);
  if (!send || send.delivery !== 'failed') return;
  core.dispatch({ type: 'sendRetried', projectId, sessionId, localId });
  await deliver(core, projectId, sessionId, send);
}

export function discardSend(core: LiveCore, projectId: string, sessionId: string, localId: string): void {
  core.dispatch({ type: 'sendDiscarded', projectId, sessionId, localId });
}

/** After a reconnect's catch-up: sends that failed offline and were not confirmed go out again. */
export async function replayFailedSends(core: LiveCore, projectId: string): Promise<void> {
  const retries: Promise<void>[] = [];
  for (const query of core.client.getQueryCache().findAll({ queryKey: keys.chats(projectId) })) {
    const entry = query.state.data as ChatCache | undefined;
    const sessionId = String(query.queryKey.at(-1));
    for (const send of entry?.pendingSends ?? []) {
      if (send.delivery === 'failed' && send.replayOnReconnect) retries.push(retrySend(core, projectId, sessionId, send.localId));
    }
  }
  await Promise.all(retries);
}
