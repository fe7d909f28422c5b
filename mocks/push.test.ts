import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NotificationPreferencesSchema, PushDeviceListSchema, PushDeviceSchema, PushRemovedSchema, VapidKeySchema } from '../src/api/contract/push';
import { createTestSimulator, type TestSimulator } from './node';

/* The simulator's push and preference routes answer as SAM's do, in shapes Lookout's schemas read. */

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(sim!.url(path), {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

const device = { endpoint: 'https://push.example/send/abc', expirationTime: null, keys: { p256dh: 'BNcR-1', auth: 'tBHI_2' } };

describe('push devices', () => {
  it('adds a device (201), lists it, replaces it by endpoint, and removes it once', async () => {
    sim = createTestSimulator({ scenario: 'default', seed: 1 });
    expect(v.parse(VapidKeySchema, (await call('GET', '/api/config/vapid-public-key')).body).publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const added = await call('POST', '/api/notifications/push/subscriptions', device);
    expect(added.status).toBe(201);
    expect(v.parse(PushDeviceSchema, added.body).endpoint).toBe(device.endpoint);
    await call('POST', '/api/notifications/push/subscriptions', { ...device, keys: { p256dh: 'other', auth: 'keys' } });
    const listed = v.parse(PushDeviceListSchema, (await call('GET', '/api/notifications/push/subscriptions')).body);
    expect(listed.subscriptions.map((d) => d.endpoint)).toEqual([device.endpoint]);
    const removed = await call('DELETE', '/api/notifications/push/subscriptions', { endpoint: device.endpoint });
    expect(v.parse(PushRemovedSchema, removed.body)).toEqual({ success: true, removed: true });
    const again = await call('DELETE', '/api/notifications/push/subscriptions', { endpoint: device.endpoint });
    expect(v.parse(PushRemovedSchema, again.body).removed).toBe(false);
  });

  it("refuses what SAM's schema refuses: a plain-http endpoint, padded keys", async () => {
    sim = createTestSimulator({ scenario: 'default', seed: 1 });
    expect((await call('POST', '/api/notifications/push/subscriptions', { ...device, endpoint: 'http://push.example/x' })).status).toBe(400);
    expect((await call('POST', '/api/notifications/push/subscriptions', { ...device, keys: { p256dh: 'abc=', auth: 'x' } })).status).toBe(400);
  });
});

describe('notification preferences', () => {
  it('keeps one row per type, project and channel; an unknown type or channel is a 400', async () => {
    sim = createTestSimulator({ scenario: 'default', seed: 1 });
    expect(v.parse(NotificationPreferencesSchema, (await call('GET', '/api/notifications/preferences')).body).preferences).toEqual([]);
    expect((await call('PUT', '/api/notifications/preferences', { notificationType: 'progress', channel: 'web_push', enabled: false })).body).toEqual({
      success: true,
    });
    await call('PUT', '/api/notifications/preferences', { notificationType: 'progress', channel: 'web_push', enabled: true });
    await call('PUT', '/api/notifications/preferences', { notificationType: 'error', channel: 'web_push', enabled: false });
    const { preferences } = v.parse(NotificationPreferencesSchema, (await call('GET', '/api/notifications/preferences')).body);
    expect(preferences).toEqual([
      { notificationType: 'progress', projectId: null, channel: 'web_push', enabled: true },
      { notificationType: 'error', projectId: null, channel: 'web_push', enabled: false },
    ]);
    expect((await call('PUT', '/api/notifications/preferences', { notificationType: 'gossip', channel: 'web_push', enabled: true })).status).toBe(400);
    expect((await call('PUT', '/api/notifications/preferences', { notificationType: 'error', channel: 'sms', enabled: true })).status).toBe(400);
  });
});
