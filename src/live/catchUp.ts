import type { QueryClient } from '@tanstack/query-core';
import type { Message } from '../api/contract';
import { keys } from '../api/queries';
import { coalescer, type Coalescer } from './coalesce';
import type { LiveApi } from './env';

/*
 * Refreshing what SAM does not push, or what a disconnect lost. Each kind is one coalescer (one request
 * in flight, at most one queued). A refresh RESTARTS a request already in flight (`cancelRefetch`): that
 * request may have started before the event that asked for the refresh, and its answer would miss it.
 */

export interface Refreshers {
  sessions: Coalescer;
  tasks: Coalescer;
  chat(sessionId: string): Coalescer;
  /** Sessions whose chat is open on screen (a query with observers). */
  openChats(): string[];
}

/**
 * A chat on screen reads again now; a chat only cached is marked stale and reads again when it is shown.
 * Fetching a chat nobody watches would also restart its release (a finished fetch schedules it anew,
 * src/live/queries.ts `UNWATCHED_CHAT_GC_MS`): in the firehose benchmark, where the stream's gaps asked
 * for catch-ups every few seconds, every chat ever opened stayed held, and the heap grew by ~50 MB a minute.
 */
function refreshChat(client: QueryClient, projectId: string, sessionId: string): Promise<void> {
  return client.invalidateQueries({ queryKey: keys.chat(projectId, sessionId), exact: true, refetchType: 'active' }, { cancelRefetch: true });
}

export function createRefreshers(client: QueryClient, projectId: string): Refreshers {
  const refetch = (queryKey: readonly unknown[], exact: boolean) => () =>
    client.refetchQueries({ queryKey, exact, type: exact ? 'all' : 'active' }, { cancelRefetch: true });
  const chats = new Map<string, Coalescer>();
  return {
    sessions: coalescer(refetch(keys.sessionList(projectId), true)),
    // The list, and the details of tasks the list does not reach (the ones on screen).
    tasks: coalescer(async () => {
      await Promise.all([refetch(keys.taskList(projectId), true)(), refetch(keys.taskDetails(projectId), false)()]);
    }),
    chat(sessionId) {
      let chat = chats.get(sessionId);
      if (!chat) chats.set(sessionId, (chat = coalescer(() => refreshChat(client, projectId, sessionId))));
      return chat;
    },
    openChats() {
      return client
        .getQueryCache()
        .findAll({ queryKey: keys.chats(projectId) })
        .filter((query) => query.getObserversCount() > 0)
        .map((query) => String(query.queryKey.at(-1)));
    },
  };
}

/**
 * After a (re)connect: everything that could have changed while no events came. Open chats resume
 * after their newest message; chats cached but not on screen are marked stale and catch up when shown.
 */
export async function catchUpProject(client: QueryClient, projectId: string, refreshers: Refreshers): Promise<void> {
  const open = refreshers.openChats();
  await client.invalidateQueries({ queryKey: keys.chats(projectId), refetchType: 'none' });
  await Promise.all([refreshers.sessions.trigger(), refreshers.tasks.trigger(), ...open.map((id) => refreshers.chat(id).trigger())]);
}

/**
 * Agent rows carry the VM's clock and are persisted up to seconds late (its outbox flushes every ~2 s,
 * longer while retrying): a row can land after newer ones were read. A catch-up re-reads this far back
 * from the newest row held; what it brings again is dropped by id.
 */
export const RESUME_OVERLAP_MS = 30_000;
/** Rows per page of the forward walk (SAM's default delta window; its ceiling is 50,000). */
export const CATCH_UP_PAGE_SIZE = 5000;
/** Pages the forward walk follows at most (more than SAM's 100,000 rows a session at its default size). */
export const MAX_CATCH_UP_PAGES = 200;

export interface MessagesAfter {
  messages: Message[];
  /** The walk stopped before it met `newest`: rows after this createdAt may still be missing. */
  incompleteAfter?: number;
}

/**
 * Every row after `after`, given `newest`: what SAM's `?after=` window returned. That window holds the
 * NEWEST rows after `after` (Corrections 1), so when it says `hasMore` the rows between `after` and its
 * oldest row are read by walking forward (`order=asc`, oldest first) until the walk meets it.
 */
export async function fetchMessagesAfter(
  api: Pick<LiveApi, 'messages'>,
  projectId: string,
  sessionId: string,
  after: number,
  newest: { messages: readonly Message[]; hasMore: boolean },
  signal?: AbortSignal,
): Promise<MessagesAfter> {
  const messages = [...newest.messages];
  const windowStart = oldestCreatedAt(newest.messages);
  if (!newest.hasMore || windowStart === undefined) return { messages };
  let from = after;
  for (let page = 0; page < MAX_CATCH_UP_PAGES; page += 1) {
    const next = await api.messages(projectId, sessionId, { after: from, order: 'asc', limit: CATCH_UP_PAGE_SIZE }, signal);
    messages.push(...next.messages);
    const reached = newestCreatedAt(next.messages);
    if (!next.hasMore || reached === undefined || reached >= windowStart) return { messages };
    // SAM's bounds are strict: step back 1 ms so rows sharing the last millisecond are not skipped,
    // unless the whole page sat in that millisecond (then that is the only way forward).
    from = reached - 1 > from ? reached - 1 : reached;
  }
  return { messages, incompleteAfter: from };
}

function newestCreatedAt(messages: readonly Message[]): number | undefined {
  let newest: number | undefined;
  for (const m of messages) if (newest === undefined || m.createdAt > newest) newest = m.createdAt;
  return newest;
}

function oldestCreatedAt(messages: readonly Message[]): number | undefined {
  let oldest: number | undefined;
  for (const m of messages) if (oldest === undefined || m.createdAt < oldest) oldest = m.createdAt;
  return oldest;
}
