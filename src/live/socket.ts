import type { FrameResult } from '../api/contract';
import type { ConnectionStatus } from '../reconcile/types';
import { DEFAULT_TIMING, backoffDelay, type SocketTiming } from './backoff';
import type { Stamped } from './cacheActions';
import { browserEnv, type LiveEnv, type TimerId, type WebSocketLike } from './env';

/**
 * A generic, React-free WebSocket client for SAM's streams (the project stream and the notification
 * stream both use it).
 *
 * ```ts
 * const client = createSocketClient({
 *   url: () => socketUrl(streamPaths.notifications()),   // read at every (re)connect
 *   parse: parseNotificationFrame,                          // validates one raw frame, never throws
 *   onEvents: (events) => dispatch(events),                  // a batch of stamped events, at most once per animation frame
 *   onOpen: ({ reconnected }) => refetchWhatWasMissed(),    // after EVERY open: SAM keeps no replay buffer
 *   onStatus: (status, at) => connectionSink.setStatus('notifications', status, at),
 *   onDropped: connectionSink.frameDropped,                 // invalid frame (reason)
 *   onIgnored: connectionSink.frameIgnored,                 // valid frame of a type nobody uses
 *   env, timing,                                            // optional: injected world (tests) / constants
 * });
 * client.start();  client.stop();  client.reconnectNow();  client.send({ type: 'ping' });  client.flush();
 * ```
 * Behaviour:
 * - Status: 'connecting' until the first open, then 'live' / 'reconnecting'; 'offline' while the browser
 *   says it is offline and after `stop()`.
 * - Reconnects with exponential backoff and jitter (`backoffDelay`: 0.5-1 s, doubling, capped at 30 s),
 *   forever, whatever the close code: SAM closes with 1000 too when its durable object restarts or
 *   deploys, so only `stop()` ends a stream. The backoff resets once a connection has stayed open
 *   `stableAfterMs`. The browser's `online` event, window focus and the tab becoming visible reconnect
 *   at once (and, on an open socket, check it with a ping); so does the engine's `reconnectSockets()`.
 * - An attempt that closes before it opened is reported to `onUpgradeFailed` with the number of such
 *   attempts in a row: a browser sees a refused upgrade (401: signed out) and a network failure alike,
 *   so the owner asks REST which it was.
 * - Sends `{type:'ping'}` every `pingIntervalMs`; no pong within `pongTimeoutMs` closes and reconnects.
 *   Pongs are consumed here and never reach `onEvents`.
 * - Invalid frames are counted through `onDropped`, never thrown. Errors thrown by callbacks go to
 *   `env.reportError` and do not stop the stream.
 */
export interface SocketClientOptions<E> {
  url: () => string;
  parse: (raw: unknown) => FrameResult<E>;
  /** Each event with the stamp taken when it was RECEIVED (before it waited for its animation frame). */
  onEvents: (events: Stamped<E>[]) => void;
  /** Stamps each valid event on arrival (default: `env.now`). */
  stamp?: () => number;
  onOpen?: (info: { reconnected: boolean; at: number }) => void;
  onStatus?: (status: ConnectionStatus, at: number) => void;
  onDropped?: (reason: string) => void;
  onIgnored?: (frameType: string) => void;
  /** An attempt closed before opening; `consecutive` counts such attempts since the last open (1, 2, ...). */
  onUpgradeFailed?: (consecutive: number) => void;
  /** Which parsed events are pongs; defaults to `type === 'pong'`. */
  isPong?: (event: E) => boolean;
  env?: Partial<LiveEnv>;
  timing?: Partial<SocketTiming>;
  /** While started, the client is a member of this set (its owner reconnects them all at once). */
  sockets?: Set<SocketClient>;
}

export interface SocketClient {
  start(): void;
  stop(): void;
  reconnectNow(): void;
  send(frame: object): boolean;
  /** Hands queued events to `onEvents` now instead of at the next scheduled flush. */
  flush(): void;
  status(): ConnectionStatus;
}

export { DEFAULT_TIMING, backoffDelay, type SocketTiming } from './backoff';

const OPEN = 1;
export const NORMAL_CLOSURE = 1000;
const CLIENT_GAVE_UP = 4000;

/** Reconnects every started socket client of a set at once (an open one is checked with a ping). */
export function reconnectAll(sockets: ReadonlySet<SocketClient>): void {
  for (const client of [...sockets]) client.reconnectNow();
}

const defaultIsPong = (event: unknown) => (event as { type?: unknown }).type === 'pong';

export function createSocketClient<E>(options: SocketClientOptions<E>): SocketClient {
  const env: LiveEnv = { ...browserEnv(), ...options.env };
  const timing: SocketTiming = { ...DEFAULT_TIMING, ...options.timing };
  const isPong = options.isPong ?? defaultIsPong;
  const stamp = options.stamp ?? env.now;

  let status: ConnectionStatus = 'offline';
  let running = false;
  let socket: WebSocketLike | null = null;
  let everOpened = false;
  let openedAt: number | null = null;
  /** Consecutive attempts since the last stable connection: the backoff exponent. */
  let failedAttempts = 0;
  /** Attempts in a row that closed before opening (refused upgrades or no network). */
  let failedUpgrades = 0;
  /** The current socket opened (its close is a drop, not a failed upgrade). */
  let socketOpened = false;
  const timers = { retry: null as TimerId, connect: null as TimerId, ping: null as TimerId, pong: null as TimerId };
  /** Valid events received and not yet handed to `onEvents`, in arrival order. */
  let queue: Stamped<E>[] = [];
  let cancelFlush: (() => void) | null = null;
  let unsubscribe: Array<() => void> = [];

  const guarded = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      env.reportError(error);
    }
  };

  function setStatus(next: ConnectionStatus) {
    if (status === next) return;
    status = next;
    guarded(() => options.onStatus?.(next, env.now()));
  }

  function clearTimer(name: keyof typeof timers) {
    if (timers[name] !== null) env.clearTimeout(timers[name]);
    timers[name] = null;
  }

  function detach(ws: WebSocketLike) {
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
  }

  function connect() {
    clearTimer('retry');
    if (!running || socket) return;
    setStatus(!env.isOnline() ? 'offline' : everOpened ? 'reconnecting' : 'connecting');
    let ws: WebSocketLike;
    try {
      ws = new env.WebSocket(options.url());
    } catch (error) {
      env.reportError(error);
      scheduleReconnect();
      return;
    }
    socket = ws;
    socketOpened = false;
    ws.onopen = () => handleOpen();
    ws.onmessage = (event) => handleFrame(event.data);
    ws.onclose = (event) => handleClose(event.code);
    ws.onerror = () => {}; // a close event always follows; it decides what happens
    timers.connect = env.setTimeout(() => abandon('connect timeout'), timing.connectTimeoutMs);
  }

  function handleOpen() {
    clearTimer('connect');
    const reconnected = everOpened;
    everOpened = true;
    socketOpened = true;
    failedUpgrades = 0;
    openedAt = env.now();
    setStatus('live');
    schedulePing();
    guarded(() => options.onOpen?.({ reconnected, at: env.now() }));
  }

  function handleClose(code: number) {
    if (socket) detach(socket);
    socket = null;
    clearTimer('connect');
    clearTimer('ping');
    clearTimer('pong');
    scheduleReconnect();
    if (!socketOpened && code !== CLIENT_GAVE_UP) {
      failedUpgrades += 1;
      const consecutive = failedUpgrades;
      guarded(() => options.onUpgradeFailed?.(consecutive));
    }
  }

  /** Closes the current socket from our side (dead or stuck) and reconnects. */
  function abandon(reason: string) {
    const ws = socket;
    if (!ws) return;
    detach(ws);
    socket = null;
    try {
      ws.close(CLIENT_GAVE_UP, reason);
    } catch {
      // already closed
    }
    handleClose(CLIENT_GAVE_UP);
  }

  function scheduleReconnect() {
    if (!running) return;
    const now = env.now();
    if (openedAt !== null && now - openedAt >= timing.stableAfterMs) failedAttempts = 0;
    openedAt = null;
    const delay = backoffDelay(failedAttempts, timing, env.random());
    failedAttempts += 1;
    setStatus(!env.isOnline() ? 'offline' : everOpened ? 'reconnecting' : 'connecting');
    clearTimer('retry');
    timers.retry = env.setTimeout(connect, delay);
  }

  function schedulePing() {
    clearTimer('ping');
    timers.ping = env.setTimeout(() => {
      ping();
      schedulePing();
    }, timing.pingIntervalMs);
  }

  function ping() {
    if (!send({ type: 'ping' })) return;
    if (timers.pong === null) timers.pong = env.setTimeout(() => abandon('pong timeout'), timing.pongTimeoutMs);
  }

  function handleFrame(raw: unknown) {
    let result: FrameResult<E>;
    try {
      result = options.parse(raw);
    } catch (error) {
      result = { kind: 'invalid', reason: error instanceof Error ? error.message : 'parse error' };
    }
    if (result.kind === 'invalid') return guarded(() => options.onDropped?.(result.reason));
    if (result.kind === 'ignored') return guarded(() => options.onIgnored?.(result.frameType));
    if (isPong(result.event)) return clearTimer('pong');
    queue.push({ event: result.event, stamp: stamp() });
    cancelFlush ??= env.scheduleFlush(flush);
  }

  function flush() {
    cancelFlush?.();
    cancelFlush = null;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    guarded(() => options.onEvents(batch));
  }

  function send(frame: object): boolean {
    if (!socket || socket.readyState !== OPEN) return false;
    try {
      socket.send(JSON.stringify(frame));
      return true;
    } catch {
      return false;
    }
  }

  function reconnectNow() {
    if (!running) return start();
    if (socket?.readyState === OPEN) return ping();
    if (socket) return; // an attempt is under way
    failedAttempts = 0;
    connect();
  }

  /** Online, focused or visible again: reconnect at once (or check an open socket). */
  function wake() {
    if (running) reconnectNow();
  }

  function start() {
    if (running) return;
    running = true;
    options.sockets?.add(client);
    unsubscribe = [
      env.onOnline(wake),
      env.onFocus(wake),
      env.onOffline(() => {
        if (socket?.readyState === OPEN) ping();
        else if (running) setStatus('offline');
      }),
    ];
    connect();
  }

  function stop() {
    running = false;
    options.sockets?.delete(client);
    for (const off of unsubscribe) off();
    unsubscribe = [];
    for (const name of Object.keys(timers) as Array<keyof typeof timers>) clearTimer(name);
    cancelFlush?.();
    cancelFlush = null;
    queue = [];
    const ws = socket;
    socket = null;
    if (ws) {
      detach(ws);
      try {
        ws.close(NORMAL_CLOSURE, 'client closed');
      } catch {
        // already closed
      }
    }
    setStatus('offline');
  }

  const client: SocketClient = { start, stop, reconnectNow, send, flush, status: () => status };
  return client;
}
