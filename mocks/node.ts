import { setupServer, type SetupServer } from 'msw/node';
import { createSimulator, type Simulator } from './simulator';
import { ManualClock } from './world/clock';

export interface TestSimulatorOptions {
  scenario?: string;
  seed?: number | string;
  /** Start of simulated time (ms); defaults to DEFAULT_NOW. */
  now?: number;
  /** Start intercepting at once (default true). */
  listen?: boolean;
}

export interface TestSimulator extends Simulator {
  clock: ManualClock;
  server: SetupServer;
  /** `http://localhost` */
  baseUrl: string;
  /** Absolute http URL for an API path. */
  url(path: string): string;
  /** Absolute ws URL for a stream path. */
  wsUrl(path: string): string;
  /** Stops intercepting (call in afterEach/afterAll). */
  close(): void;
}

/**
 * A simulator for vitest (node environment): a manual clock, msw/node intercepting fetch and the global
 * WebSocket on http://localhost. Only one may listen at a time: close it before creating the next.
 */
export function createTestSimulator(options: TestSimulatorOptions = {}): TestSimulator {
  const clock = new ManualClock(options.now ?? 1_795_262_400_000);
  const sim = createSimulator({ scenario: options.scenario, seed: options.seed, clock });
  const server = setupServer(...sim.handlers());
  if (options.listen ?? true) server.listen({ onUnhandledRequest: 'error' });
  const baseUrl = 'http://localhost';
  return {
    ...sim,
    clock,
    server,
    baseUrl,
    url: (path) => `${baseUrl}${path}`,
    wsUrl: (path) => `ws://localhost${path}`,
    close: () => {
      sim.sockets.drop(undefined, 1001, 'Test finished');
      server.close();
    },
  };
}

export interface TestSocket {
  socket: WebSocket;
  /** Raw frames received so far. */
  frames: string[];
  /** Resolves with the close code. */
  closed: Promise<number>;
  opened: Promise<void>;
  close(): void;
}

/** Opens a WebSocket (intercepted by msw) and records every frame. */
export function openTestSocket(url: string): TestSocket {
  const socket = new WebSocket(url);
  const frames: string[] = [];
  socket.addEventListener('message', (event) => frames.push(String(event.data)));
  const closed = new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
  return { socket, frames, closed, opened, close: () => socket.close() };
}

/** Lets queued socket deliveries (microtasks and zero timers) run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
