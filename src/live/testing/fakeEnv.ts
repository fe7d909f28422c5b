import type { LiveEnv, TimerId, WebSocketLike } from '../env';
import { memoryStorage } from './memoryStorage';

/*
 * A hand-driven LiveEnv for tests: a virtual clock with timers, a seeded random source, a frame
 * scheduler that flushes only when told to, browser signals you fire yourself, and a fake WebSocket
 * whose server side the test plays. Nothing here touches real time or the network.
 */

export class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  readonly sent: string[] = [];
  closedWith: { code?: number; reason?: string } | null = null;

  constructor(readonly url: string) {}

  send(data: string) {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }

  // ---- the server side ----
  serverOpen() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSend(frame: unknown) {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  serverClose(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  sentTypes(): string[] {
    return this.sent.map((raw) => (JSON.parse(raw) as { type: string }).type);
  }
}

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export interface FakeEnv extends Omit<LiveEnv, 'api'> {
  sockets: FakeSocket[];
  latestSocket(): FakeSocket;
  /** Advances the clock by `ms`, running due timers in time order. */
  advance(ms: number): void;
  /** Time until the next timer, or null. */
  nextTimerIn(): number | null;
  pendingTimers(): number;
  /** Runs the scheduled frame flush, if any. */
  runFrame(): void;
  frameScheduled(): boolean;
  setOnline(online: boolean): void;
  setVisible(visible: boolean): void;
  focus(): void;
  errors: unknown[];
}

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFakeEnv(options: { start?: number; random?: () => number; autoPong?: boolean } = {}): FakeEnv {
  let ids = 0;
  let now = options.start ?? 1_700_000_000_000;
  let nextId = 1;
  let timers: Timer[] = [];
  let frame: (() => void) | null = null;
  let online = true;
  let visible = true;
  const listeners = { online: new Set<() => void>(), offline: new Set<() => void>(), visible: new Set<() => void>(), focus: new Set<() => void>() };
  const sockets: FakeSocket[] = [];
  const subscribe = (set: Set<() => void>) => (callback: () => void) => {
    set.add(callback);
    return () => set.delete(callback);
  };
  const fire = (set: Set<() => void>) => [...set].forEach((callback) => callback());

  const env: FakeEnv = {
    storage: memoryStorage(),
    WebSocket: class extends FakeSocket {
      constructor(url: string) {
        super(url);
        sockets.push(this);
      }
      override send(data: string) {
        super.send(data);
        // A server that answers pings, a moment later (on the virtual clock).
        if (options.autoPong && data.includes('"ping"')) env.setTimeout(() => this.serverSend({ type: 'pong' }), 0);
      }
    },
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { id: nextId++, at: now + Math.max(0, ms), callback };
      timers.push(timer);
      return timer.id;
    },
    clearTimeout(id: TimerId) {
      timers = timers.filter((timer) => timer.id !== id);
    },
    random: options.random ?? seededRandom(1),
    newId: () => `local-${(ids += 1)}`,
    scheduleFlush(callback) {
      frame = callback;
      return () => {
        if (frame === callback) frame = null;
      };
    },
    isOnline: () => online,
    isVisible: () => visible,
    onOnline: subscribe(listeners.online),
    onOffline: subscribe(listeners.offline),
    onVisible: subscribe(listeners.visible),
    onFocus: subscribe(listeners.focus),
    errors: [],
    reportError(error) {
      env.errors.push(error);
    },
    sockets,
    latestSocket() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was opened');
      return socket;
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        now = Math.max(now, due.at);
        due.callback();
      }
      now = until;
    },
    nextTimerIn() {
      if (timers.length === 0) return null;
      return Math.min(...timers.map((timer) => timer.at)) - now;
    },
    pendingTimers: () => timers.length,
    runFrame() {
      const callback = frame;
      frame = null;
      callback?.();
    },
    frameScheduled: () => frame !== null,
    setOnline(value) {
      online = value;
      fire(value ? listeners.online : listeners.offline);
    },
    setVisible(value) {
      visible = value;
      if (value) {
        fire(listeners.visible);
        fire(listeners.focus);
      }
    },
    focus: () => fire(listeners.focus),
  };
  return env;
}
