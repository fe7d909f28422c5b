import { expect, test, type Page } from '@playwright/test';
import { chatRegion, expectLive, openProject, openSession, openSim, sim } from './support/sim';

/*
 * The socket lifecycle as a person sees it (issue 12 item 7, issue 18 item 2): SAM closing the sockets
 * cleanly (code 1000, as its durable object does on a restart or deploy) is not the end of the stream,
 * "Reconnect now" skips the wait, and a sign-in that expires while a chat is open says so within
 * seconds and comes back to the same chat with its unsent draft.
 * (A notification arriving while a refetch is in flight: src/live/notificationCache.property.test.ts.)
 */

const indicator = (page: Page) => page.getByRole('button', { name: /^Connection: / });
const reconnectNow = (page: Page) => page.getByRole('button', { name: 'Reconnect now' });
const signedOutHeading = (page: Page) => page.getByRole('heading', { name: 'You are signed out of SAM' });

const closeAllNormally = (page: Page) => page.evaluate(() => window.__lookoutSim!.faults.closeAllNormally());

/** A value set on the window: still there after the steps below means the page never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { lookoutMark: string }).lookoutMark = 'same page'));
}
const samePage = (page: Page) => page.evaluate(() => (window as unknown as { lookoutMark?: string }).lookoutMark);

test('SAM closes the sockets with 1000: Lookout says it is reconnecting, then is live again without a reload', async ({ page }) => {
  await openSim(page);
  await markPage(page);
  // Reconnects are refused for a moment, so "Reconnecting" can be seen before it is live again.
  await sim(page).faults.blockSockets();
  expect(await closeAllNormally(page)).toBeGreaterThan(0);
  await expect(indicator(page)).toHaveAccessibleName(/^Connection: Reconnecting\./);
  await expect(reconnectNow(page)).toBeVisible();

  await sim(page).faults.unblockSockets();
  await expectLive(page);
  await expect(reconnectNow(page)).toHaveCount(0);
  expect(await samePage(page)).toBe('same page');
  await expect(signedOutHeading(page)).toHaveCount(0);
});

test('"Reconnect now" reconnects at once instead of waiting out the backoff', async ({ page }) => {
  await openSim(page);
  // Each refused attempt is followed by a sign-in check (GET /api/auth/me): count the attempts by it.
  let refusedAttempts = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/auth/me') refusedAttempts += 1;
  });
  await sim(page).faults.blockSockets();
  expect(await closeAllNormally(page)).toBeGreaterThan(0);
  await expect(reconnectNow(page)).toBeVisible();
  // After three refused attempts the next one waits at least 4 s (backoff 1, 2, 4, 8 s with half jitter).
  await expect.poll(() => refusedAttempts, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  await sim(page).faults.unblockSockets();
  await reconnectNow(page).click();
  await expectLive(page, 3_000);
  await expect(reconnectNow(page)).toHaveCount(0);
});

test('a sign-in that expires while a chat is open: signed out within seconds, and back to the chat with its draft', async ({ page }) => {
  test.slow(); // opens a project and a chat, then goes out and back: long on a shared 2-core machine
  await openSim(page);
  await openProject(page, 'lookout-web');
  const topic = 'Add a progress bar to the CSV export';
  await openSession(page, topic);
  const box = chatRegion(page).getByRole('textbox', { name: 'Message the agent' });
  const draft = `Half-written follow-up (${test.info().project.name})`;
  await box.fill(draft);
  await markPage(page);

  // SAM drops the sockets and refuses every upgrade with 401; nothing else is asked of it.
  await page.evaluate(() => window.__lookoutSim!.faults.signOut());
  await expect(signedOutHeading(page)).toBeVisible({ timeout: 5_000 });
  await expect(page.getByText('Unsent messages are kept.')).toBeVisible();

  // Still signed out: trying again says so and stays.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Still signed out')).toBeVisible();

  await page.evaluate(() => window.__lookoutSim!.faults.signIn());
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(signedOutHeading(page)).toHaveCount(0);
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(topic);
  await expect(box).toHaveValue(draft);
  await expectLive(page);
  expect(await samePage(page)).toBe('same page');
});
