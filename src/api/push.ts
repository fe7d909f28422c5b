import {
  NotificationPreferencesSchema,
  PushDeviceListSchema,
  PushDeviceSchema,
  PushRemovedSchema,
  VapidKeySchema,
  type PreferenceUpdate,
  type PushSubscriptionInput,
} from './contract/push';
import { OkResponseSchema } from './contract';
import { request } from './http';
import { keys } from './queries';

/*
 * SAM's push and preference routes (src/api/contract/push.ts). A module of its own, beside endpoints.ts, so the
 * routes and their schemas load with the alert settings, their one reader, and not with the first screen.
 */

export const pushKeys = {
  vapidKey: () => [...keys.all, 'push', 'vapid-key'] as const,
  devices: () => [...keys.all, 'push', 'devices'] as const,
  preferences: () => [...keys.all, 'notification-preferences'] as const,
};

const DEVICES = '/api/notifications/push/subscriptions';

export const pushApi = {
  vapidKey: (signal?: AbortSignal) => request('/api/config/vapid-public-key', { schema: VapidKeySchema, signal }),
  devices: (signal?: AbortSignal) => request(DEVICES, { schema: PushDeviceListSchema, signal }),
  addDevice: (subscription: PushSubscriptionInput) => request(DEVICES, { schema: PushDeviceSchema, method: 'POST', body: subscription }),
  removeDevice: (endpoint: string) => request(DEVICES, { schema: PushRemovedSchema, method: 'DELETE', body: { endpoint } }),
  preferences: (signal?: AbortSignal) => request('/api/notifications/preferences', { schema: NotificationPreferencesSchema, signal }),
  setPreference: (update: PreferenceUpdate) => request('/api/notifications/preferences', { schema: OkResponseSchema, method: 'PUT', body: update }),
};
