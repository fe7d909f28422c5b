import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectEvent, SessionDetail } from '../api/contract';
import { keys } from '../api/queries';
import { makeMessage, makeRow, T0 } from '../test/factories';
import { applyProjectEvents } from './apply';
import { readFacts } from './normalisedCaches';
import { createLiveEngine } from './engine';
import { projectPart } from './projectPart';
import type { LiveApi } from './env';
import { registerLiveDefaults, UNWATCHED_CHAT_GC_MS } from './queries';

const P = 'p1';

function detailOf(sessionId: string): SessionDetail {
  return {
    session: { ...makeRow({ id: sessionId }), agentSessionId: null, agentType: null, task: null },
    messages: [makeMessage({ id: 'm1', sessionId, createdAt: T0, sequence: 1 })],
    hasMore: false,
    state: null,
  } as unknown as SessionDetail;
}

describe('applyProjectEvents and the chat caches', () => {
  // Found by the firehose benchmark: useQuery builds the chat query during render and subscribes after
  // paint; a frame flushed in between used to store fresh data, so the observer never fetched and the
  // chat said "Loading" for good.
  it('a live message that lands before the first answer does not cancel the first fetch', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 15_000 } } });
    const session = vi.fn(async () => detailOf('s1'));
    const { queries } = projectPart(createLiveEngine({ client, env: { api: { session } as unknown as LiveApi, now: () => T0 } }));
    registerLiveDefaults(client, P);

    // What rendering useQuery does: the observer (and with it the query) exists; it subscribes later.
    const observer = new QueryObserver(client, queries.chat(P, 's1'));
    const live = makeMessage({ id: 'm2', sessionId: 's1', createdAt: T0 + 1, sequence: 2 });
    applyProjectEvents(client, P, [{ event: { type: 'message.new', sessionId: 's1', message: live }, stamp: T0 + 1 }]);

    const off = observer.subscribe(() => {});
    await vi.waitFor(() => expect(client.getQueryData<{ detail: unknown }>(keys.chat(P, 's1'))?.detail).not.toBeNull());
    off();
    expect(session).toHaveBeenCalledTimes(1);
  });

  // Found by the firehose benchmark: every cached chat is patched by the stream, so chats opened and left
  // while agents stream made the heap grow for TanStack's default 5 minutes.
  it('releases the chat of a session nobody watches, and stops patching it', async () => {
    vi.useFakeTimers();
    try {
      const client = new QueryClient();
      const { queries } = projectPart(createLiveEngine({ client, env: { api: { session: async () => detailOf('s1') } as unknown as LiveApi, now: () => T0 } }));
      registerLiveDefaults(client, P);
      const off = new QueryObserver(client, queries.chat(P, 's1')).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(client.getQueryData(keys.chat(P, 's1'))).toBeDefined();
      off();
      await vi.advanceTimersByTimeAsync(UNWATCHED_CHAT_GC_MS + 1);
      expect(client.getQueryCache().find({ queryKey: keys.chat(P, 's1') })).toBeUndefined();
      const live = makeMessage({ id: 'm2', sessionId: 's1', createdAt: T0 + 1, sequence: 2 });
      applyProjectEvents(client, P, [{ event: { type: 'message.new', sessionId: 's1', message: live }, stamp: T0 + 1 }]);
      expect(client.getQueryData(keys.chat(P, 's1'))).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('applyProjectEvents skips what it cannot apply', () => {
  it('an event it cannot handle is skipped and counted; the rest of its batch still lands', () => {
    const client = new QueryClient();
    const bogus = { type: 'not.an.event', sessionId: 's1' } as unknown as ProjectEvent;
    const followUps = applyProjectEvents(client, P, [
      { event: bogus, stamp: T0 + 1 },
      { event: { type: 'session.failed', sessionId: 's2' }, stamp: T0 + 2 },
    ]);
    expect(followUps.skipped).toEqual([expect.stringContaining('not.an.event skipped')]);
    expect(readFacts(client, P).records.get('s2')?.facts.status).toBe('failed');
  });

  it('session.created writes only the contract’s fields, not any other key of its payload', () => {
    const client = new QueryClient();
    const created = {
      type: 'session.created',
      id: 's3',
      workspaceId: null,
      taskId: null,
      createdByUserId: null,
      topic: 't',
      status: 'active',
      messageCount: 0,
      createdAt: T0,
      attention: 'not an attention',
    } as unknown as ProjectEvent;
    applyProjectEvents(client, P, [{ event: created, stamp: T0 + 1 }]);
    expect(readFacts(client, P).records.get('s3')?.facts).toMatchObject({ topic: 't', attention: null });
  });
});
