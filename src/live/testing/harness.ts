import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { keys } from '../../api/queries';
import type { ConnectionSink } from '../../state/connection';
import type { ConnectionStatus, SessionEntry, StreamFacts } from '../../reconcile/types';
import { readFacts, readSnapshots } from '../normalisedCaches';
import type { ChatCache } from '../chatCache';
import { createLiveEngine, type LiveEngine } from '../engine';
import { projectPart } from '../projectPart';
import { buildEntry, listedSessionIds } from '../sessionEntries';
import type { ProjectStream } from '../projectStream';
import { createFakeEnv, type FakeEnv } from './fakeEnv';
import { FakeSam, drainMicrotasks, flushPromises, type Frame } from './fakeSam';

/*
 * A QueryClient wired to a FakeSam through the real project stream (fake socket, virtual clock), with
 * observers standing in for mounted components. No React: what a component would show is computed with
 * the same functions the hooks use.
 */
export const PROJECT = 'p1';

export interface Harness {
  client: QueryClient;
  engine: LiveEngine;
  sam: FakeSam;
  env: FakeEnv;
  stream: ProjectStream;
  connection: ConnectionSink & { status: ConnectionStatus; lastLiveAt: number | null; catchUps: number; dropped: number };
  /** Mounts the sidebar's queries (session list + task list). */
  mountSidebar(): void;
  /** Opens a chat (a mounted useChat). */
  openChat(sessionId: string): () => void;
  /** Opens the socket (server side accepts it). */
  connect(): void;
  /** Frames from the server to the client over the current socket, then one animation frame. */
  deliver(frames: readonly Frame[], options?: { flush?: boolean }): void;
  /** Runs promise chains and the frame flush until nothing moves. */
  settle(): Promise<void>;
  chat(sessionId: string): ChatCache | undefined;
  entry(sessionId: string): SessionEntry | null;
  /** The entries of several sessions from one read of the caches (a check after every fuzz step). */
  entries(sessionIds: readonly string[]): Map<string, SessionEntry | null>;
  sidebarIds(): string[];
  stop(): void;
}

export function createHarness(options: { start?: number; seed?: number } = {}): Harness {
  const env = createFakeEnv({ start: options.start, autoPong: true });
  const sam = new FakeSam(env.now());
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const connection = {
    status: 'connecting' as ConnectionStatus,
    lastLiveAt: null as number | null,
    catchUps: 0,
    dropped: 0,
    setStatus(_stream: string, status: ConnectionStatus, at: number) {
      if (status === 'live' || connection.status === 'live') connection.lastLiveAt = at;
      connection.status = status;
    },
    frameDropped: () => void (connection.dropped += 1),
    frameIgnored: () => {},
    catchUpStarted: () => void (connection.catchUps += 1),
    catchUpFinished: () => void (connection.catchUps -= 1),
  };
  const engine = createLiveEngine({ client, env: { ...env, api: sam.api } });
  const { queries } = projectPart(engine);
  const stream = projectPart(engine).projectStream(PROJECT, { connection });
  const unsubscribers: Array<() => void> = [];
  const streamFacts = (): StreamFacts => ({ connection: connection.status, lastLiveAt: connection.lastLiveAt, catchingUp: connection.catchUps > 0 });

  const harness: Harness = {
    client,
    engine,
    sam,
    env,
    stream,
    connection,
    mountSidebar() {
      unsubscribers.push(new InfiniteQueryObserver(client, queries.sessionList(PROJECT)).subscribe(() => {}));
      unsubscribers.push(new InfiniteQueryObserver(client, queries.taskList(PROJECT)).subscribe(() => {}));
    },
    openChat(sessionId) {
      const off = new QueryObserver(client, queries.chat(PROJECT, sessionId)).subscribe(() => {});
      unsubscribers.push(off);
      return off;
    },
    connect() {
      env.latestSocket().serverOpen();
    },
    deliver(frames, { flush = true } = {}) {
      const socket = env.latestSocket();
      for (const frame of frames) socket.serverSend(frame);
      if (flush) env.runFrame();
    },
    async settle() {
      // Held answers stay held: this only lets everything that CAN move, move.
      for (let i = 0; i < 8; i += 1) {
        await drainMicrotasks();
        env.runFrame();
      }
      await flushPromises();
    },
    chat: (sessionId) => client.getQueryData<ChatCache>(keys.chat(PROJECT, sessionId)),
    entry: (sessionId) => harness.entries([sessionId]).get(sessionId) ?? null,
    entries(sessionIds) {
      const inputs = { facts: readFacts(client, PROJECT), snapshots: readSnapshots(client, PROJECT), stream: streamFacts(), now: env.now() };
      const memo = projectPart(engine).entryMemo(PROJECT);
      return new Map(sessionIds.map((id) => [id, buildEntry(memo, inputs, id)]));
    },
    sidebarIds: () => {
      const pages = client.getQueryData<{ pages: Parameters<typeof listedSessionIds>[0] }>(keys.sessionList(PROJECT))?.pages ?? [];
      return listedSessionIds(pages, readFacts(client, PROJECT));
    },
    stop() {
      unsubscribers.forEach((off) => off());
      stream.stop();
      client.clear();
    },
  };
  return harness;
}
