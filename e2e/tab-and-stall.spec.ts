import { expect, test, type Page } from '@playwright/test';
import { STREAMING_CHAT, expectSidebarRowState, freezePageClock, openFrozenWorkingChat, openSim, sim } from './support/sim';

/*
 * What a person notices from another tab (issue 16 items 4 and 5): the favicon carries the count of what
 * needs them and turns red when something failed; and a chat whose agent says it works but writes nothing
 * reads "Working, silent for N min" once the app's clock passes the threshold (10 min by default).
 */

/** Long enough for a scripted agent to take its next step (each waits 0.25-1.5 s of simulated time). */
const AGENT_STEP_MS = 2_000;
const MIN = 60_000;
const STREAMING = STREAMING_CHAT;

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });

/** The tab icon's SVG as the browser draws it (the data URL decoded), or its plain address. */
const favicon = (page: Page) => page.evaluate(() => decodeURIComponent(document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? ''));

/** The count the bell names, read from its accessible name ("Notifications, 3 need attention"). */
async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/, (\d+)\+? need attention$/.exec(name)?.[1] ?? NaN);
}

const shown = (count: number) => (count > 9 ? '9+' : String(count));
/** The failed colour of the icon's dot (the light theme's --color-state-failed). */
const FAILED = '#c62a2f';

test('the tab icon carries what needs you, grows live when an agent asks, is red until a failure is seen, and red again on a new one', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  await expect(bell(page)).toHaveAccessibleName(/^Notifications, [1-9]\d* need attention$/);
  const before = await bellCount(page);
  await expect.poll(() => favicon(page)).toContain(`>${shown(before)}</text>`);
  // The scenario holds an unread failure (a task that failed half an hour ago): the icon is red.
  const unreadFailures = (await sim(page).world.notifications()).filter((n) => n.type === 'error' && !n.read && !n.dismissed);
  expect(unreadFailures.length).toBeGreaterThan(0);
  expect(await favicon(page)).toContain(FAILED);

  const [session] = await sim(page).world.sessions(STREAMING);
  await sim(page).fleet.askNow(session!.id, 'Which backoff cap?', ['30 s', '5 min']);
  await sim(page).clock.advance(AGENT_STEP_MS);
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${before + 1} need attention`);
  await expect.poll(() => favicon(page)).toContain(`>${shown(before + 1)}</text>`);

  // Seen: reading everything resets the icon like the title's count (on the projects page no chat's open
  // question is held, so nothing is left): the plain icon comes back.
  await bell(page).click();
  await page.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: 'Mark all read' }).click();
  await expect(bell(page)).toHaveAccessibleName('Notifications, 0 need attention');
  await expect.poll(() => favicon(page)).toBe('/favicon.svg');

  await sim(page).fleet.failNow(session!.id, 'tests did not pass');
  await expect.poll(() => favicon(page)).toContain(FAILED);
});

test('a working chat that writes nothing reads "Working, silent for N min" once the clock passes the threshold', async ({ page }) => {
  const header = await openFrozenWorkingChat(page);

  await page.clock.fastForward(11 * MIN);
  await expect(header).toContainText(/Working, silent for \d+ min/);
  await expect(page).toHaveTitle(new RegExp(`${STREAMING} \\(Working, silent for \\d+ min\\)`));
  await expectSidebarRowState(page, STREAMING, 'Working, silent for \\d+ min');
});
