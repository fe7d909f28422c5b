import type { QueryClient } from '@tanstack/query-core';
import { keys } from '../api/queries';
import { describeError, isApiError } from '../api/http';
import { recordAccepted } from '../reconcile/pendingSends';
import type { PendingSend } from '../reconcile/types';
import { emptyChat, holdsRecent, type ChatEntry } from './chatEntry';
import type { LiveCore } from './core';
import { readDeliveries, writeDeliveries } from './deliveries';

/*
 * Optimistic sends: the item appears at once ('sending'), is confirmed by the prompt route's answer
 * (which names the persisted message) and leaves when SAM's row for it arrives (see
 * reconcile/pendingSends). A send that failed for lack of network goes out again after the next
 * reconnect's catch-up, unless the catch-up brought its row (then it did reach SAM).
 * Reaching SAM is not reaching the agent: SAM queues the prompt in its mailbox, and the item says so
 * until the mailbox reports it delivered (live/deliveries.ts).
 */

function updateSends(client: QueryClient, projectId: string, sessionId: string, update: (entry: ChatEntry) => readonly PendingSend[]) {
  const key = keys.chat(projectId, sessionId);
  // A chat still loading has no entry yet: a send typed meanwhile starts one.
  const open = client.getQueryCache().find({ queryKey: key, exact: true }) !== undefined;
  const entry = client.getQueryData<ChatEntry>(key) ?? (open ? emptyChat() : undefined);
  if (!entry) return;
  const pendingSends = update(entry);
  if (pendingSends !== entry.pendingSends) client.setQueryData(key, { ...entry, pendingSends });
}

const replace = (sends: readonly PendingSend[], localId: string, next: (send: PendingSend) => PendingSend | null) => {
  const index = sends.findIndex((send) => send.localId === localId);
  const send = sends[index];
  if (!send) return sends;
  const replaced = next(send);
  return replaced ? sends.map((s, i) => (i === index ? replaced : s)) : sends.filter((_, i) => i !== index);
};

async function deliver(core: LiveCore, projectId: string, sessionId: string, send: PendingSend): Promise<void> {
  const { client } = core;
  try {
    const accepted = await core.env.api.sendPrompt(projectId, sessionId, send.text);
    const messageId = accepted.messageId;
    if (accepted.deliveryId) {
      const link = { deliveryId: accepted.deliveryId, messageId, localId: send.localId, status: accepted.status };
      writeDeliveries(client, projectId, recordAccepted(readDeliveries(client, projectId), link));
    }
    updateSends(client, projectId, sessionId, (entry) =>
      // Its row may already be here, and have arrived before we knew its id.
      replace(entry.pendingSends, send.localId, (held) => (messageId && holdsRecent(entry, messageId) ? null : { ...held, messageId, delivery: 'sending', error: null })),
    );
  } catch (error) {
    const offline = isApiError(error) && error.status === 0;
    updateSends(client, projectId, sessionId, (entry) =>
      replace(entry.pendingSends, send.localId, (held) => ({ ...held, delivery: 'failed', error: describeError(error), replayOnReconnect: offline })),
    );
  }
}

export function sendPrompt(core: LiveCore, projectId: string, sessionId: string, text: string): Promise<void> {
  const { client } = core;
  const { newId, now } = core.env;
  const send: PendingSend = { localId: newId(), text, sentAt: now(), delivery: 'sending', messageId: null, error: null, replayOnReconnect: false };
  updateSends(client, projectId, sessionId, (entry) => [...entry.pendingSends, send]);
  return deliver(core, projectId, sessionId, send);
}

export function retrySend(core: LiveCore, projectId: string, sessionId: string, localId: string): Promise<void> {
  const { client } = core;
  const entry = client.getQueryData<ChatEntry>(keys.chat(projectId, sessionId));
  const send = entry?.pendingSends.find((s) => s.localId === localId);
  if (!send || send.delivery !== 'failed') return Promise.resolve();
  const again: PendingSend = { ...send, delivery: 'sending', error: null, replayOnReconnect: false };
  updateSends(client, projectId, sessionId, (e) => replace(e.pendingSends, localId, () => again));
  return deliver(core, projectId, sessionId, again);
}

export function discardSend({ client }: LiveCore, projectId: string, sessionId: string, localId: string): void {
  updateSends(client, projectId, sessionId, (entry) => replace(entry.pendingSends, localId, () => null));
}

/** After a reconnect's catch-up: sends that failed offline and were not confirmed go out again. */
export async function replayFailedSends(core: LiveCore, projectId: string): Promise<void> {
  const { client } = core;
  const retries: Promise<void>[] = [];
  for (const query of client.getQueryCache().findAll({ queryKey: keys.chats(projectId) })) {
    const entry = query.state.data as ChatEntry | undefined;
    const sessionId = String(query.queryKey.at(-1));
    for (const send of entry?.pendingSends ?? []) {
      if (send.delivery === 'failed' && send.replayOnReconnect) retries.push(retrySend(core, projectId, sessionId, send.localId));
    }
  }
  await Promise.all(retries);
}
