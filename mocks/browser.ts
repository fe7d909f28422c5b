import { setupWorker, type SetupWorker } from 'msw/browser';
import { SCENARIO_NAMES } from './scenarios';
import { createSimulator, DEFAULT_NOW, toSeed, type Simulator } from './simulator';
import { createRealTimeClock, type RealTimeClock } from './world/clock';
import type { SimUser } from './world/world';

export type ClockMode = 'real' | 'frozen';

export interface SimulatorParams {
  scenario: string;
  seed: number;
  clock: ClockMode;
  speed: number;
  /** Start of simulated time; null = the real current time (real clock) or DEFAULT_NOW (frozen). */
  now: number | null;
  /** `?user=grace`: a second user signs in (the same browser, someone else's SAM account). */
  user: SimUser;
}

export interface SimulatorHandle extends Simulator {
  clock: RealTimeClock;
  worker: SetupWorker;
  params: SimulatorParams;
  scenarios: readonly string[];
  /** Reloads the page into another scenario/seed. */
  load(scenario: string, seed?: number): void;
}

declare global {
  interface Window {
    __lookoutSim?: SimulatorHandle;
  }
}

const STORAGE_KEY = 'lookout.simulator';
const PARAM_KEYS = ['scenario', 'seed', 'clock', 'speed', 'now', 'user'] as const;

/** `?scenario=&seed=&clock=frozen|real&speed=N&now=<ms>&user=ada|grace`; unknown values fall back to defaults. */
export function readSimulatorParams(search: string): SimulatorParams {
  const q = new URLSearchParams(search);
  const scenario = q.get('scenario') ?? 'default';
  const speed = Number(q.get('speed') ?? '1');
  const now = q.get('now');
  return {
    scenario: SCENARIO_NAMES.includes(scenario) ? scenario : 'default',
    seed: toSeed(q.get('seed') ?? 1),
    clock: q.get('clock') === 'frozen' ? 'frozen' : 'real',
    speed: Number.isFinite(speed) && speed >= 0 ? speed : 1,
    now: now !== null && /^\d+$/.test(now) ? Number(now) : null,
    user: q.get('user') === 'grace' ? 'grace' : 'ada',
  };
}

/** Simulator params from the URL; without any, the ones this tab used last (so reloads keep them). */
function paramsFromLocation(): SimulatorParams {
  const q = new URLSearchParams(location.search);
  const own = new URLSearchParams();
  for (const key of PARAM_KEYS) {
    const value = q.get(key);
    if (value !== null) own.set(key, value);
  }
  try {
    if ([...own.keys()].length > 0) sessionStorage.setItem(STORAGE_KEY, own.toString());
    else return readSimulatorParams(sessionStorage.getItem(STORAGE_KEY) ?? '');
  } catch {
    // Storage may be unavailable (privacy modes); the URL still works.
  }
  return readSimulatorParams(own.toString());
}

/**
 * Starts the simulated SAM in the browser: builds the world, starts the msw worker (REST + both
 * WebSockets) and exposes it on `window.__lookoutSim` for Playwright and the dev panel.
 */
export async function startSimulator(): Promise<SimulatorHandle> {
  const params = paramsFromLocation();
  const frozen = params.clock === 'frozen';
  // Built on a still clock: on the real clock, how long the build takes must not change what it writes
  // (the ids of everything the agents create depend on the order of their writes).
  const clock = createRealTimeClock(params.now ?? (frozen ? DEFAULT_NOW : null), { speed: params.speed, frozen: true });
  const sim = createSimulator({ scenario: params.scenario, seed: params.seed, clock, user: params.user });
  if (!frozen) clock.resume();
  const worker = setupWorker(...sim.handlers());
  await worker.start({
    onUnhandledRequest: 'bypass',
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    quiet: true,
  });
  const handle: SimulatorHandle = {
    ...sim,
    clock,
    worker,
    params,
    scenarios: SCENARIO_NAMES,
    load(scenario, seed = params.seed) {
      const url = new URL(location.href);
      url.searchParams.set('scenario', scenario);
      url.searchParams.set('seed', String(seed));
      location.assign(url.toString());
    },
  };
  window.__lookoutSim = handle;
  return handle;
}
