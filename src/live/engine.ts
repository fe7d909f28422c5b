import type { QueryClient } from '@tanstack/query-core';
import type { Notification } from '../api/contract';
import type { ConnectionSink } from '../state/connection';
import { tickingClock, type TickingClock } from './clock';
import { createCacheReducer } from './cacheReducer';
import { stampClock, type LiveCore } from './core';
import { createWrittenAnswers } from './writtenAnswers';
import { browserEnv, type LiveApi, type LiveEnv } from './env';
import { createNotificationCache, type NotificationCache } from './notificationCache';
import { createNotificationStream, type NotificationStream } from './notificationStream';
import type { ProjectReducer } from './projectReducer';
import { signInProbe, type SignInState } from './signIn';
import { reconnectAll, type SocketClient, type SocketTiming } from './socket';

/*
 * The live engine: everything Lookout keeps in step with SAM, for one query client, with no React in it.
 * Its whole outside world is the one `LiveEnv` given here (tests override parts of it); its state (the
 * stamp clock, the started sockets, the notification journal, the entry memos, the sign-in probe) lives
 * in the engine, never in a module. React observes it through src/live/react.
 */

/** Parts of the env to replace (tests, the simulator); `api` may replace some routes only. */
export type EnvOverrides = Partial<Omit<LiveEnv, 'api'>> & { api?: Partial<LiveApi> };

export interface LiveEngineOptions {
  client: QueryClient;
  env?: EnvOverrides;
  /** Where the streams report their status and counts (the app: the connection store; default: nowhere). */
  connection?: ConnectionSink;
}

const nowhere: ConnectionSink = { setStatus: () => {}, frameDropped: () => {}, frameIgnored: () => {}, catchUpStarted: () => {}, catchUpFinished: () => {} };

export interface StreamOptions {
  connection?: ConnectionSink;
  timing?: Partial<SocketTiming>;
  /** Replaces the sign-in probe after a refused upgrade (tests). */
  probeSignIn?: () => unknown;
  /** Told about notifications that arrived live (the engine's arrival listeners by default). */
  onArrived?: (notifications: Notification[]) => void;
}

type ArrivalListener = (notifications: Notification[]) => void;

export interface StreamSettings {
  core: LiveCore;
  sockets: Set<SocketClient>;
  connection: ConnectionSink;
  timing: Partial<SocketTiming> | undefined;
  probeSignIn: () => unknown;
}

/** What a part of the engine made later (attach) is built from: the engine's own insides. */
export interface EngineInside {
  readonly core: LiveCore;
  readonly sockets: Set<SocketClient>;
  readonly connection: ConnectionSink;
  readonly probeSignIn: () => Promise<SignInState>;
  /** What every stream is made with: the engine's sockets and sinks, each replaceable by the stream's options. */
  streamSettings(options: StreamOptions): StreamSettings;
  /** The project part hands the reducer its project half (src/live/projectReducer.ts). */
  installProjectReducer(reducer: ProjectReducer): void;
}

export interface LiveEngine extends LiveCore {
  /** The app's one clock as React reads it (ticks on env timers while watched). */
  readonly clock: TickingClock;
  readonly notifications: NotificationCache;
  /**
   * A part of the engine made from its insides on first use, then the same one for the engine's life
   * (one per `create`). The project part (src/live/projectPart.ts) is made so: its code loads with the
   * project view, not with the first screen.
   */
  attach<T>(create: (inside: EngineInside) => T): T;
  notificationStream(options?: StreamOptions): NotificationStream;
  /** Reconnects every started socket at once ("Reconnect now", a sign-in coming back). */
  reconnectSockets(): void;
  probeSignIn(): Promise<SignInState>;
  /** Live notification arrivals of the app's stream (the bell announces them). Returns the unsubscribe. */
  onArrivals(listener: ArrivalListener): () => void;
  publishArrivals(notifications: Notification[]): void;
}

const notBuiltYet = (): never => {
  throw new Error('the engine is still being built');
};

export function createLiveEngine({ client, env: overrides = {}, connection = nowhere }: LiveEngineOptions): LiveEngine {
  const real = browserEnv();
  // The real routes object itself unless some are replaced: tests spy on its methods after the engine exists.
  const env: LiveEnv = { ...real, ...overrides, api: overrides.api ? { ...real.api, ...overrides.api } : real.api };
  // The reducer needs the notification cache's writes, which need the core: it is set once both exist.
  const written = createWrittenAnswers(client, (action) => core.dispatch(action));
  const core: { -readonly [K in keyof LiveCore]: LiveCore[K] } = {
    client,
    env,
    stamp: stampClock(env.now),
    dispatch: notBuiltYet,
    answer: written.answer,
    keepAnswer: written.keep,
  };
  const sockets = new Set<SocketClient>();
  const attached = new Map<(inside: EngineInside) => unknown, unknown>();
  let projectReducer: ProjectReducer | null = null;
  const arrivalListeners = new Set<ArrivalListener>();
  const probeSignIn = signInProbe(env.api);
  const notifications = createNotificationCache(core);
  core.dispatch = createCacheReducer(notifications.writes, () => {
    if (!projectReducer) throw new Error('a project action before the engine has its project part (src/live/projectPart.ts)');
    return projectReducer;
  });
  const inside: EngineInside = {
    core,
    sockets,
    connection,
    probeSignIn,
    streamSettings: (options) => ({
      core,
      sockets,
      connection: options.connection ?? connection,
      timing: options.timing,
      probeSignIn: options.probeSignIn ?? probeSignIn,
    }),
    installProjectReducer: (reducer) => void (projectReducer = reducer),
  };
  const publishArrivals = (arrived: Notification[]) => arrivalListeners.forEach((listener) => listener(arrived));

  return {
    ...core,
    clock: tickingClock(env),
    notifications,
    attach<T>(create: (inside: EngineInside) => T): T {
      if (!attached.has(create)) attached.set(create, create(inside));
      return attached.get(create) as T;
    },
    notificationStream: (options = {}) =>
      createNotificationStream({
        ...inside.streamSettings(options),
        notifications,
        onArrived: options.onArrived ?? publishArrivals,
      }),
    reconnectSockets: () => reconnectAll(sockets),
    probeSignIn,
    onArrivals(listener) {
      arrivalListeners.add(listener);
      return () => void arrivalListeners.delete(listener);
    },
    publishArrivals,
  };
}
