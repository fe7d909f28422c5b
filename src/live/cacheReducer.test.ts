import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { makeMessage, makeRow, T0 } from '../test/factories';
import { readFacts } from './normalisedCaches';
import type { ChatCache } from './chatCache';
import { createLiveEngine } from './engine';
import { projectPart } from './projectPart';

const P = 'p1';

/** An engine whose project part is made (the project view's hooks make it in the app). */
function engineWithProjects(client: QueryClient) {
  const engine = createLiveEngine({ client });
  projectPart(engine);
  return engine;
}

/** Socket events and REST pages are both actions for the one reducer; the order they are learned in decides. */
describe('the cache reducer', () => {
  it('a list page stamped before a live event cannot undo it; one stamped after can', () => {
    const facts = (client: QueryClient) => readFacts(client, P).records.get('s1')?.facts.topic;
    const engine = engineWithProjects(new QueryClient());
    engine.dispatch({ type: 'sessionListPage', projectId: P, rows: [makeRow({ id: 's1', topic: 'first' })], stamp: T0 });
    engine.dispatch({ type: 'projectEvents', projectId: P, events: [{ event: { type: 'session.updated', sessionId: 's1', topic: 'live' }, stamp: T0 + 2 }] });
    engine.dispatch({ type: 'sessionListPage', projectId: P, rows: [makeRow({ id: 's1', topic: 'stale' })], stamp: T0 + 1 });
    expect(facts(engine.client)).toBe('live');
    engine.dispatch({ type: 'sessionListPage', projectId: P, rows: [makeRow({ id: 's1', topic: 'renamed' })], stamp: T0 + 3 });
    expect(facts(engine.client)).toBe('renamed');
  });

  it('an optimistic send, its failure and its discard are actions on the open chat', () => {
    const client = new QueryClient();
    const engine = engineWithProjects(client);
    const chat = { projectId: P, sessionId: 's1' };
    client.getQueryCache().build(client, { queryKey: keys.chat(P, 's1') });
    const send = { localId: 'l1', text: 'hi', sentAt: T0, delivery: 'sending' as const, messageId: null, error: null, replayOnReconnect: false };
    engine.dispatch({ type: 'sendStarted', ...chat, send });
    const sends = () => client.getQueryData<ChatCache>(keys.chat(P, 's1'))?.pendingSends;
    expect(sends()).toEqual([send]);
    engine.dispatch({ type: 'sendFailed', ...chat, localId: 'l1', error: 'offline', replayOnReconnect: true });
    expect(sends()?.[0]).toMatchObject({ delivery: 'failed', error: 'offline', replayOnReconnect: true });
    engine.dispatch({ type: 'sendDiscarded', ...chat, localId: 'l1' });
    expect(sends()).toEqual([]);
  });

  it('an earlier page joins the held log, and says whether more exist', () => {
    const client = new QueryClient();
    const engine = engineWithProjects(client);
    const m = (id: string, at: number) => makeMessage({ id, sessionId: 's1', createdAt: at, sequence: at - T0 });
    client.getQueryCache().build(client, { queryKey: keys.chat(P, 's1') });
    engine.dispatch({ type: 'earlierMessages', projectId: P, sessionId: 's1', page: { messages: [m('b', T0 + 2)], hasMore: true }, stamp: T0 });
    engine.dispatch({ type: 'earlierMessages', projectId: P, sessionId: 's1', page: { messages: [m('a', T0 + 1)], hasMore: false }, stamp: T0 + 1 });
    const held = client.getQueryData<ChatCache>(keys.chat(P, 's1'));
    expect(held?.log.length).toBe(2);
    expect(held?.hasEarlier).toBe(false);
  });

  it('a project action before the project part exists is refused by name; notification actions need no part', () => {
    const engine = createLiveEngine({ client: new QueryClient() });
    expect(() => engine.dispatch({ type: 'taskSnapshots', projectId: P, snapshots: [] })).toThrow(/project part/);
    expect(() => engine.dispatch({ type: 'unreadCountRestored', count: 2 })).not.toThrow();
  });
});
