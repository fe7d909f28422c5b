import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSimulator, settle, type TestSimulator } from '../../mocks/node';
import { firstProject } from '../../mocks/testing';
import { api } from '../api/endpoints';
import { keys } from '../api/queries';
import type { SessionRow, Task } from '../api/contract';
import { logToArray } from '../reconcile/messageLog';
import { sessionView } from '../reconcile/sessionView';
import type { SessionFacts, StreamFacts } from '../reconcile/types';
import { LIVE } from '../test/factories';
import { readFacts, readSnapshots } from './normalisedCaches';
import type { ChatCache } from './chatCache';
import { createLiveEngine } from './engine';
import { projectPart } from './projectPart';
import { buildEntry } from './sessionEntries';
import type { ProjectStream } from './projectStream';

/*
 * The whole pipeline against the shared simulator (mocks/): real fetches and a real WebSocket, both
 * intercepted by msw/node; SAM's world runs on the simulator's manual clock. Faults are switched on
 * mid-run; once they stop and the stream has caught up, the caches must match what SAM's REST says.
 */

let sim: TestSimulator | null = null;
let stream: ProjectStream | null = null;
const realFetch = globalThis.fetch;
afterEach(() => {
  stream?.stop();
  sim?.close();
  globalThis.fetch = realFetch;
});

async function boot(scenario: string, seed: number) {
  sim = createTestSimulator({ scenario, seed });
  const s = sim;
  // The app calls SAM on its own origin ('/api/...'); in node a fetch needs an absolute URL.
  const intercepted = globalThis.fetch;
  globalThis.fetch = (input, init) => intercepted(typeof input === 'string' ? new URL(input, s.baseUrl) : input, init);
  const projectId = firstProject(s).id;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const status = { connection: 'connecting' as StreamFacts['connection'], catchUps: 0, opens: 0 };
  // The engine's clock and timers are the simulator's: stamps, backoff, pings and the safety net run in its time.
  const engine = createLiveEngine({
    client,
    env: {
      now: () => s.clock.now(),
      setTimeout: (callback, ms) => s.clock.setTimeout(callback, ms),
      clearTimeout: (id) => s.clock.clearTimeout(id as number),
      scheduleFlush: (callback) => {
        const timer = setTimeout(callback, 0);
        return () => clearTimeout(timer);
      },
    },
  });
  const { queries } = projectPart(engine);
  stream = projectPart(engine).projectStream(projectId, {
    connection: {
      setStatus: (_stream, next) => {
        status.connection = next;
        if (next === 'live') status.opens += 1;
      },
      frameDropped: () => {},
      frameIgnored: () => {},
      catchUpStarted: () => void (status.catchUps += 1),
      catchUpFinished: () => void (status.catchUps -= 1),
    },
  });
  stream.start();
  const off = [
    new InfiniteQueryObserver(client, queries.sessionList(projectId)).subscribe(() => {}),
    new InfiniteQueryObserver(client, queries.taskList(projectId)).subscribe(() => {}),
  ];
  const run = async (ms: number, step = 1_000) => {
    for (let t = 0; t < ms; t += step) {
      s.clock.advance(step);
      await settle(2);
    }
    await quiet();
  };
  const quiet = async () => {
    for (let i = 0; i < 5; i += 1) {
      await settle(3);
      await stream?.settled();
    }
  };
  const openChat = (sessionId: string) => off.push(new QueryObserver(client, queries.chat(projectId, sessionId)).subscribe(() => {}));
  return { s, client, engine, projectId, status, run, quiet, openChat };
}

type Booted = Awaited<ReturnType<typeof boot>>;

/** What SAM's REST says now, and the state each session should show from it. */
async function truth({ s, projectId }: Booted, openSessionId: string) {
  const rows: SessionRow[] = (await api.sessions(projectId, { limit: 100 })).sessions;
  const tasks = new Map<string, Task>((await api.tasks(projectId, { limit: 200 })).tasks.map((t) => [t.id, t]));
  const expected = new Map<string, string>();
  for (const row of rows) {
    const state = row.id === openSessionId ? (await api.session(projectId, row.id)).state : null;
    const facts: SessionFacts = {
      ...row,
      activity: state?.activity ?? null,
      promptStartedAt: state?.promptStartedAt ?? null,
      statusError: state?.statusError ?? null,
      wakePhase: state?.wakePhase ?? null,
      recoveryStatus: state?.recoveryStatus ?? null,
      wakeAt: null,
    };
    const task = row.taskId ? (tasks.get(row.taskId) ?? (await api.task(projectId, row.taskId))) : null;
    expected.set(row.id, sessionView(facts, task, LIVE, s.clock.now()).state);
  }
  const messages = (await api.messages(projectId, openSessionId, { limit: 50_000, after: 0 })).messages.map((m) => m.id);
  return { expected, messages };
}

function shown({ client, engine, projectId, s, status }: Booted) {
  const inputs = {
    facts: readFacts(client, projectId),
    snapshots: readSnapshots(client, projectId),
    stream: { connection: status.connection, lastLiveAt: null, catchingUp: status.catchUps > 0 },
    now: s.clock.now(),
  };
  const memo = projectPart(engine).entryMemo(projectId);
  return new Map([...inputs.facts.records.keys()].map((id) => [id, buildEntry(memo, inputs, id)?.view.state]));
}

async function expectConverged(booted: Booted, openSessionId: string) {
  const { expected, messages } = await truth(booted, openSessionId);
  const states = shown(booted);
  for (const [id, state] of expected) expect({ id, state: states.get(id) }).toEqual({ id, state });
  const chat = booted.client.getQueryData<ChatCache>(keys.chat(booted.projectId, openSessionId));
  expect(logToArray(chat?.log ?? { chunks: [], tail: [], length: 0, maxSequence: null, maxSequenceAt: null }).map((m) => m.id)).toEqual(messages);
  expect(booted.status).toMatchObject({ connection: 'live', catchUps: 0 });
}

describe('against the simulator', () => {
  it('converges through duplicates, reorders, a sequence gap and a socket drop', async () => {
    const booted = await boot('default', 8);
    const { s, projectId, run, quiet, openChat } = booted;
    await quiet();
    const working = s.world.sessions.list(projectId).find((x) => x.status === 'active' && x.agentCompletedAt === null);
    if (!working) throw new Error('the scenario has no working session');
    openChat(working.id);
    await run(5_000);

    s.faults.duplicateNextFrames(6, 'project');
    await run(10_000);
    s.faults.reorderNextFrames(4, 'project');
    await run(10_000);
    s.faults.skipNextSequence(2, working.id);
    await run(15_000);
    s.faults.dropSockets('project');
    await run(20_000); // agents keep working while the socket is down; the client backs off and reconnects
    s.faults.reset();
    await run(40_000);
    expect(booted.status.opens).toBe(2); // it did drop, and came back
    await expectConverged(booted, working.id);
  }, 60_000);

  it('a session row that stays active after its task failed shows the failure', async () => {
    const booted = await boot('stale-active', 3);
    const { s, projectId, run, quiet, openChat } = booted;
    await quiet();
    const first = s.world.sessions.list(projectId)[0];
    if (!first) throw new Error('no session');
    openChat(first.id);
    await run(60_000);
    const stale = s.world.sessions.list(projectId).filter((x) => x.status === 'active' && x.taskId && s.world.tasks.get(x.taskId)?.status === 'failed');
    expect(stale.length).toBeGreaterThan(0);
    for (const session of stale) expect(shown(booted).get(session.id)).toBe('failed');
    await expectConverged(booted, first.id);
  }, 60_000);
});
