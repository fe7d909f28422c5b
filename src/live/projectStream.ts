import { socketUrl } from '../api/config';
import { countCut, type Message, type ProjectEvent } from '../api/contract';
import { parseProjectFrame } from '../api/contract/projectFrames';
import { streamPaths } from '../api/endpoints';
import type { ConnectionSink } from '../state/connection';
import type { Stamped } from './cacheActions';
import { catchUpProject, createRefreshers } from './catchUp';
import type { LiveCore } from './core';
import type { TimerId } from './env';
import { registerLiveDefaults } from './queries';
import { replayFailedSends } from './sends';
import { createSocketClient, type SocketClient, type SocketTiming } from './socket';

/*
 * The project stream: one socket per open project, events applied in batches, catch-up after every
 * (re)connect and every sequence gap, and the safety net for what SAM never pushes (task status):
 * tasks and sessions are refreshed on focus, every SAFETY_NET_MS while live, and after a reconnect.
 */

/** How often tasks and sessions are refreshed while live, because SAM pushes no task events. */
export const SAFETY_NET_MS = 60_000;
/** Focus events come in bursts (focus + visibilitychange): refresh at most this often because of them. */
const FOCUS_REFRESH_MIN_MS = 5_000;

export interface ProjectStreamOptions {
  core: LiveCore;
  projectId: string;
  /** Started socket clients join this set (the engine reconnects them all at once). */
  sockets: Set<SocketClient>;
  connection: ConnectionSink;
  timing?: Partial<SocketTiming>;
  /** Asks whether the sign-in still holds after a refused upgrade. */
  probeSignIn: () => unknown;
}

export interface ProjectStream {
  start(): void;
  stop(): void;
  readonly socket: SocketClient;
  /** Resolves when no catch-up or refresh started so far is still running (tests). */
  settled(): Promise<void>;
}

const messagesOf = (event: ProjectEvent): readonly Message[] =>
  event.type === 'message.new' ? [event.message] : event.type === 'messages.batch' ? event.messages : [];

export function createProjectStream(options: ProjectStreamOptions): ProjectStream {
  const { core, projectId, connection } = options;
  const { client, env } = core;
  registerLiveDefaults(client, projectId);
  const refreshers = createRefreshers(client, projectId);
  const work = new Set<Promise<unknown>>();
  let safetyTimer: TimerId = null;
  let lastRefreshAt = -Infinity;
  let unsubscribeFocus: (() => void) | null = null;

  const track = <T>(promise: Promise<T>) => {
    work.add(promise);
    const done = () => void work.delete(promise);
    promise.then(done, done); // handles a rejection here too: a failed refresh is retried by the next one
    return promise;
  };

  /** A catch-up: the UI says "catching up" while it runs. */
  const catchingUp = (run: () => Promise<unknown>) => {
    connection.catchUpStarted();
    return track(run().finally(() => connection.catchUpFinished()));
  };

  function refreshAll() {
    lastRefreshAt = env.now();
    track(Promise.all([refreshers.tasks.trigger(), refreshers.sessions.trigger(), ...refreshers.openChats().map((id) => refreshers.chat(id).trigger())]));
  }

  function armSafetyNet() {
    if (safetyTimer !== null) env.clearTimeout(safetyTimer);
    safetyTimer = env.setTimeout(() => {
      safetyTimer = null;
      if (socket.status() !== 'live') return;
      refreshAll();
      armSafetyNet();
    }, SAFETY_NET_MS);
  }

  function handleEvents(events: Stamped<ProjectEvent>[]) {
    connection.contentCut?.(countCut(events.flatMap(({ event }) => messagesOf(event))));
    const followUps = core.dispatch({ type: 'projectEvents', projectId, events });
    for (const reason of followUps.skipped) connection.eventSkipped?.(reason);
    if (followUps.refetchTasks) track(refreshers.tasks.trigger());
    if (followUps.refetchSessions) track(refreshers.sessions.trigger());
    for (const sessionId of followUps.catchUpSessions) catchingUp(() => refreshers.chat(sessionId).trigger());
  }

  const socket = createSocketClient<ProjectEvent>({
    url: () => socketUrl(streamPaths.project(projectId)),
    parse: parseProjectFrame,
    // Stamped on arrival (see apply.ts), before the batch waits for its frame.
    stamp: core.stamp,
    onEvents: handleEvents,
    // Every open, the first included: REST answers that started before the socket listened may predate
    // events it will never replay. Failed sends go out again once the catch-up has confirmed what arrived.
    onOpen: () => {
      lastRefreshAt = env.now();
      catchingUp(async () => {
        await catchUpProject(client, projectId, refreshers);
        await replayFailedSends(core, projectId);
      });
    },
    onStatus: (status, at) => {
      connection.setStatus('project', status, at);
      if (status === 'live') armSafetyNet();
    },
    onDropped: (reason) => connection.frameDropped(reason),
    onIgnored: (frameType) => connection.frameIgnored(frameType),
    onUpgradeFailed: () => void options.probeSignIn(),
    env,
    sockets: options.sockets,
    timing: options.timing,
  });

  return {
    socket,
    start() {
      unsubscribeFocus = env.onFocus(() => {
        if (env.now() - lastRefreshAt >= FOCUS_REFRESH_MIN_MS) refreshAll();
      });
      socket.start();
    },
    stop() {
      unsubscribeFocus?.();
      unsubscribeFocus = null;
      if (safetyTimer !== null) env.clearTimeout(safetyTimer);
      safetyTimer = null;
      socket.stop();
    },
    async settled() {
      while (work.size > 0) await Promise.allSettled([...work]);
    },
  };
}
