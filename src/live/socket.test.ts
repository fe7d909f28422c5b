import { describe, expect, it } from 'vitest';
import { type ProjectEvent } from '../api/contract';
import { parseProjectFrame } from '../api/contract/projectFrames';
import type { ConnectionStatus } from '../reconcile/types';
import { DEFAULT_TIMING, backoffDelay, createSocketClient, reconnectAll, type SocketClient } from './socket';
import { createFakeEnv, type FakeEnv } from './testing/fakeEnv';

function setup(options: { random?: () => number; sockets?: Set<SocketClient> } = {}) {
  const env: FakeEnv = createFakeEnv(options);
  const statuses: ConnectionStatus[] = [];
  const batches: ProjectEvent[][] = [];
  const opens: boolean[] = [];
  const dropped: string[] = [];
  const ignored: string[] = [];
  const client = createSocketClient<ProjectEvent>({
    url: () => 'ws://sam.test/api/projects/p1/sessions/ws',
    parse: parseProjectFrame,
    onEvents: (events) => batches.push(events.map(({ event }) => event)),
    onOpen: ({ reconnected }) => opens.push(reconnected),
    onStatus: (status) => statuses.push(status),
    sockets: options.sockets,
    onDropped: (reason) => dropped.push(reason),
    onIgnored: (type) => ignored.push(type),
    env,
  });
  return { env, client, statuses, batches, opens, dropped, ignored };
}

const stopped = (sessionId: string) => ({ type: 'session.stopped', payload: { sessionId } });

describe('socket client lifecycle', () => {
  it('connects, goes live, and reports the first open as not a reconnect', () => {
    const { env, client, statuses, opens } = setup();
    client.start();
    expect(client.status()).toBe('connecting');
    env.latestSocket().serverOpen();
    expect(statuses).toEqual(['connecting', 'live']);
    expect(opens).toEqual([false]);
  });

  it('reconnects after an unexpected close, within the first backoff window, and says it reconnected', () => {
    const { env, client, statuses, opens } = setup();
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverClose(1006);
    expect(client.status()).toBe('reconnecting');
    const delay = env.nextTimerIn();
    expect(delay).toBeGreaterThanOrEqual(500);
    expect(delay).toBeLessThanOrEqual(1000);
    env.advance(delay ?? 0);
    expect(env.sockets).toHaveLength(2);
    env.latestSocket().serverOpen();
    expect(statuses.at(-1)).toBe('live');
    expect(opens).toEqual([false, true]);
  });

  it('backs off exponentially up to 30 s and keeps trying forever', () => {
    const { env, client } = setup({ random: () => 0 });
    client.start();
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      env.latestSocket().serverClose(1006);
      const delay = env.nextTimerIn() ?? -1;
      delays.push(delay);
      env.advance(delay);
    }
    expect(delays.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    expect(delays.slice(6).every((delay) => delay === 30_000)).toBe(true);
    expect(env.sockets).toHaveLength(13);
  });

  it('jitters every delay between half and all of its ceiling', () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
      for (const r of [0, 0.25, 0.5, 0.999]) {
        const delay = backoffDelay(attempt, DEFAULT_TIMING, r);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
    const spread = new Set([0.1, 0.5, 0.9].map((r) => backoffDelay(3, DEFAULT_TIMING, r)));
    expect(spread.size).toBe(3);
  });

  it('resets the backoff once a connection stayed up, but not for a flapping one', () => {
    const { env, client } = setup({ random: () => 0 });
    client.start();
    for (let i = 0; i < 4; i += 1) {
      env.latestSocket().serverClose(1006);
      env.advance(env.nextTimerIn() ?? 0);
    }
    env.latestSocket().serverOpen();
    env.advance(1_000); // flaps quickly: still backing off
    env.latestSocket().serverClose(1006);
    expect(env.nextTimerIn()).toBe(16_000);
    env.advance(16_000);
    env.latestSocket().serverOpen();
    env.advance(DEFAULT_TIMING.stableAfterMs);
    env.latestSocket().serverSend({ type: 'pong' });
    env.latestSocket().serverClose(1006);
    expect(env.nextTimerIn()).toBe(1_000);
  });

  it('reconnects at once when the browser comes back online, and shows offline meanwhile', () => {
    const { env, client } = setup();
    client.start();
    env.latestSocket().serverOpen();
    env.setOnline(false);
    env.latestSocket().serverClose(1006);
    expect(client.status()).toBe('offline');
    env.setOnline(true);
    expect(env.sockets).toHaveLength(2);
    expect(client.status()).toBe('reconnecting');
  });

  it('reconnects at once when the tab becomes visible', () => {
    const { env, client } = setup({ random: () => 0 });
    client.start();
    for (let i = 0; i < 6; i += 1) {
      env.latestSocket().serverClose(1006);
      env.advance(env.nextTimerIn() ?? 0);
    }
    env.latestSocket().serverClose(1006);
    expect(env.nextTimerIn()).toBe(30_000);
    env.setVisible(false);
    env.setVisible(true);
    expect(env.sockets).toHaveLength(8);
  });

  it('pings every 25 s and reconnects when the pong does not come within its deadline', () => {
    const { env, client } = setup();
    client.start();
    const first = env.latestSocket();
    first.serverOpen();
    env.advance(25_000);
    expect(first.sentTypes()).toEqual(['ping']);
    first.serverSend({ type: 'pong' });
    env.advance(25_000);
    expect(first.sentTypes()).toEqual(['ping', 'ping']);
    env.advance(9_999);
    expect(client.status()).toBe('live');
    env.advance(1);
    expect(first.closedWith?.code).toBe(4000);
    expect(client.status()).toBe('reconnecting');
    env.advance(env.nextTimerIn() ?? 0);
    expect(env.sockets).toHaveLength(2);
  });

  it('checks an open socket with a ping when the tab becomes visible', () => {
    const { env, client } = setup();
    client.start();
    env.latestSocket().serverOpen();
    env.setVisible(true);
    expect(env.latestSocket().sentTypes()).toEqual(['ping']);
    env.advance(DEFAULT_TIMING.pongTimeoutMs);
    expect(client.status()).toBe('reconnecting');
  });

  it('treats a server close with 1000 as a drop: reconnecting, then back off and retry (SAM closes on deploys)', () => {
    const { env, client, opens } = setup({ random: () => 0 });
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverClose(1000);
    expect(client.status()).toBe('reconnecting');
    expect(env.nextTimerIn()).toBe(1_000);
    env.advance(1_000);
    expect(env.sockets).toHaveLength(2);
    env.latestSocket().serverOpen();
    expect(client.status()).toBe('live');
    expect(opens).toEqual([false, true]);
  });

  it('reconnects at once on window focus while backing off', () => {
    const { env, client } = setup({ random: () => 0 });
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverClose(1000);
    env.focus();
    expect(env.sockets).toHaveLength(2);
  });

  it('reconnectAll() reconnects every started client of its set at once and leaves stopped ones alone', () => {
    const sockets = new Set<SocketClient>();
    const a = setup({ random: () => 0, sockets });
    const b = setup({ random: () => 0, sockets });
    a.client.start();
    b.client.start();
    for (const { env } of [a, b]) {
      env.latestSocket().serverOpen();
      env.latestSocket().serverClose(1006);
    }
    b.client.stop();
    reconnectAll(sockets);
    expect(a.env.sockets).toHaveLength(2);
    expect(b.env.sockets).toHaveLength(1);
    a.client.stop();
  });

  it('reports each attempt that closes before it opened (a refused upgrade or no network), never a drop after an open', () => {
    const env = createFakeEnv({ random: () => 0 });
    const refused: number[] = [];
    const client = createSocketClient<ProjectEvent>({
      url: () => 'ws://x',
      parse: parseProjectFrame,
      onEvents: () => {},
      onUpgradeFailed: (consecutive) => refused.push(consecutive),
      env,
    });
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverClose(1008);
    expect(refused).toEqual([]);
    env.advance(env.nextTimerIn() ?? 0);
    env.latestSocket().serverClose(1006);
    env.advance(env.nextTimerIn() ?? 0);
    env.latestSocket().serverClose(1006);
    expect(refused).toEqual([1, 2]);
    env.advance(env.nextTimerIn() ?? 0);
    env.latestSocket().serverOpen();
    env.latestSocket().serverClose(1006);
    env.advance(env.nextTimerIn() ?? 0);
    env.latestSocket().serverClose(1006);
    expect(refused).toEqual([1, 2, 1]);
    client.stop();
  });

  it('stop() closes with 1000 and never reconnects', () => {
    const { env, client } = setup();
    client.start();
    env.latestSocket().serverOpen();
    client.stop();
    expect(env.latestSocket().closedWith?.code).toBe(1000);
    expect(client.status()).toBe('offline');
    env.setOnline(true);
    env.advance(120_000);
    expect(env.sockets).toHaveLength(1);
    expect(env.pendingTimers()).toBe(0);
  });

  it('abandons an attempt that hangs and tries again', () => {
    const { env, client } = setup();
    client.start();
    env.advance(DEFAULT_TIMING.connectTimeoutMs);
    expect(env.sockets[0]?.closedWith?.code).toBe(4000);
    env.advance(env.nextTimerIn() ?? 0);
    expect(env.sockets).toHaveLength(2);
  });
});

describe('socket client frames', () => {
  it('batches valid events into one delivery per frame, in arrival order', () => {
    const { env, client, batches } = setup();
    client.start();
    const socket = env.latestSocket();
    socket.serverOpen();
    socket.serverSend(stopped('a'));
    socket.serverSend(stopped('b'));
    expect(batches).toHaveLength(0);
    expect(env.frameScheduled()).toBe(true);
    env.runFrame();
    expect(batches.map((batch) => batch.map((e) => ('sessionId' in e ? e.sessionId : null)))).toEqual([['a', 'b']]);
    socket.serverSend(stopped('c'));
    client.flush();
    expect(batches).toHaveLength(2);
  });

  it('drops and counts invalid frames without throwing, and counts ignored types apart', () => {
    const { env, client, batches, dropped, ignored } = setup();
    client.start();
    const socket = env.latestSocket();
    socket.serverOpen();
    socket.serverSend('not json{');
    socket.serverSend({ payload: {} });
    socket.serverSend({ type: 'session.stopped', payload: { sessionId: 42 } });
    socket.serverSend({ type: 'knowledge.updated', payload: {} });
    socket.onmessage?.({ data: new ArrayBuffer(4) });
    socket.serverSend(stopped('ok'));
    env.runFrame();
    expect(dropped).toHaveLength(4);
    expect(dropped[0]).toBe('not JSON');
    expect(dropped[2]).toMatch(/^session\.stopped: payload\.sessionId/);
    expect(ignored).toEqual(['knowledge.updated']);
    expect(batches.flat()).toHaveLength(1);
    expect(client.status()).toBe('live');
  });

  it('keeps pongs to itself', () => {
    const { env, client, batches } = setup();
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverSend({ type: 'pong' });
    env.runFrame();
    expect(batches).toHaveLength(0);
  });

  it('survives a consumer that throws, and reports the error', () => {
    const env = createFakeEnv();
    let calls = 0;
    const client = createSocketClient<ProjectEvent>({
      url: () => 'ws://x',
      parse: parseProjectFrame,
      onEvents: () => {
        calls += 1;
        throw new Error('consumer bug');
      },
      env,
    });
    client.start();
    env.latestSocket().serverOpen();
    env.latestSocket().serverSend(stopped('a'));
    env.runFrame();
    env.latestSocket().serverSend(stopped('b'));
    env.runFrame();
    expect(calls).toBe(2);
    expect(env.errors).toHaveLength(2);
    expect(client.status()).toBe('live');
  });
});
