/*
 * Lookout's service worker, built only into the live bundle as /sw.js (vite.config.ts, scripts/serviceWorker.ts)
 * and registered only there (src/app/registerServiceWorker.ts): the simulator's bundle has MSW's worker at
 * /mockServiceWorker.js instead, and the two never meet. It does three things:
 * - keeps the app shell (HTML, scripts, styles, icons) so Lookout opens offline, saying so;
 * - shows SAM's pushes as notifications, a question's options as actions;
 * - answers a question from an action, through SAM's resolve route, without opening the app.
 * SAM's API (/api) and its sockets are never intercepted. The decisions are pure: src/reconcile/pushMessages.ts.
 */
import { config } from '../api/config';
import { offlineNoticeText, withOfflineNotice } from '../reconcile/offlineShell';
import { answerForAction, clickPath, notificationAfterAnswer, notificationFromPush, resolveRequest, type ResolveOutcome } from '../reconcile/pushMessages';

/** The files of the first screen and the icons, named at build time (hashed names change with every build). */
declare const __SHELL_FILES__: string[];
declare const __SHELL_VERSION__: string;

// The few parts of the service worker scope used here (the DOM lib does not describe them).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  action: string;
  notification: Notification;
}
interface WindowClient {
  url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface WorkerScope {
  location: Location;
  registration: ServiceWorkerRegistration;
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
}

const sw = self as unknown as WorkerScope;
const SHELL_FILES: readonly string[] = __SHELL_FILES__;
const SHELL_CACHE = `lookout-shell-${__SHELL_VERSION__}`;
const SHELL_PAGE = '/index.html';
/** When the shell was last fetched from the network, kept beside it in the cache. */
const LAST_ONLINE = '/__lookout/last-online';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([...SHELL_FILES]))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('lookout-shell-') && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // SAM's API, anything not GET and other origins go straight to the network, untouched.
  if (request.method !== 'GET' || url.origin !== sw.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') return event.respondWith(navigation(request));
  // Hashed files never change: the cache answers first. Other files (icons, manifest): the network first.
  if (url.pathname.startsWith('/assets/')) return event.respondWith(cacheFirst(request));
  if (SHELL_FILES.includes(url.pathname)) event.respondWith(networkFirst(request));
});

async function navigation(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await cache.put(SHELL_PAGE, response.clone());
      await cache.put(LAST_ONLINE, new Response(String(Date.now())));
    }
    return response;
  } catch {
    const shell = await cache.match(SHELL_PAGE);
    if (!shell)
      return new Response('Lookout is offline and has not been opened on this device before.', { status: 503, headers: { 'content-type': 'text/plain' } });
    const lastOnline = Number(await (await cache.match(LAST_ONLINE))?.text());
    const notice = offlineNoticeText(Number.isFinite(lastOnline) && lastOnline > 0 ? lastOnline : null, (ms) =>
      new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
    );
    return new Response(withOfflineNotice(await shell.text(), notice), { status: 200, headers: shell.headers });
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch {
    return (await cache.match(request)) ?? Response.error();
  }
}

sw.addEventListener('push', (event) => {
  let message: unknown;
  try {
    message = event.data?.json() ?? null;
  } catch {
    return;
  }
  const shown = notificationFromPush(message);
  if (shown) event.waitUntil(sw.registration.showNotification(shown.title, shown.options));
});

sw.addEventListener('notificationclick', (event) => {
  const { notification, action } = event;
  const answer = answerForAction(notification.data, action);
  if (!answer) {
    notification.close();
    event.waitUntil(openApp(clickPath(notification.data)));
    return;
  }
  event.waitUntil(
    (async () => {
      const { url, init } = resolveRequest(answer, config.apiBaseUrl);
      let outcome: ResolveOutcome;
      try {
        const response = await fetch(url, init);
        outcome = { status: response.status, body: await response.json().catch(() => null) };
      } catch {
        outcome = { status: 0, body: null };
      }
      const after = notificationAfterAnswer({ title: notification.title, tag: notification.tag, data: notification.data }, answer, outcome);
      // Same tag: the answered notification replaces the question.
      await sw.registration.showNotification(after.title, after.options);
    })(),
  );
});

/** Focuses a Lookout window on the path (navigating it there), or opens one. */
async function openApp(path: string): Promise<void> {
  const target = new URL(path, sw.location.origin).href;
  const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === sw.location.origin);
  if (!open) {
    await sw.clients.openWindow(target);
    return;
  }
  const focused = await open.focus();
  if (focused.url !== target) await focused.navigate(target);
}
