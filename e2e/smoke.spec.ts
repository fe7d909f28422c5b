import { expect, test, type Page } from '@playwright/test';
import { chatRegion, expectLive, openProject, openSession, openSim, sessionLinkName, sim } from './support/sim';

/* The app starts, shows its projects and a project at both widths, keeps its theme, and is live. */

test('the app loads and shows the projects page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: /projects/i })).toBeVisible();
  await expect(page).toHaveTitle(/Lookout/);
});

test('the projects page lists every project of the world', async ({ page }) => {
  await openSim(page);
  const names = await sim(page).world.projectNames();
  expect(names.length).toBeGreaterThan(1);
  const cards = page.getByRole('main').getByRole('listitem');
  await expect(cards).toHaveCount(names.length);
  for (const name of names) await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
  await expect(page.getByRole('link', { name: /^lookout-web acme\/lookout-web Needs you \d+ Working \d+ Failed \d+/ })).toBeVisible();
});

test.describe('the project view', () => {
  test('desktop: the sidebar lists the chats beside the chat column', async ({ page, isMobile }) => {
    test.skip(isMobile, 'the wide layout');
    await openSim(page);
    await openProject(page, 'lookout-web');
    const sidebar = page.getByRole('complementary', { name: 'Chats' });
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('searchbox', { name: 'Search chats by topic' })).toBeVisible();
    await expect(sidebar.getByRole('heading', { name: /^Working \(\d+\)$/ })).toBeVisible();
    await expect(chatRegion(page)).toContainText('No chat open');
    await expect(page.getByRole('button', { name: 'Chats', exact: true })).toHaveCount(0);

    await openSession(page, 'Fix flaky session list test on CI');
    await expect(sidebar).toBeVisible();
    await expect(sidebar.getByRole('link', { name: sessionLinkName('Fix flaky session list test on CI') })).toHaveAttribute('aria-current', 'page');
  });

  test('phone: the list first, then the chat with the list in a drawer', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'the narrow layout');
    await openSim(page);
    await openProject(page, 'lookout-web');
    const list = page.getByRole('complementary', { name: 'Chats' });
    await expect(list).toBeVisible();
    await expect(chatRegion(page)).toHaveCount(0);

    await list.getByRole('link', { name: sessionLinkName('Fix flaky session list test on CI') }).click();
    await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText('Fix flaky session list test on CI');
    await expect(list).toHaveCount(0);

    const drawerButton = page.getByRole('button', { name: 'Chats', exact: true });
    await expect(drawerButton).toHaveAttribute('aria-expanded', 'false');
    await drawerButton.click();
    const drawer = page.getByRole('dialog', { name: 'Chats' });
    await expect(drawer).toBeVisible();
    await expect(drawerButton).toHaveAttribute('aria-expanded', 'true');
    await expect(drawer.getByRole('link', { name: sessionLinkName('Fix flaky session list test on CI') })).toHaveAttribute('aria-current', 'page');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveCount(0);

    await drawerButton.click();
    await drawer.getByRole('link', { name: sessionLinkName('Add a progress bar to the CSV export') }).click();
    await expect(drawer).toHaveCount(0);
    await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText('Add a progress bar to the CSV export');
  });
});

/** How bright the page background is, 0 (black) to 255 (white). */
const backgroundBrightness = (page: Page) =>
  page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return 0.299 * r + 0.587 * g + 0.114 * b;
  });

test('the theme toggle switches dark and light, and the choice survives a reload', async ({ page }) => {
  await openSim(page);
  const toggle = page.getByRole('button', { name: /theme; switch to/ });
  // The browser asks for light, and Lookout follows the system until told otherwise.
  await expect(toggle).toHaveAccessibleName('System theme; switch to dark theme');
  expect(await backgroundBrightness(page)).toBeGreaterThan(200);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Dark theme; switch to light theme');
  await expect.poll(() => backgroundBrightness(page)).toBeLessThan(60);
  await page.reload();
  await expect(toggle).toHaveAccessibleName('Dark theme; switch to light theme');
  expect(await backgroundBrightness(page)).toBeLessThan(60);

  await toggle.click();
  await expect(toggle).toHaveAccessibleName('Light theme; switch to system theme');
  await expect.poll(() => backgroundBrightness(page)).toBeGreaterThan(200);
  await page.reload();
  await expect(toggle).toHaveAccessibleName('Light theme; switch to system theme');
  expect(await backgroundBrightness(page)).toBeGreaterThan(200);
});

test('the connection indicator says Live on the projects page and in a project', async ({ page, isMobile }) => {
  await openSim(page);
  await expectLive(page);
  const indicator = page.getByRole('button', { name: /^Connection: / });
  // On a phone the word is hidden and the icon carries it; the name says it at every width.
  if (!isMobile) await expect(indicator).toHaveText(/Live/);
  await openProject(page, 'lookout-web');
  await expectLive(page);
  if (!isMobile) await expect(indicator).toHaveText(/Live/);
  await indicator.click();
  await expect(page.getByRole('dialog', { name: 'Stream diagnostics' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Stream diagnostics' })).toContainText('Invalid frames dropped');
});
