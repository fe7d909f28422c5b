import type { PushSubscriptionInput } from '../../api/contract/push';

/*
 * This browser's side of Web Push: the app's service worker registration (live builds only: the simulator's
 * bundle registers MSW's worker, never Lookout's) and its PushManager subscription.
 */

export type PushSupport = 'supported' | 'simulated' | 'unsupported';

export function pushSupport(): PushSupport {
  if (__SIMULATED__) return 'simulated';
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof PushManager !== 'undefined' && typeof Notification !== 'undefined'
    ? 'supported'
    : 'unsupported';
}

/** The app's own registration (scope '/'), or null while none is installed (dev server, first load still registering). */
async function appRegistration(): Promise<ServiceWorkerRegistration | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return registration?.active ? registration : ((await navigator.serviceWorker.ready) ?? null);
}

/** The endpoint this browser pushes to, if it is subscribed. */
export async function currentEndpoint(): Promise<string | null> {
  if (pushSupport() !== 'supported') return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription())?.endpoint ?? null;
}

/** SAM's VAPID key (raw base64url) as the bytes `applicationServerKey` takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Subscribes this browser with SAM's key; returns what SAM's POST takes. Asks for permission first (on the person's click). */
export async function subscribeThisDevice(vapidPublicKey: string): Promise<PushSubscriptionInput> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted')
    throw new Error(permission === 'denied' ? 'Notifications are blocked for this site in the browser settings.' : 'Notifications were not allowed.');
  const registration = await appRegistration();
  if (!registration) throw new Error('Lookout’s service worker is not installed yet; reload the page and try again.');
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(vapidPublicKey) });
  const json = subscription.toJSON();
  if (!json.endpoint || !json.keys?.p256dh || !json.keys.auth) throw new Error('The browser gave a subscription without keys.');
  return { endpoint: json.endpoint, expirationTime: json.expirationTime ?? null, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } };
}

export async function unsubscribeThisDevice(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
}
