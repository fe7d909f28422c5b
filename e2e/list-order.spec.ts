import { expect, test, type Locator, type Page } from '@playwright/test';
import { chatRegion, freezePageClock, openProject, openSim, sim } from './support/sim';

/*
 * The chat list must not move under a reader's eyes or pointer (issue 14, item 1). With 50 agents
 * streaming (the firehose), Working rows keep their order (newest start first); while the pointer is on
 * the list, even a row that changes group stays put, and a click opens the row that was aimed at.
 * Simulated time moves only through the frozen clock, so nothing here depends on the wall clock.
 */

const chatList = (page: Page) => page.getByRole('complementary', { name: 'Chats' });
const workingRows = (page: Page) =>
  chatList(page)
    .getByRole('region', { name: /^Working/ })
    .getByRole('link');

/** The topics of the rows, top to bottom. */
const topicsOf = (rows: Locator) => rows.evaluateAll((links) => links.map((link) => link.querySelector('span span')?.firstChild?.textContent ?? ''));

/** Where each row is on screen, top to bottom. */
const boxesOf = (rows: Locator) =>
  rows.evaluateAll((links) =>
    links.map((link) => {
      const { x, y, width, height } = link.getBoundingClientRect();
      return { x, y, width, height };
    }),
  );

/** The latest-activity time each row shows: it changes as agents write. */
const activityOf = (rows: Locator) => rows.evaluateAll((links) => links.map((link) => link.querySelector('time')?.dateTime ?? ''));

/** The firehose's chats as the list should order them: the newest start first (ties by id). */
async function startOrder(page: Page): Promise<string[]> {
  const sessions = await sim(page).world.projectSessions('firehose');
  const startOf = (s: (typeof sessions)[number]) => s.startedAt ?? s.createdAt;
  return sessions.sort((a, b) => startOf(b) - startOf(a) || (a.id < b.id ? -1 : 1)).map((s) => s.topic ?? '');
}

/** Keeps the pointer off the list (on the page header). */
const pointerAway = (page: Page) => page.mouse.move(5, 5);

// 50 streaming agents on a shared 2-core machine: give each test three times the usual time.
test.slow();

test.beforeEach(async ({ page }) => {
  // "Recent" is measured against the page's clock: pin it to simulated time.
  await freezePageClock(page);
  await openSim(page, { scenario: 'firehose' });
  await openProject(page, 'firehose');
  await pointerAway(page);
  await expect(workingRows(page).first()).toBeVisible();
});

test('Working rows keep their order while 50 agents stream output', async ({ page }) => {
  const rows = workingRows(page);
  const shown = await topicsOf(rows);
  expect(shown.length).toBeGreaterThan(5);
  expect(shown, 'newest start first, not latest activity').toEqual((await startOrder(page)).slice(0, shown.length));
  const boxes = await boxesOf(rows);
  const activity = await activityOf(rows);

  for (let step = 0; step < 3; step++) await sim(page).clock.advance(1_000);
  // The list has taken the new output in: rows show newer activity times.
  await expect.poll(() => activityOf(rows), { message: 'rows show the streamed activity' }).not.toEqual(activity);

  expect(await topicsOf(rows)).toEqual(shown);
  expect(await boxesOf(rows)).toEqual(boxes);
});

test('with the pointer on the list, a row that changes group stays put, and the click opens the row aimed at', async ({ page }) => {
  const rows = workingRows(page);
  const topics = await topicsOf(rows);
  const aimed = (await boxesOf(rows))[3]!;
  const point = { x: aimed.x + aimed.width / 2, y: aimed.y + aimed.height / 2 };
  await page.mouse.move(point.x, point.y);

  // The task of a row above the target fails: its chat now belongs under "Recent", below Working.
  const failing = (await sim(page).world.projectSessions('firehose')).find((s) => s.topic === topics[1])!;
  await sim(page).fleet.failNow(failing.id);
  await expect(rows.nth(1)).toHaveAccessibleName(/, Failed\b/);
  await expect(chatList(page).getByRole('button', { name: /^1 chat moved · Show$/ })).toBeVisible();

  expect(await topicsOf(rows)).toEqual(topics);
  expect((await boxesOf(rows))[3]).toEqual(aimed);
  await page.mouse.click(point.x, point.y);
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(topics[3]!);
});

test('"N chats moved · Show" puts the moved rows where they now belong', async ({ page }) => {
  const rows = workingRows(page);
  const topics = await topicsOf(rows);
  const first = (await boxesOf(rows))[0]!;
  await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  const failing = (await sim(page).world.projectSessions('firehose')).find((s) => s.topic === topics[2])!;
  await sim(page).fleet.failNow(failing.id);

  await chatList(page)
    .getByRole('button', { name: /^1 chat moved · Show$/ })
    .click();
  const recent = chatList(page).getByRole('region', { name: /^Recent/ });
  await expect(recent.getByRole('link')).toHaveCount(1);
  expect(await topicsOf(recent.getByRole('link'))).toEqual([topics[2]]);
  expect(await topicsOf(rows)).toEqual(topics.filter((topic) => topic !== topics[2]));
  await expect(chatList(page).getByRole('button', { name: /chats? moved/ })).toHaveCount(0);
});
