import { expect, test, type Page, type Worker } from '@playwright/test';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mcpTool, sam, sessionDetail, world } from './support/sam';
import { retryOnlyWhenSamWentDown } from './support/crashes';

/*
 * Web Push through SAM's own routes, with Lookout's live bundle and its service worker (/sw.js):
 * this device subscribes and unsubscribes, the per-type preferences change, and a question pushed to the
 * worker is answered from its notification's action, without opening the app.
 *
 * Headless Chromium has no push service offline, so `PushManager.subscribe` would fail: the page's
 * PushManager is stubbed to hand out a subscription of the test's making (an https endpoint that goes
 * nowhere, a real P-256 key and auth secret, as SAM validates them), so that the app's POST reaches SAM's
 * real route. SAM cannot deliver to that endpoint, so the push is delivered to the worker through the
 * DevTools protocol (`ServiceWorker.deliverPushMessage`) with the payload SAM builds for its notification
 * (apps/api/src/durable-objects/notification-push.ts), and the action's click is dispatched inside the worker.
 */

test.skip(({ isMobile }) => isMobile, "changes SAM's world: runs once, at desktop width");
retryOnlyWhenSamWentDown();

const chat = world.extraChats.push;

interface Device {
  endpoint: string;
}

function fakeSubscription() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    endpoint: `https://push.lookout.invalid/e2e/${randomBytes(8).toString('hex')}`,
    expirationTime: null,
    keys: {
      p256dh: Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]).toString('base64url'),
      auth: randomBytes(16).toString('base64url'),
    },
  };
}

type Subscription = ReturnType<typeof fakeSubscription>;

/** The page's PushManager hands out `fake` (see the note above): subscribe, getSubscription, unsubscribe. */
async function stubPushManager(page: Page, fake: Subscription) {
  await page.addInitScript((json: Subscription) => {
    let current: PushSubscription | null = null;
    const subscription = {
      endpoint: json.endpoint,
      expirationTime: null,
      options: { userVisibleOnly: true, applicationServerKey: null },
      getKey: () => null,
      toJSON: () => json,
      unsubscribe: async () => {
        current = null;
        return true;
      },
    } as unknown as PushSubscription;
    PushManager.prototype.subscribe = async () => (current = subscription);
    PushManager.prototype.getSubscription = async () => current;
  }, fake);
}

const devices = () => sam<{ subscriptions: Device[] }>('/api/notifications/push/subscriptions').then((body) => body.subscriptions.map((d) => d.endpoint));
const pushPreference = (type: string) =>
  sam<{ preferences: { notificationType: string; projectId: string | null; channel: string; enabled: boolean }[] }>('/api/notifications/preferences').then(
    (body) => body.preferences.find((p) => p.notificationType === type && p.projectId === null && p.channel === 'web_push')?.enabled,
  );

async function openAlertSettings(page: Page) {
  await page.getByRole('button', { name: /^Notifications/ }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('button', { name: 'Alert settings' }).click();
  return panel;
}

test("this device subscribes and unsubscribes, and SAM's push preferences change, through SAM's own routes", async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  const fake = fakeSubscription();
  await stubPushManager(page, fake);
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const panel = await openAlertSettings(page);
  const device = panel.getByRole('switch', { name: /^Push to this device/ });

  await device.click();
  await expect(device).toHaveAttribute('aria-checked', 'true');
  expect(await devices(), 'SAM holds this browser').toContain(fake.endpoint);

  const finished = panel.getByRole('group', { name: 'What SAM pushes' }).getByRole('switch', { name: 'Finished tasks' });
  const before = (await pushPreference('task_complete')) ?? true;
  await expect(finished).toHaveAttribute('aria-checked', String(before));
  await finished.click();
  await expect(finished).toHaveAttribute('aria-checked', String(!before));
  await expect.poll(() => pushPreference('task_complete'), { message: "SAM's web_push row for task_complete" }).toBe(!before);
  await finished.click();
  await expect.poll(() => pushPreference('task_complete')).toBe(before);

  await device.click();
  await expect(device).toHaveAttribute('aria-checked', 'false');
  expect(await devices(), 'SAM no longer holds this browser').not.toContain(fake.endpoint);
});

/** The DevTools protocol's ServiceWorker domain, and the registration id of the page's worker. */
async function serviceWorkerDomain(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const scope = new URL('/', page.url()).href;
  const registration = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r) => !r.isDeleted && r.scopeURL === scope);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  return { cdp, registrationId: await registration };
}

interface SamNotification {
  type: string;
  sessionId: string | null;
  title: string;
  body: string | null;
  actionUrl: string | null;
  metadata: Record<string, unknown>;
}

/** SAM's push for a notification (buildDeclarativeWebPushPayload, on SAM's app origin https://app.<BASE_DOMAIN>). */
function samPushPayload(notification: SamNotification) {
  const origin = 'https://app.sam.localtest';
  const navigate = new URL(notification.actionUrl ?? '/', origin).href;
  const options = (notification.metadata.options as string[]) ?? [];
  const marker = String(notification.metadata.attentionMarkerId);
  return {
    web_push: 8030,
    notification: {
      title: notification.title,
      body: notification.body ?? notification.title,
      navigate,
      app_badge: '1',
      actions: options.slice(0, 2).map((option, index) => ({
        action: `answer-${index}`,
        title: option.slice(0, 40),
        navigate: `${navigate}#${new URLSearchParams({ attentionMarker: marker, attentionAnswer: option })}`,
      })),
    },
  };
}

/** The worker's notifications for a tag, as it shows them. */
const shownNotifications = (worker: Worker, tag: string) =>
  worker.evaluate(async (t) => {
    const scope = self as unknown as { registration: ServiceWorkerRegistration };
    const list = await scope.registration.getNotifications({ tag: t });
    return list.map((n) => ({
      title: n.title,
      body: n.body,
      actions: (n as unknown as { actions: { action: string; title: string }[] }).actions.map(({ action, title }) => ({ action, title })),
    }));
  }, tag);

test("a question pushed to the worker is answered from its action, by SAM's resolve route, without opening the app", async ({ page, context }) => {
  await context.grantPermissions(['notifications']);
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/sw.js')) ?? (await context.waitForEvent('serviceworker'));

  // The chat's agent asks, through SAM's MCP tool; SAM records a marker and a needs_input notification.
  const question = `Ship the release now? (asked at ${Date.now()})`;
  await mcpTool('request_human_input', { context: question, category: 'decision', options: ['Yes', 'No, wait'] }, world.pushMcpToken);
  let full: SamNotification | undefined;
  await expect
    .poll(async () => {
      const feed = await sam<{ notifications: SamNotification[] }>(`/api/notifications?limit=100`);
      full = feed.notifications.find((n) => n.type === 'needs_input' && n.sessionId === chat.sessionId && n.body === question);
      return full !== undefined;
    })
    .toBe(true);
  if (!full) throw new Error('no needs_input notification');
  const markerId = String(full.metadata.attentionMarkerId);
  test.info().annotations.push({ type: 'sam', description: `needs_input notification: ${JSON.stringify(full).slice(0, 400)}` });

  const payload = samPushPayload(full);
  const tag = `question:${markerId}`;
  const { cdp, registrationId } = await serviceWorkerDomain(page);
  const deliveredAt = Date.now();
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(page.url()).origin, registrationId, data: JSON.stringify(payload) });
  await expect
    .poll(() => shownNotifications(worker, tag))
    .toEqual([
      {
        title: full.title,
        body: question,
        actions: [
          { action: 'answer-0', title: 'Yes' },
          { action: 'answer-1', title: 'No, wait' },
        ],
      },
    ]);
  const shownMs = Date.now() - deliveredAt;

  // The person picks "Yes" on the notification: the worker's notificationclick, with that action.
  const clickedAt = Date.now();
  const outcome = await worker.evaluate(async (t) => {
    const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
    const [notification] = await scope.registration.getNotifications({ tag: t });
    const NotificationEventClass = (self as unknown as { NotificationEvent: new (type: string, init: object) => Event }).NotificationEvent;
    const event = new NotificationEventClass('notificationclick', { notification, action: 'answer-0' });
    // A dispatched event is not trusted, and its own waitUntil refuses work: this one collects it instead.
    const work: Promise<unknown>[] = [];
    Object.defineProperty(event, 'waitUntil', { value: (promise: Promise<unknown>) => work.push(promise) });
    scope.dispatchEvent(event);
    await Promise.all(work);
    const [after] = await scope.registration.getNotifications({ tag: t });
    return {
      body: after?.body ?? null,
      windows: (await (self as unknown as { clients: { matchAll(o: object): Promise<unknown[]> } }).clients.matchAll({ type: 'window' })).length,
    };
  }, tag);
  const answeredMs = Date.now() - clickedAt;
  test.info().annotations.push({
    type: 'figure',
    description: `CDP push -> notification shown: ${shownMs} ms; action -> SAM answered and the notification updated: ${answeredMs} ms (total ${Date.now() - deliveredAt} ms)`,
  });
  test.info().annotations.push({ type: 'sam', description: `notification after the answer: ${outcome.body}` });
  // The app was not opened or navigated: still the one window, on the home page.
  expect(outcome.windows).toBe(1);
  await expect(page).toHaveURL(/\/$/);

  // What SAM shows for the marker: answered, or (offline, with no VM agent to deliver to) holding this answer.
  const detail = await sessionDetail(chat.sessionId);
  const open = (detail.session.attention as { markerId?: string } | null)?.markerId === markerId;
  if (outcome.body === 'Answered: Yes') {
    expect(open, 'SAM resolved the marker').toBe(false);
  } else {
    // SAM claims a marker for the first answer before it tries the agent, and keeps the claim when delivery
    // fails (an approval is never replayed): another option is refused, the same one is "in flight".
    expect(outcome.body).toMatch(/^Not answered: .+ Open the chat to answer\.$/);
    const other = await sam<{ error?: string; message?: string }>(`/api/projects/${world.projectId}/sessions/${chat.sessionId}/attention/${markerId}/resolve`, {
      body: { answer: 'No, wait' },
      expect: [409],
    });
    expect(other.message).toBe('A different answer is already being delivered');
    const same = await sam<{ inFlight?: boolean; answer?: string }>(
      `/api/projects/${world.projectId}/sessions/${chat.sessionId}/attention/${markerId}/resolve`,
      {
        body: { answer: 'Yes' },
        expect: [202],
      },
    );
    expect(same).toMatchObject({ inFlight: true, answer: 'Yes' });
  }
});
