import type { World } from '../world/world';
import { badRequest, objectBody, ok, type ApiRequest, type Route } from './router';

/*
 * Web Push devices and notification preferences as SAM b672af2 serves them (apps/api/src/routes/notifications.ts
 * and its NotificationService: push_subscriptions keyed by endpoint, notification_preferences rows per
 * (type, project, channel)), plus `GET /api/config/vapid-public-key`. The simulator sends no pushes: its bundle has
 * no service worker of Lookout's to receive them (MSW's worker owns the scope); these routes let the settings work.
 */

/** A valid P-256 public key (65 bytes, uncompressed point, base64url), as SAM's VAPID_PUBLIC_KEY is. */
export const SIM_VAPID_PUBLIC_KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

const NOTIFICATION_TYPES = ['task_complete', 'needs_input', 'error', 'progress', 'session_ended', 'pr_created', 'cron_failure'];
const CHANNELS = ['in_app', 'web_push'];

interface Device {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string | null;
  createdAt: number;
  updatedAt: number;
}

interface PushState {
  devices: Map<string, Device>;
  /** Keyed `${type}|${projectId ?? ''}|${channel}`, as SAM's unique index is. */
  preferences: Map<string, { notificationType: string; projectId: string | null; channel: string; enabled: boolean }>;
}

const states = new WeakMap<World, PushState>();
function stateOf(world: World): PushState {
  let state = states.get(world);
  if (!state) states.set(world, (state = { devices: new Map(), preferences: new Map() }));
  return state;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** SAM's WebPushSubscriptionSchema: an https endpoint without credentials, unpadded base64url keys. */
function httpsEndpoint(value: unknown): string {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : null;
  if (!url || url.protocol !== 'https:' || url.username || url.password) throw badRequest('endpoint must be an HTTPS URL without credentials');
  return value as string;
}

function key(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512 || !BASE64URL.test(value))
    throw badRequest(`keys.${name}: subscription keys must use unpadded base64url`);
  return value;
}

const iso = (ms: number) => new Date(ms).toISOString();
const deviceWire = (device: Device) => ({
  endpoint: device.endpoint,
  userAgent: device.userAgent,
  disabledAt: null,
  failureCount: 0,
  lastSuccessAt: null,
  createdAt: iso(device.createdAt),
  updatedAt: iso(device.updatedAt),
});

function addDevice(world: World, req: ApiRequest) {
  const body = objectBody(req);
  const endpoint = httpsEndpoint(body.endpoint);
  const keys = (body.keys ?? {}) as Record<string, unknown>;
  const now = world.clock.now();
  const devices = stateOf(world).devices;
  const held = devices.get(endpoint);
  const device: Device = {
    endpoint,
    p256dh: key(keys.p256dh, 'p256dh'),
    auth: key(keys.auth, 'auth'),
    userAgent: 'Simulated browser',
    createdAt: held?.createdAt ?? now,
    updatedAt: now,
  };
  devices.set(endpoint, device);
  return ok(deviceWire(device), 201);
}

export const pushRoutes: Route[] = [
  { method: 'GET', path: '/api/config/vapid-public-key', handle: () => ok({ publicKey: SIM_VAPID_PUBLIC_KEY }) },
  { method: 'POST', path: '/api/notifications/push/subscriptions', handle: (core, req) => addDevice(core.world, req) },
  {
    method: 'GET',
    path: '/api/notifications/push/subscriptions',
    handle: (core) => ok({ subscriptions: [...stateOf(core.world).devices.values()].sort((a, b) => b.updatedAt - a.updatedAt).map(deviceWire) }),
  },
  {
    method: 'DELETE',
    path: '/api/notifications/push/subscriptions',
    handle(core, req) {
      const endpoint = httpsEndpoint(objectBody(req).endpoint);
      return ok({ success: true, removed: stateOf(core.world).devices.delete(endpoint) });
    },
  },
  { method: 'GET', path: '/api/notifications/preferences', handle: (core) => ok({ preferences: [...stateOf(core.world).preferences.values()] }) },
  {
    method: 'PUT',
    path: '/api/notifications/preferences',
    handle(core, req) {
      const body = objectBody(req);
      const { notificationType, channel, enabled } = body;
      if (typeof notificationType !== 'string' || (notificationType !== '*' && !NOTIFICATION_TYPES.includes(notificationType)))
        throw badRequest('notificationType: Invalid type');
      if (typeof channel !== 'string' || !CHANNELS.includes(channel)) throw badRequest('channel: Invalid type');
      if (typeof enabled !== 'boolean') throw badRequest('enabled: Invalid type');
      const projectId = typeof body.projectId === 'string' ? body.projectId : null;
      stateOf(core.world).preferences.set(`${notificationType}|${projectId ?? ''}|${channel}`, { notificationType, projectId, channel, enabled });
      return ok({ success: true });
    },
  },
];
