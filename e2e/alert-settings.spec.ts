import { expect, test, type Page } from '@playwright/test';
import { SIM_NOW, STREAMING_CHAT, chatRegion, freezePageClock, openFrozenWorkingChat, openProject, openSession, openSim, sim } from './support/sim';

/*
 * The panel's alert settings (issue 16 items 5 and 6), as a person notices them: the stall threshold decides
 * when a working chat that writes nothing reads "Working, silent for N min"; the question sound is off
 * until turned on, then plays once for a new question (never again for it, never for one already open on a
 * reload); and a chat gone silent raises one browser notification while the tab is in the background.
 * The page's Web Audio, vibration and Notification are counted by stubs installed before the app loads.
 */

const MIN = 60_000;
/** Long enough for a scripted agent to take its next step (each waits 0.25-1.5 s of simulated time). */
const AGENT_STEP_MS = 2_000;
const STREAMING = STREAMING_CHAT;
/** A chat of the default scenario that waits for an answer from the start. */
const ALREADY_ASKING = 'Migrate settings page to the new form components';

declare global {
  interface Window {
    __alerts?: { tones: number; vibrations: number; notifications: string[] };
  }
}

/** Counts every tone started, every vibration and every browser notification the page makes. */
async function countNoises(page: Page) {
  await page.addInitScript(() => {
    const counts = { tones: 0, vibrations: 0, notifications: [] as string[] };
    window.__alerts = counts;
    const param = { setValueAtTime() {}, exponentialRampToValueAtTime() {} };
    class CountingAudioContext {
      state = 'running';
      currentTime = 0;
      destination = {};
      resume = () => Promise.resolve();
      createOscillator = () => ({ type: 'sine', frequency: param, connect: (next: unknown) => next, start: () => void counts.tones++, stop() {} });
      createGain = () => ({ gain: param, connect: (next: unknown) => next });
    }
    Object.defineProperty(window, 'AudioContext', { configurable: true, value: CountingAudioContext });
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: () => (counts.vibrations++, true) });
    class CountingNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string) {
        counts.notifications.push(title);
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { configurable: true, value: CountingNotification });
  });
}

const noises = (page: Page) => page.evaluate(() => window.__alerts!);

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });

/** Opens the bell's panel and its "Alert settings"; returns the panel. */
async function openAlertSettings(page: Page) {
  await bell(page).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('button', { name: 'Alert settings' }).click();
  await expect(panel.getByLabel('Call a working agent silent after')).toBeVisible();
  return panel;
}

async function closePanel(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeHidden();
}

test('the stall threshold decides when a silent working chat says so', async ({ page }) => {
  const header = await openFrozenWorkingChat(page);

  const panel = await openAlertSettings(page);
  const threshold = panel.getByLabel('Call a working agent silent after');
  await expect(threshold).toHaveValue('10');
  await threshold.selectOption({ label: '5 min' });
  await closePanel(page);

  // Under the default (10 min) a chat is never silent for less than 10 min: 5 to 9 says the new threshold counts.
  await page.clock.fastForward(6 * MIN);
  await expect(header).toContainText(/Working, silent for [5-9] min/);
  await expect(page).toHaveTitle(new RegExp(`${STREAMING} \\(Working, silent for [5-9] min\\)`));

  // Never: the alarm is off, and the chat reads plain "Working" again. The choice outlives a reload.
  await (await openAlertSettings(page)).getByLabel('Call a working agent silent after').selectOption({ label: 'Never' });
  await closePanel(page);
  await expect(header).not.toContainText('silent');
  await page.reload();
  await expect(chatRegion(page).locator('header')).toContainText('Working');
  await page.clock.fastForward(30 * MIN);
  await expect(chatRegion(page).locator('header')).not.toContainText('silent');
  await expect(page).toHaveTitle(new RegExp(`${STREAMING} \\(Working\\)`));
});

test('the question sound is off by default: a new question makes no noise', async ({ page }) => {
  await countNoises(page);
  await freezePageClock(page);
  await openSim(page);
  await openProject(page, 'lookout-web');
  const panel = await openAlertSettings(page);
  await expect(panel.getByRole('switch', { name: /^Sound and vibration/ })).toHaveAttribute('aria-checked', 'false');
  await closePanel(page);

  const before = await bell(page).getAttribute('aria-label');
  const [session] = await sim(page).world.sessions(STREAMING);
  await sim(page).fleet.askNow(session!.id, 'Which backoff cap?', ['30 s', '5 min']);
  await sim(page).clock.advance(AGENT_STEP_MS);
  await expect(bell(page)).not.toHaveAccessibleName(before ?? '');
  expect(await noises(page)).toMatchObject({ tones: 0, vibrations: 0 });
});

test('turned on, a new question plays the tone and vibrates exactly once; one already open on load is quiet', async ({ page }) => {
  await countNoises(page);
  await freezePageClock(page);
  await openSim(page);
  const sound = (await openAlertSettings(page)).getByRole('switch', { name: /^Sound and vibration/ });
  await sound.click();
  await expect(sound).toHaveAttribute('aria-checked', 'true');
  // The click plays a sample: the person hears what to expect.
  await expect.poll(async () => (await noises(page)).tones).toBe(1);

  // A reload (a fresh simulated world, the choice kept on this device) with a chat already waiting for an
  // answer: opening its project and the chat is not news.
  await page.reload();
  await expect(bell(page)).toHaveAccessibleName(/^Notifications, [1-9]\d* need attention$/);
  await openProject(page, 'lookout-web');
  await openSession(page, ALREADY_ASKING);
  await expect(chatRegion(page).locator('header')).toContainText('Needs you');
  await sim(page).clock.advance(AGENT_STEP_MS);
  expect(await noises(page)).toMatchObject({ tones: 0, vibrations: 0 });

  const [session] = await sim(page).world.sessions(STREAMING);
  await sim(page).fleet.askNow(session!.id, 'Which backoff cap?', ['30 s', '5 min']);
  await sim(page).clock.advance(AGENT_STEP_MS);
  // The question reaches the page twice (the chat's attention frame and the needs_input notification): one tone.
  await expect.poll(async () => (await noises(page)).tones).toBe(1);
  await expect.poll(async () => (await noises(page)).vibrations).toBe(1);
  await openSession(page, STREAMING);
  await expect(chatRegion(page).locator('header')).toContainText('Needs you');
  await sim(page).clock.advance(10 * AGENT_STEP_MS);
  expect(await noises(page)).toMatchObject({ tones: 1, vibrations: 1 });
});

test('with browser notifications on, a chat gone silent raises one notification while the tab is hidden, not one per tick', async ({ page }) => {
  await countNoises(page);
  await page.clock.install({ time: SIM_NOW });
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, STREAMING);
  const notifications = (await openAlertSettings(page)).getByRole('switch', { name: /^Browser notifications/ });
  await notifications.click();
  await expect(notifications).toHaveAttribute('aria-checked', 'true');
  await closePanel(page);

  await page.evaluate(() => Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' }));
  await page.clock.fastForward(11 * MIN);
  await expect(chatRegion(page).locator('header')).toContainText(/Working, silent for \d+ min/);
  // Every working chat of the project went silent at once (the simulated agents are frozen): one each.
  const silentChat = new RegExp(`^${STREAMING} is silent for \\d+ min$`);
  await expect.poll(async () => (await noises(page)).notifications).toContainEqual(expect.stringMatching(silentChat));
  const first = (await noises(page)).notifications;
  expect(new Set(first.map((title) => title.replace(/ is silent for .*/, ''))).size).toBe(first.length);
  // Ticks go by (the clock re-reads every 30 s): the same silences are not announced again.
  await page.clock.fastForward(5 * MIN);
  await expect(chatRegion(page).locator('header')).toContainText(/Working, silent for 1\d min/);
  expect((await noises(page)).notifications).toEqual(first);
});
