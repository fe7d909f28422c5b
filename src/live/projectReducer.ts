import type { QueryClient } from '@tanstack/query-core';
import type { SessionDetail } from '../api/contract';
import { keys } from '../api/queries';
import { detailPatch, detailVersions, listRowPatch, listRowVersions } from '../reconcile/sessionFacts';
import { recordAccepted } from '../reconcile/pendingSends';
import type { PendingSend } from '../reconcile/types';
import { applyProjectEvents } from './apply';
import { noFollowUps, type FollowUps, type ProjectCacheAction } from './cacheActions';
import { writeFacts, writeSnapshots } from './normalisedCaches';
import { addMessages, emptyChat, holdsRecent, mergeFetchedChat, type ChatCache } from './chatCache';
import { readDeliveries, writeDeliveries } from './deliveries';
import { writeCommentThreads } from './commentCache';

/*
 * The project half of the one write path (src/live/cacheReducer.ts hands it every project action): socket
 * events, REST pages, optimistic sends and their outcome, an answered question. What it cannot patch is
 * returned as follow-ups (fetches for the project stream to run); every other action returns none. Its
 * code loads with the project view, not with the first screen.
 * A query function's answer comes here too (`chatFetched`, the list pages, details); TanStack keeps only
 * the paging and stamps (src/live/queries.ts).
 */
export type ProjectReducer = (action: ProjectCacheAction) => FollowUps;

export function createProjectReducer(client: QueryClient): ProjectReducer {
  /** Changes the optimistic sends of a chat. A chat still loading has no entry yet: a send typed meanwhile starts one. */
  function updateSends(projectId: string, sessionId: string, update: (entry: ChatCache) => readonly PendingSend[]) {
    const key = keys.chat(projectId, sessionId);
    const open = client.getQueryCache().find({ queryKey: key, exact: true }) !== undefined;
    const entry = client.getQueryData<ChatCache>(key) ?? (open ? emptyChat() : undefined);
    if (!entry) return;
    const pendingSends = update(entry);
    if (pendingSends !== entry.pendingSends) client.setQueryData(key, { ...entry, pendingSends });
  }

  /** A session's detail: its facts, and the snapshot of its task the row embeds. */
  function writeDetailFacts(projectId: string, sessionId: string, detail: Pick<SessionDetail, 'session' | 'state'>, stamp: number) {
    writeFacts(client, projectId, [{ id: sessionId, patch: detailPatch(detail.session, detail.state), versions: detailVersions(detail.state), stamp }]);
    if (detail.session.task) writeSnapshots(client, projectId, [{ kind: 'embedded', task: detail.session.task, asOf: stamp }]);
  }

  return function dispatch(action) {
    switch (action.type) {
      case 'projectEvents':
        return applyProjectEvents(client, action.projectId, action.events);
      case 'sessionListPage': {
        const { rows, stamp } = action;
        writeFacts(
          client,
          action.projectId,
          rows.map((row) => ({ id: row.id, patch: listRowPatch(row), versions: listRowVersions(row), stamp })),
        );
        break;
      }
      case 'taskSnapshots':
        writeSnapshots(client, action.projectId, action.snapshots);
        break;
      case 'sessionDetail':
        writeDetailFacts(action.projectId, action.sessionId, action.detail, action.stamp);
        break;
      case 'chatFetched': {
        const { projectId, sessionId, detail, fetched } = action;
        writeDetailFacts(projectId, sessionId, detail, fetched.stamp);
        client.setQueryData<ChatCache>(keys.chat(projectId, sessionId), (held) => mergeFetchedChat(held, detail, fetched));
        break;
      }
      case 'earlierMessages': {
        const { page, stamp } = action;
        client.setQueryData<ChatCache>(keys.chat(action.projectId, action.sessionId), (held) => {
          const { entry } = addMessages(held ?? emptyChat(), page.messages, { detectGaps: false, stamp });
          return { ...entry, hasEarlier: page.hasMore };
        });
        break;
      }
      case 'sendStarted':
        updateSends(action.projectId, action.sessionId, (entry) => [...entry.pendingSends, action.send]);
        break;
      case 'sendAccepted': {
        const { projectId, sessionId, localId, messageId, mailbox } = action;
        if (mailbox) writeDeliveries(client, projectId, recordAccepted(readDeliveries(client, projectId), { ...mailbox, messageId, localId }));
        updateSends(projectId, sessionId, (entry) =>
          // Its row may already be here, and have arrived before we knew its id.
          replaceSend(entry.pendingSends, localId, (held) =>
            messageId && holdsRecent(entry, messageId) ? null : { ...held, messageId, delivery: 'sending', error: null },
          ),
        );
        break;
      }
      case 'sendFailed': {
        const { localId, error, replayOnReconnect } = action;
        updateSends(action.projectId, action.sessionId, (entry) =>
          replaceSend(entry.pendingSends, localId, (held) => ({ ...held, delivery: 'failed', error, replayOnReconnect })),
        );
        break;
      }
      case 'sendRetried':
        updateSends(action.projectId, action.sessionId, (entry) =>
          replaceSend(entry.pendingSends, action.localId, (held) => ({ ...held, delivery: 'sending', error: null, replayOnReconnect: false })),
        );
        break;
      case 'sendDiscarded':
        updateSends(action.projectId, action.sessionId, (entry) => replaceSend(entry.pendingSends, action.localId, () => null));
        break;
      case 'questionAnswered': {
        const { markerId, stamp } = action;
        // Answered: the question goes at once (a list page that started before this cannot bring it back).
        writeFacts(client, action.projectId, [{ id: action.sessionId, patch: (f) => (f?.attention?.markerId === markerId ? { attention: null } : {}), stamp }]);
        break;
      }
      case 'commentThreads':
        writeCommentThreads(client, action.projectId, action.sessionId, action.threads);
        break;
      default: {
        const never: never = action;
        throw new Error(`unhandled cache action ${String((never as { type: unknown }).type)}`);
      }
    }
    return noFollowUps();
  };
}

/** The sends with the one of `localId` replaced (or removed when `next` returns null); the same array when it is gone. */
function replaceSend(sends: readonly PendingSend[], localId: string, next: (send: PendingSend) => PendingSend | null): readonly PendingSend[] {
  const index = sends.findIndex((send) => send.localId === localId);
  const send = sends[index];
  if (!send) return sends;
  const replaced = next(send);
  return replaced ? sends.map((s, i) => (i === index ? replaced : s)) : sends.filter((_, i) => i !== index);
}
