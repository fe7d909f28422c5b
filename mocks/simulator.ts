import type { HttpHandler, WebSocketHandler } from 'msw';
import { FaultController } from './faults';
import { Fleet } from './fleet/fleet';
import { createHttpHandlers } from './http';
import type { SimCore } from './http/router';
import { getScenario } from './scenarios';
import { ManualClock, type Clock } from './world/clock';
import { normaliseSeed } from './world/rng';
import { World, type SimUser } from './world/world';
import { SocketHub } from './ws';
import { bootLogHandler } from './bootLogSocket';

/** 2026-11-21T12:00:00Z: the default start of simulated time (screenshots, tests). */
export const DEFAULT_NOW = 1_795_262_400_000;

export interface SimulatorOptions {
  scenario?: string;
  seed?: number | string;
  /** Defaults to a ManualClock at `now`. */
  clock?: Clock;
  now?: number;
  /** Who is signed in (default Ada). */
  user?: SimUser;
}

export interface Simulator extends SimCore {
  scenario: string;
  seed: number;
  clock: Clock;
  sockets: SocketHub;
  /** msw handlers: REST routes, then the two WebSocket links (created on first call, then reused). */
  handlers(): Array<HttpHandler | WebSocketHandler>;
}

export function toSeed(seed: number | string | undefined): number {
  if (seed === undefined) return 1;
  if (typeof seed === 'number' && Number.isFinite(seed)) return Math.floor(seed) >>> 0;
  const text = String(seed).trim();
  return /^\d+$/.test(text) ? Number(text) >>> 0 : normaliseSeed(text);
}

/** Builds a world from a scenario and a seed; the same inputs give the same world and event history. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const scenarioName = options.scenario ?? 'default';
  const scenario = getScenario(scenarioName);
  const seed = toSeed(options.seed);
  const clock = options.clock ?? new ManualClock(options.now ?? DEFAULT_NOW);
  // One start instant for the ids and the scenario, so the world is the same whatever time it starts at.
  const start = clock.now();
  const world = new World({ seed, clock, start, user: options.user });
  const fleet = new Fleet(world);
  const faults = new FaultController(world, clock);
  scenario.build({ world, fleet, faults, rng: world.rng.fork(), now: start });
  const sockets = new SocketHub(world, faults);
  const core: SimCore = { world, fleet, faults };
  let handlers: Array<HttpHandler | WebSocketHandler> | null = null;
  return {
    ...core,
    scenario: scenarioName,
    seed,
    clock,
    sockets,
    handlers: () => (handlers ??= [...createHttpHandlers(core), ...sockets.handlers(), bootLogHandler(world)]),
  };
}
