import { hashKey, type QueryClient } from '@tanstack/query-core';
import type { Message, ProjectEvent } from '../api/contract';
import { keys } from '../api/queries';
import { messagesPatch, type FactsPatch } from '../reconcile/sessionFacts';
import { foldFacts, readFacts, type FactsWrite } from './normalisedCaches';
import { addMessages, emptyChat, type ChatCache } from './chatCache';
import { readDeliveries, writeDeliveries } from './deliveries';
import { recordDeliveryState } from '../reconcile/pendingSends';
import { noFollowUps, type FollowUps, type Stamped } from './cacheActions';

/*
 * apply(events): one batch of validated project events into the caches, at most one setQueryData per
 * cache entry. What cannot be patched is returned as follow-ups for the stream to run (coalesced).
 * Each event carries the stamp of the moment it was RECEIVED: an event that waited for its animation
 * frame is still older than a REST request that started meanwhile.
 */

const definedFields = (patch: Record<string, unknown>) => Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));

/** A session that goes to sleep or wakes up drops the progress of an earlier wake. */
function statusPatch(status: string | undefined): FactsPatch {
  if (status === undefined) return {};
  return status === 'sleeping' || status === 'active' ? { status, wakePhase: null, recoveryStatus: null, wakeAt: null } : { status };
}

/** Is the chat of this session open (a query exists for it, even one still loading)? By hash: O(1). */
function chatIsOpen(client: QueryClient, projectId: string, sessionId: string): boolean {
  return client.getQueryCache().get(hashKey(keys.chat(projectId, sessionId))) !== undefined;
}

export function applyProjectEvents(client: QueryClient, projectId: string, events: readonly Stamped<ProjectEvent>[]): FollowUps {
  const followUps = noFollowUps();
  const writes: FactsWrite[] = [];
  const messages = new Map<string, { list: Message[]; stamp: number }>();
  let stamp = 0;
  let deliveries = readDeliveries(client, projectId);
  const fact = (id: string, patch: FactsWrite['patch'], createdLive = false) => writes.push({ id, patch, stamp, createdLive });

  const skip = (what: string, error: unknown) => followUps.skipped.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);

  for (const { event, stamp: receivedAt } of events) {
    stamp = receivedAt;
    const held = writes.length;
    try {
      applyOne(event);
    } catch (error) {
      writes.length = held; // nothing of a half-applied event
      skip(`${String(event.type)} skipped`, error);
    }
  }

  function applyOne(event: ProjectEvent) {
    switch (event.type) {
      case 'message.new':
      case 'messages.batch': {
        const held = messages.get(event.sessionId) ?? { list: [], stamp };
        if (event.type === 'message.new') held.list.push(event.message);
        else held.list.push(...event.messages);
        messages.set(event.sessionId, { list: held.list, stamp });
        break;
      }
      case 'session.updated':
        fact(event.sessionId, { ...definedFields({ topic: event.topic, taskId: event.taskId, workspaceId: event.workspaceId }), ...statusPatch(event.status) });
        if (event.taskId !== undefined) followUps.refetchTasks = true;
        break;
      case 'session.stopped':
      case 'session.failed':
        fact(event.sessionId, { status: event.type === 'session.stopped' ? 'stopped' : 'failed' });
        followUps.refetchTasks = true;
        break;
      case 'session.agent_completed':
        fact(event.sessionId, { agentCompletedAt: event.agentCompletedAt, activity: 'idle' });
        followUps.refetchTasks = true;
        break;
      case 'session.activity':
        fact(event.sessionId, { activity: event.activity, promptStartedAt: event.promptStartedAt });
        break;
      case 'session.wake_progress':
        fact(event.sessionId, { recoveryStatus: event.recoveryStatus, wakePhase: event.wakePhase, wakeAt: event.at });
        break;
      case 'attention.created': {
        const { type: _type, sessionId, ...attention } = event;
        fact(sessionId, {
          attention: {
            markerId: attention.markerId,
            kind: attention.kind,
            createdAt: attention.createdAt,
            expiresAt: attention.expiresAt,
            reason: attention.reason,
            options: attention.options,
          },
        });
        break;
      }
      case 'attention.resolved':
        // Resolving an older marker must not clear a newer question.
        fact(event.sessionId, (facts) => (event.markerId === null || facts?.attention?.markerId === event.markerId ? { attention: null } : {}));
        break;
      case 'session.created': {
        // The contract's fields only: another key of a loose payload must not become a session fact.
        const { id, workspaceId, taskId, createdByUserId, topic, status, messageCount, createdAt } = event;
        fact(id, { id, workspaceId, taskId, createdByUserId, topic, status, messageCount, createdAt, startedAt: createdAt }, true);
        followUps.refetchTasks = true;
        break;
      }
      case 'activity.new':
        if (event.eventType.startsWith('task.')) followUps.refetchTasks = true;
        break;
      case 'workspace.idle_timeout':
        followUps.refetchTasks = true;
        followUps.refetchSessions = true;
        break;
      case 'mailbox.delivery_updated':
        deliveries = recordDeliveryState(deliveries, event.messageId, event.deliveryState);
        break;
      case 'pong':
      case 'message.ack':
      case 'error':
        break;
      default: {
        const never: never = event;
        throw new Error(`unhandled project event ${String((never as { type: unknown }).type)}`);
      }
    }
  }

  for (const [sessionId, { list, stamp: newest }] of messages) {
    stamp = newest;
    let applied = list;
    try {
      addToChat(sessionId, list, newest);
    } catch {
      // One message the chat cannot take: add them one by one, so that only that one is skipped.
      applied = list.filter((message) => {
        try {
          addToChat(sessionId, [message], newest);
          return true;
        } catch (error) {
          skip(`message ${message.id} of ${sessionId} skipped`, error);
          return false;
        }
      });
    }
    fact(sessionId, (facts) => (facts ? messagesPatch(facts, applied) : {}));
  }

  function addToChat(sessionId: string, list: readonly Message[], newest: number) {
    if (!chatIsOpen(client, projectId, sessionId)) return; // nobody has it open: only the sidebar fields move
    const key = keys.chat(projectId, sessionId);
    const held = client.getQueryData<ChatCache>(key) ?? emptyChat();
    const result = addMessages(held, list, { detectGaps: true, stamp: newest });
    // A chat whose first answer has not landed (no detail) stays stale: the query may exist before its
    // observer subscribes (built in render, subscribed after paint), and fresh data would skip its fetch.
    if (result.entry !== held) client.setQueryData(key, result.entry, held.detail ? undefined : { updatedAt: 0 });
    if (result.gap) followUps.catchUpSessions.add(sessionId);
  }

  writeDeliveries(client, projectId, deliveries);
  const facts = readFacts(client, projectId);
  const next = foldFacts(facts, writes);
  if (next !== facts) client.setQueryData(keys.sessionFacts(projectId), next);
  return followUps;
}
