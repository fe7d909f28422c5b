import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/query-core';
import { createTestSimulator, type TestSimulator } from '../../mocks/node';
import { onUnauthorized } from '../api/http';
import { createLiveEngine } from './engine';
import type { NotificationStream } from './notificationStream';

/*
 * A sign-in that expires while the app is open: SAM closes the sockets and refuses every upgrade with
 * 401, which a browser WebSocket cannot see (it gets a bare close). The refused reconnect must lead to a
 * REST probe whose 401 tells the app it is signed out; a network failure must not.
 */

beforeAll(() => {
  globalThis.location ??= new URL('http://localhost/') as unknown as Location;
});

let sim: TestSimulator | null = null;
let stream: NotificationStream | null = null;
let stopListening: (() => void) | null = null;
afterEach(() => {
  stream?.stop();
  sim?.close();
  stopListening?.();
  stream = null;
  sim = null;
});

async function start() {
  sim = createTestSimulator({ scenario: 'empty' });
  const unauthorized: number[] = [];
  const probes: Array<Promise<unknown>> = [];
  stopListening = onUnauthorized((error) => unauthorized.push(error.status));
  const engine = createLiveEngine({ client: new QueryClient({ defaultOptions: { queries: { retry: false } } }) });
  const live = engine.notificationStream({
    probeSignIn: () => probes.push(engine.probeSignIn()),
    timing: { backoffBaseMs: 20, backoffCapMs: 50 },
  });
  stream = live;
  live.start();
  const status = () => live.socket.status();
  await vi.waitFor(() => expect(status()).toBe('live'));
  return { sim, engine, status, unauthorized, probes };
}

describe('a sign-in that expires while the stream is open', () => {
  it('a refused reconnect is probed over REST, and its 401 says signed out', async () => {
    const { sim, unauthorized, probes } = await start();
    sim.faults.signOut();
    await vi.waitFor(() => expect(unauthorized.length).toBeGreaterThan(0));
    expect(await Promise.all(probes)).toContain('signed-out');
    expect(unauthorized.every((status) => status === 401)).toBe(true);
  });

  it('sockets refused for another reason (SAM down, signed in) never say signed out', async () => {
    const { sim, status, unauthorized, probes } = await start();
    sim.faults.blockSockets();
    sim.faults.dropSockets();
    // Several refused attempts, each probed: SAM answers /api/auth/me, so nobody is signed out.
    await vi.waitFor(() => expect(probes.length).toBeGreaterThanOrEqual(2));
    expect(await Promise.all(probes)).toContain('signed-in');
    expect(unauthorized).toEqual([]);
    sim.faults.unblockSockets();
    await vi.waitFor(() => expect(status()).toBe('live'));
  });

  it('probeSignIn: signed-out on 401, signed-in once SAM answers again', async () => {
    const { sim, engine } = await start();
    sim.faults.signOut();
    expect(await engine.probeSignIn()).toBe('signed-out');
    sim.faults.signIn();
    expect(await engine.probeSignIn()).toBe('signed-in');
  });
});
