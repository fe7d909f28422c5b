import { QueryClient } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSimulator, type TestSimulator } from '../../mocks/node';
import { firstProject } from '../../mocks/testing';
import { commentsApi } from '../api/commentEndpoints';
import type { CommentThread } from '../api/contract/comments';
import { keys } from '../api/queries';
import { threadState, type DraftComment } from '../reconcile/comments';
import type { ChatCache } from './chatCache';
import { commentThreadsKey } from './commentCache';
import { commentThreadsQuery, sendCommentTray, setThreadResolved } from './comments';
import { createLiveEngine } from './engine';
import { projectPart } from './projectPart';

/* Sending a tray of comments, resolving and reopening, through the engine against the simulator's SAM. */

let sim: TestSimulator | null = null;
const realFetch = globalThis.fetch;
afterEach(() => {
  sim?.close();
  globalThis.fetch = realFetch;
});

function boot() {
  sim = createTestSimulator({ scenario: 'default', seed: 7 });
  const s = sim;
  const intercepted = globalThis.fetch;
  globalThis.fetch = (input, init) => intercepted(typeof input === 'string' ? new URL(input, s.baseUrl) : input, init);
  const projectId = firstProject(s).id;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const engine = createLiveEngine({ client, env: { now: () => s.clock.now() } });
  projectPart(engine); // installs the project reducer, as opening the project view does
  const session = s.world.sessions
    .list(projectId)
    .find((row) => row.status !== 'stopped' && s.world.messages.all(row.id).filter((m) => m.role === 'assistant').length >= 2);
  if (!session) throw new Error('no session with two agent messages');
  const [first, second] = s.world.messages.all(session.id).filter((m) => m.role === 'assistant');
  return { s, client, engine, projectId, sessionId: session.id, first: first!, second: second! };
}

const drafts = (firstId: string, secondId: string): DraftComment[] => [
  { id: 'd1', anchor: { kind: 'message', messageId: firstId, role: 'agent', quote: 'the first `passage`' }, body: 'Why this?' },
  { id: 'd2', anchor: { kind: 'message', messageId: secondId, role: 'agent', quote: '```\ncode\n```' }, body: '  Use the other API.  ' },
];

const held = (client: QueryClient, projectId: string, sessionId: string) =>
  client.getQueryData<readonly CommentThread[]>(commentThreadsKey(projectId, sessionId)) ?? [];

describe('sendCommentTray', () => {
  it('makes one thread per comment, one follow-up with both quotes, and records each thread as sent', async () => {
    const { s, client, engine, projectId, sessionId, first, second } = boot();
    const before = s.world.messages.all(sessionId).length;
    const result = await sendCommentTray(engine, commentsApi, projectId, sessionId, drafts(first.id, second.id));
    expect(result).toEqual({ sent: true, sentIds: ['d1', 'd2'] });

    const prompts = s.world.messages
      .all(sessionId)
      .slice(before)
      .filter((m) => m.role === 'user');
    expect(prompts).toHaveLength(1);
    expect(prompts[0]!.content).toContain('the first `passage`');
    expect(prompts[0]!.content).toContain('````quote\n```\ncode\n```\n````');
    expect(prompts[0]!.content).toContain('\n\nUse the other API.');

    const threads = held(client, projectId, sessionId);
    expect(threads.map((t) => [t.anchor.messageId, t.body, threadState(t)])).toEqual([
      [first.id, 'Why this?', 'sent'],
      [second.id, 'Use the other API.', 'sent'],
    ]);
    // SAM's list says the same after a reload.
    const fresh = createLiveEngine({ client: new QueryClient(), env: { now: () => sim!.clock.now() } });
    projectPart(fresh);
    const listed = await fresh.client.fetchQuery(commentThreadsQuery(fresh, commentsApi, projectId, sessionId));
    expect(listed.map(threadState)).toEqual(['sent', 'sent']);
  });

  it('resolves and reopens a thread; a list that started before cannot undo it', async () => {
    const { client, engine, projectId, sessionId, first, second } = boot();
    await client.fetchQuery(commentThreadsQuery(engine, commentsApi, projectId, sessionId)); // as the chat's threads query does
    await sendCommentTray(engine, commentsApi, projectId, sessionId, drafts(first.id, second.id));
    const [a] = held(client, projectId, sessionId);
    const staleList = await commentsApi.list(projectId, sessionId);
    await setThreadResolved(engine, commentsApi, projectId, sessionId, a!.id, true);
    expect(threadState(held(client, projectId, sessionId)[0]!)).toBe('resolved');
    // The older list answer lands now, as the list query's answer does: through the reducer.
    engine.dispatch({ type: 'commentThreads', projectId, sessionId, threads: staleList.threads });
    expect(threadState(held(client, projectId, sessionId)[0]!)).toBe('resolved');
    await setThreadResolved(engine, commentsApi, projectId, sessionId, a!.id, false);
    expect(threadState(held(client, projectId, sessionId)[0]!)).toBe('open');
  });

  it('keeps the comments when the follow-up fails, and a second try makes no second thread', async () => {
    const { s, client, engine, projectId, sessionId, first, second } = boot();
    s.faults.failNextRequests(500, 1, '/prompt');
    const failed = await sendCommentTray(engine, commentsApi, projectId, sessionId, drafts(first.id, second.id));
    expect(failed.sent).toBe(false);
    expect(client.getQueryData<ChatCache>(keys.chat(projectId, sessionId))?.pendingSends ?? []).toEqual([]);
    expect(held(client, projectId, sessionId).map(threadState)).toEqual(['open', 'open']);

    const again = await sendCommentTray(engine, commentsApi, projectId, sessionId, drafts(first.id, second.id));
    expect(again.sent).toBe(true);
    const listed = await commentsApi.list(projectId, sessionId);
    expect(listed.threads).toHaveLength(2);
    expect(listed.threads.map(threadState)).toEqual(['sent', 'sent']);
  });
});
