import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import type { SessionDetail } from '../api/contract';
import { keys } from '../api/queries';
import { makeMessage, makeRow, T0 } from '../test/factories';
import { createRefreshers } from './catchUp';
import { createLiveEngine } from './engine';
import type { LiveApi } from './env';
import { projectPart } from './projectPart';
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

function setUp() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 15_000 } } });
  const session = vi.fn(async (_projectId: string, sessionId: string) => detailOf(sessionId));
  const { queries } = projectPart(createLiveEngine({ client, env: { api: { session } as unknown as LiveApi, now: () => T0 } }));
  registerLiveDefaults(client, P);
  return { client, session, queries, refreshers: createRefreshers(client, P) };
}

describe('a chat catching up', () => {
  it('reads again at once while it is on screen', async () => {
    vi.useFakeTimers();
    try {
      const { client, session, queries, refreshers } = setUp();
      const off = new QueryObserver(client, queries.chat(P, 's1')).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(session).toHaveBeenCalledTimes(1);
      await refreshers.chat('s1').trigger();
      expect(session).toHaveBeenCalledTimes(2);
      off();
    } finally {
      vi.useRealTimers();
    }
  });

  // Found by the firehose benchmark: catch-ups every few seconds fetched chats nobody watched, and each
  // finished fetch put their release off again, so every chat ever opened stayed held.
  it('off screen, is only marked stale: nothing is fetched, and it is still released after 30 s', async () => {
    vi.useFakeTimers();
    try {
      const { client, session, queries, refreshers } = setUp();
      const off = new QueryObserver(client, queries.chat(P, 's1')).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(0);
      off();
      for (let t = 0; t < UNWATCHED_CHAT_GC_MS; t += 5_000) {
        await refreshers.chat('s1').trigger();
        expect(client.getQueryState(keys.chat(P, 's1'))?.isInvalidated).toBe(true);
        await vi.advanceTimersByTimeAsync(5_000);
      }
      await vi.advanceTimersByTimeAsync(1);
      expect(session).toHaveBeenCalledTimes(1);
      expect(client.getQueryCache().find({ queryKey: keys.chat(P, 's1') })).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a chat marked stale off screen reads again when it is shown within the 30 s', async () => {
    vi.useFakeTimers();
    try {
      const { client, session, queries, refreshers } = setUp();
      const off = new QueryObserver(client, queries.chat(P, 's1')).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(0);
      off();
      await refreshers.chat('s1').trigger();
      expect(session).toHaveBeenCalledTimes(1);
      const back = new QueryObserver(client, queries.chat(P, 's1')).subscribe(() => {});
      await vi.advanceTimersByTimeAsync(0);
      expect(session).toHaveBeenCalledTimes(2);
      back();
    } finally {
      vi.useRealTimers();
    }
  });
});
