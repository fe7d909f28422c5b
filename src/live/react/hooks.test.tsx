// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { T0, makeRow, makeTask } from '../../test/factories';
import { useConnectionStore } from '../../state/connection';
import { writeFacts } from '../normalisedCaches';
import { TASK_PAGE_SIZE } from '../queries';
import { FakeSam } from '../testing/fakeSam';
import { createLiveEngine, LiveProvider } from '.';
import { useChat, useChatActions, useSessionEntries, useSessionEntry } from './project';

const P = 'p1';
let client: QueryClient;
afterEach(() => client?.clear());

function setup(prepare: (sam: FakeSam) => void) {
  const sam = new FakeSam(T0);
  prepare(sam);
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const engine = createLiveEngine({ client, env: { api: sam.api, now: () => sam.now } });
  useConnectionStore.setState({ project: 'live', lastLiveAt: T0, catchingUp: false });
  const wrapper = ({ children }: { children: ReactNode }) => <LiveProvider engine={engine}>{children}</LiveProvider>;
  return { sam, wrapper };
}

function twoSessions(sam: FakeSam) {
  sam.putTask(makeTask({ id: 't1', updatedAt: T0 }));
  sam.putTask(makeTask({ id: 't2', updatedAt: T0, status: 'failed', errorMessage: 'boom' }));
  sam.putSession(makeRow({ id: 's1', taskId: 't1', lastMessageAt: T0 + 2 }));
  sam.putSession(makeRow({ id: 's2', taskId: 't2', lastMessageAt: T0 + 1 }));
  sam.addMessage('s1', 'user', 'hello');
}

describe('session entry hooks', () => {
  it('the sidebar and the chat header get the very same entry object', async () => {
    const { wrapper } = setup(twoSessions);
    const { result } = renderHook(() => ({ list: useSessionEntries(P), one: useSessionEntry(P, 's2') }), { wrapper });
    await waitFor(() => expect(result.current.list.entries).toHaveLength(2));
    const fromList = result.current.list.entries.find((e) => e.session.id === 's2');
    expect(result.current.one).toBe(fromList);
    expect(fromList?.view).toMatchObject({ state: 'failed', reason: expect.stringMatching(/^task failed .*: boom$/) });
  });

  it('an entry whose inputs did not change keeps its identity when another session changes', async () => {
    const { wrapper } = setup(twoSessions);
    const { result } = renderHook(() => useSessionEntries(P), { wrapper });
    await waitFor(() => expect(result.current.entries).toHaveLength(2));
    const [first, second] = result.current.entries;
    act(() => writeFacts(client, P, [{ id: 's1', patch: { topic: 'Renamed' }, stamp: T0 * 2 }]));
    await waitFor(() => expect(result.current.entries[0]?.session.topic).toBe('Renamed'));
    expect(result.current.entries[0]).not.toBe(first);
    expect(result.current.entries[1]).toBe(second);
  });

  it(`fetches the task of a session beyond the first ${TASK_PAGE_SIZE} tasks through the task route`, async () => {
    const { sam, wrapper } = setup((s) => {
      s.putTask(makeTask({ id: 'old', updatedAt: T0 - 1_000_000, status: 'completed', completedAt: T0 - 1_000_000 }));
      for (let i = 0; i < TASK_PAGE_SIZE; i += 1) s.putTask(makeTask({ id: `t${i}`, updatedAt: T0 + i }));
      s.putSession(makeRow({ id: 's-old', taskId: 'old' }));
    });
    const { result } = renderHook(() => useSessionEntries(P), { wrapper });
    await waitFor(() => expect(result.current.entries[0]?.view.state).toBe('completed'));
    expect(sam.calls.filter((c) => c === 'task:old')).toHaveLength(1);
  });
});

describe('chat hooks', () => {
  it('shows the conversation, and a sent prompt at once', async () => {
    const { sam, wrapper } = setup(twoSessions);
    sam.hold = false;
    const { result } = renderHook(() => ({ chat: useChat(P, 's1'), actions: useChatActions(P, 's1') }), { wrapper });
    await waitFor(() => expect(result.current.chat.status).toBe('success'));
    expect(result.current.chat.items.map((i) => ('text' in i ? i.text : i.kind))).toEqual(['hello']);
    expect(result.current.chat.entry?.session.id).toBe('s1');
    sam.hold = true;
    act(() => result.current.actions.send('and then?'));
    await waitFor(() => expect(result.current.chat.items.at(-1)).toMatchObject({ kind: 'user', text: 'and then?', delivery: 'sending' }));
    sam.release();
    await waitFor(() => expect(result.current.chat.items.at(-1)).toMatchObject({ delivery: 'confirmed' }));
  });
});
