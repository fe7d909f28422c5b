import { expect, test, type Page } from '@playwright/test';
import { openSim } from './support/sim';

/*
 * Push settings in the simulated app (issue 16 item 3): which kinds SAM pushes are switched through SAM's
 * preference route (the simulator serves it as SAM does), and this device cannot subscribe here, since the
 * simulated bundle has only MSW's service worker and never Lookout's. The real routes, the subscription and
 * a push answered from its action are proven against SAM itself in e2e/sam/push.spec.ts.
 */

async function openAlertSettings(page: Page) {
  await page.getByRole('button', { name: /^Notifications, / }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  await panel.getByRole('button', { name: 'Alert settings' }).click();
  await expect(panel.getByRole('heading', { name: 'Push notifications' })).toBeVisible();
  return panel;
}

/** The simulated SAM's stored preferences, read as the app reads them (through MSW). */
const storedPreferences = (page: Page) =>
  page.evaluate(() => fetch('/api/notifications/preferences').then((res) => res.json() as Promise<{ preferences: Record<string, unknown>[] }>));

test("which kinds SAM pushes is SAM's web_push preference, switched from the alert settings", async ({ page }) => {
  await openSim(page);
  const panel = await openAlertSettings(page);
  const pushed = panel.getByRole('group', { name: 'What SAM pushes' });
  // With no stored rows SAM pushes every kind.
  for (const name of ['Questions from agents', 'Failed tasks', 'Finished tasks'])
    await expect(pushed.getByRole('switch', { name })).toHaveAttribute('aria-checked', 'true');

  const failed = pushed.getByRole('switch', { name: 'Failed tasks' });
  await failed.focus();
  await page.keyboard.press('Enter');
  await expect(failed).toHaveAttribute('aria-checked', 'false');
  await expect
    .poll(async () => (await storedPreferences(page)).preferences)
    .toEqual([{ notificationType: 'error', projectId: null, channel: 'web_push', enabled: false }]);
  await failed.click();
  await expect(failed).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await storedPreferences(page)).preferences[0]?.enabled).toBe(true);

  // No device switch in the simulator: it says why instead.
  await expect(panel.getByRole('switch', { name: /^Push to this device/ })).toHaveCount(0);
  await expect(panel).toContainText('Pushes need Lookout’s live build');
  await expect(panel).toContainText('No other device gets pushes.');
});

test('a refused preference change is taken back and said', async ({ page }) => {
  await openSim(page);
  const panel = await openAlertSettings(page);
  // The simulated SAM refuses the next PUT (its fault injection: the page's fetches are answered by MSW's worker).
  await page.evaluate(() => window.__lookoutSim!.faults.failNextRequests(500, 1, 'PUT /api/notifications/preferences'));
  const questions = panel.getByRole('group', { name: 'What SAM pushes' }).getByRole('switch', { name: 'Questions from agents' });
  await questions.click();
  await expect(panel.getByRole('alert')).toContainText('Simulated server failure');
  await expect(questions).toHaveAttribute('aria-checked', 'true');
});
