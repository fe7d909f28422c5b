import { api } from '../api/endpoints';

/*
 * The outside world of src/live, injected in one object so that tests drive it by hand: SAM's routes,
 * clock, timers, randomness, ids, the WebSocket constructor, the frame scheduler, and the browser's
 * online/visibility/focus signals, and the storage the query cache is persisted in. `browserEnv()` is the real one; tests override parts of it (see
 * src/live/testing/fakeEnv.ts) when they create the engine (src/live/engine.ts).
 */

/** SAM's routes (api/endpoints); tests replace some of them. */
export type LiveApi = typeof api;

export type TimerId = unknown;

/** The part of the WebSocket API the socket client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * An async key-value store for values the browser can structured-clone (Maps included). The browser's is
 * IndexedDB (src/live/persist/idbStorage.ts, loaded on first use); tests use an in-memory fake.
 */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export interface LiveEnv {
  api: LiveApi;
  /** Where the query cache is persisted between visits (src/live/persist/). */
  storage: KeyValueStorage;
  WebSocket: WebSocketConstructor;
  /** The one clock of the app: stamps, timers, "2 min ago", stale reasons and the stall timer all read it. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  random(): number;
  /** A fresh id for something Lookout creates (an optimistic send). */
  newId(): string;
  /** Runs `callback` once, soon (next animation frame); returns a cancel function. */
  scheduleFlush(callback: () => void): () => void;
  isOnline(): boolean;
  isVisible(): boolean;
  onOnline(callback: () => void): () => void;
  onOffline(callback: () => void): () => void;
  /** The tab became visible again. */
  onVisible(callback: () => void): () => void;
  /** The window got focus or the tab became visible: a moment to refresh what SAM does not push. */
  onFocus(callback: () => void): () => void;
  /** An error thrown by a consumer callback: reported, never allowed to stop the stream. */
  reportError(error: unknown): void;
}

/**
 * Background tabs get no animation frames, so a frame flush also runs after FLUSH_FALLBACK_MS; whichever
 * fires first wins, so events still flush at most once per frame and never pile up in a hidden tab.
 */
const FLUSH_FALLBACK_MS = 250;

function listen(target: EventTarget | undefined, type: string, callback: () => void): () => void {
  if (!target) return () => {};
  target.addEventListener(type, callback);
  return () => target.removeEventListener(type, callback);
}

function randomId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `local-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** IndexedDB, its code fetched by the first call (the persister's chunk asks at startup). */
function indexedDbStorage(): KeyValueStorage {
  const idb = () => import('./persist/idbStorage');
  return {
    get: async (key) => (await idb()).get(key),
    set: async (key, value) => (await idb()).set(key, value),
    del: async (key) => (await idb()).del(key),
    keys: async () => (await idb()).keys(),
  };
}

export function browserEnv(): LiveEnv {
  const win = typeof window === 'undefined' ? undefined : window;
  const doc = typeof document === 'undefined' ? undefined : document;
  const isVisible = () => doc?.visibilityState !== 'hidden';
  const onVisible = (callback: () => void) =>
    listen(doc, 'visibilitychange', () => {
      if (isVisible()) callback();
    });
  return {
    api,
    storage: indexedDbStorage(),
    WebSocket: globalThis.WebSocket as unknown as WebSocketConstructor,
    now: () => Date.now(),
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
    random: Math.random,
    newId: randomId,
    scheduleFlush(callback) {
      let done = false;
      const run = () => {
        if (done) return;
        done = true;
        cancel();
        callback();
      };
      const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : null;
      const timer = globalThis.setTimeout(run, FLUSH_FALLBACK_MS);
      function cancel() {
        done = true;
        if (frame !== null) cancelAnimationFrame(frame);
        globalThis.clearTimeout(timer);
      }
      return cancel;
    },
    isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false),
    isVisible,
    onOnline: (callback) => listen(win, 'online', callback),
    onOffline: (callback) => listen(win, 'offline', callback),
    onVisible,
    onFocus: (callback) => {
      const offFocus = listen(win, 'focus', callback);
      const offVisible = onVisible(callback);
      return () => {
        offFocus();
        offVisible();
      };
    },
    reportError: (error) => {
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
      else console.error(error);
    },
  };
}
