import { expect, test, type Locator, type Page } from '@playwright/test';
import { SIM_NOW, chatRegion, freezePageClock, openProject, openSim, sim } from './support/sim';

/*
 * The Needs-you queue (issue 16 item 1): one list across projects of what waits on the person, the
 * longest waiting first, each answerable, dismissable or opened in place, by pointer or keyboard (j/k, 1-9,
 * Enter). Reached from the home screen and from the bell's panel.
 */

/** Long enough for a scripted agent to take its next step (each waits 0.25-1.5 s of simulated time). */
const AGENT_STEP_MS = 2_000;
const STREAMING = 'Add retry with backoff to the webhook dispatcher';
const ASKING = 'Migrate settings page to the new form components';

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });
const queueList = (page: Page) => page.getByRole('list', { name: /waiting, longest first$/ });
const rows = (page: Page) => queueList(page).getByRole('article');
const row = (page: Page, chat: string) => queueList(page).getByRole('article', { name: chat, exact: true });

async function bellCount(page: Page): Promise<number> {
  const name = (await bell(page).getAttribute('aria-label')) ?? '';
  return Number(/, (\d+)\+? need attention$/.exec(name)?.[1] ?? NaN);
}

/** What the world holds that waits on the person, counted as a person would: each question, failed task, finished task once. */
function waitingInWorld(page: Page) {
  return page.evaluate(() => {
    const { world } = window.__lookoutSim!;
    const unread = world.notifications.all().filter((n) => n.readAt === null && n.dismissedAt === null);
    const questions = new Set<string>();
    for (const project of world.projects.values()) {
      for (const session of world.sessions.list(project.id)) if (session.status === 'active' && session.attention) questions.add(session.attention.markerId);
    }
    for (const n of unread) if (n.type === 'needs_input') questions.add(String(n.metadata.attentionMarkerId ?? n.id));
    const failures = new Set(unread.filter((n) => n.type === 'error' || n.type === 'cron_failure').map((n) => n.taskId ?? n.id));
    const reviews = unread.filter((n) => n.type === 'task_complete').length;
    return { questions: questions.size, failures: failures.size, reviews, projects: [...world.projects.values()].map((p) => p.name) };
  });
}

/** Presses j until `target` has focus (at most once per row). */
async function moveTo(page: Page, target: Locator) {
  const count = await rows(page).count();
  for (let i = 0; i <= count; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('j');
  }
  await expect(target).toBeFocused();
}

test('the queue holds every question, failure and finished task, oldest first, with project and chat named; home and bell lead there', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  await page.getByRole('link', { name: 'everything that needs you' }).click();
  await expect(page).toHaveURL(/\/needs-you$/);
  await expect(page.getByRole('heading', { name: 'Needs you', level: 1 })).toBeVisible();

  const world = await waitingInWorld(page);
  expect(world.questions + world.failures + world.reviews, 'the seeded world has something waiting').toBeGreaterThan(2);
  await expect(rows(page)).toHaveCount(world.questions + world.failures + world.reviews);
  await expect(rows(page).filter({ hasText: /^Question/ })).toHaveCount(world.questions);
  await expect(rows(page).filter({ hasText: /^Failed/ })).toHaveCount(world.failures);
  await expect(rows(page).filter({ hasText: /^Ready for review/ })).toHaveCount(world.reviews);

  // Oldest wait first: the times the rows show never go forward in time down the list.
  const times = await rows(page).evaluateAll((articles) => articles.map((a) => Date.parse(a.querySelector('time')!.getAttribute('datetime')!)));
  expect(times).toEqual([...times].sort((a, b) => a - b));
  // Each row names its project and its chat.
  for (const article of await rows(page).all()) {
    const text = await article.innerText();
    expect(world.projects.some((name) => text.includes(name))).toBe(true);
    await expect(article.getByRole('heading', { level: 2 })).not.toBeEmpty();
  }
  await expect(row(page, ASKING)).toContainText('lookout-web');
  // The bell counts the questions and the finished work (a failure turns the tab's icon red instead).
  expect(await bellCount(page)).toBe(world.questions + world.reviews);

  await page.goto('/');
  await bell(page).click();
  await page.getByRole('dialog', { name: 'Notifications' }).getByRole('link', { name: 'Open the queue' }).click();
  await expect(page).toHaveURL(/\/needs-you$/);
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toHaveCount(0);
  await expect(rows(page).first()).toBeVisible();
});

test('a question arrives live; j reaches it, 1 answers it: the row leaves, the bell drops and SAM took the answer', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page, { path: '/needs-you' });
  await expect(rows(page).first()).toBeVisible();
  const before = await bellCount(page);
  const [session] = await sim(page).world.sessions(STREAMING);
  await sim(page).fleet.askNow(session!.id, 'Which backoff cap?', ['30 s', '5 min']);

  // Measured, not asserted: from the simulated step that raises the question to the row on screen, and to
  // the tab's icon redrawn with the new count.
  const iconBefore = await page.locator('link[rel="icon"]').getAttribute('href');
  const ms = await page.evaluate(
    ({ chat, step }) =>
      new Promise<{ row: number; icon: number }>((resolve) => {
        const shows = () => [...document.querySelectorAll('article h2')].some((h) => h.textContent === chat);
        const icon = () => document.querySelector('link[rel="icon"]')?.getAttribute('href');
        const iconAtStart = icon();
        const start = performance.now();
        const seen: { row?: number; icon?: number } = {};
        const observer = new MutationObserver(() => {
          if (seen.row === undefined && shows()) seen.row = performance.now() - start;
          if (seen.icon === undefined && icon() !== iconAtStart) seen.icon = performance.now() - start;
          if (seen.row !== undefined && seen.icon !== undefined) {
            observer.disconnect();
            resolve({ row: seen.row, icon: seen.icon });
          }
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href'] });
        window.__lookoutSim!.clock.advance(step);
      }),
    { chat: STREAMING, step: AGENT_STEP_MS },
  );
  console.log(
    `[needs-you] needs_input -> queue row: ${ms.row.toFixed(0)} ms, -> tab icon redrawn: ${ms.icon.toFixed(0)} ms (${test.info().project.name}; includes the simulated agent step)`,
  );
  await expect(page.locator('link[rel="icon"]')).not.toHaveAttribute('href', iconBefore ?? '');

  const asking = row(page, STREAMING);
  await expect(asking).toContainText('Which backoff cap?');
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${before + 1} need attention`);
  await moveTo(page, asking);
  await page.keyboard.press('1');
  await expect(asking).toHaveCount(0);
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${before} need attention`);
  await expect.poll(async () => (await sim(page).world.sessions(STREAMING))[0]?.attention ?? null).toBeNull();
  // Focus stays in the list: the next row took the answered one's place.
  await expect(rows(page).first()).toBeVisible();
  await expect(page.locator('article:focus')).toHaveCount(1);
});

test('k moves back, Enter on a row opens its chat', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page, { path: '/needs-you' });
  await expect(rows(page).first()).toBeVisible();
  await page.keyboard.press('j');
  await expect(rows(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(rows(page).nth(0)).toBeFocused();
  await moveTo(page, row(page, ASKING));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/projects\/[^/]+\/chat\/[^/]+$/);
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(ASKING);
});

test('a reply in words goes through the prompt route and answers the question', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page, { path: '/needs-you' });
  const asking = row(page, ASKING);
  await asking.getByRole('textbox', { name: `Reply in your own words: ${ASKING}` }).fill('Use the queue table, keep it small');
  await asking.getByRole('button', { name: 'Send' }).click();
  await expect(asking).toHaveCount(0);
  const [session] = await sim(page).world.sessions(ASKING);
  const messages = await sim(page).world.messages(session!.id);
  expect(messages.some((m) => m.role === 'user' && m.content === 'Use the queue table, keep it small')).toBe(true);
  await expect.poll(async () => (await sim(page).world.sessions(ASKING))[0]?.attention ?? null).toBeNull();
});

test('Dismiss takes a failure out of the queue and SAM dismisses its notification', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page, { path: '/needs-you' });
  const failure = rows(page)
    .filter({ hasText: /^Failed/ })
    .first();
  const chat = (await failure.getByRole('heading', { level: 2 }).textContent())!;
  const count = await rows(page).count();
  await failure.getByRole('button', { name: /^Dismiss\b/ }).click();
  await expect(rows(page)).toHaveCount(count - 1);
  await expect(row(page, chat)).toHaveCount(0);
  await expect.poll(async () => (await sim(page).world.notifications()).filter((n) => n.title === chat).every((n) => n.dismissed)).toBe(true);
  // SAM's next answer agrees: a refetch of the notifications does not bring it back.
  await page.getByRole('link', { name: 'Lookout' }).click();
  await page.getByRole('link', { name: 'everything that needs you' }).click();
  await expect(rows(page)).toHaveCount(count - 1);
});

test('a working chat silent past the threshold enters the queue as "Working, silent for N min"', async ({ page }) => {
  // The page's clock is the app's one clock; the simulator's stays frozen, so the agents write nothing meanwhile.
  await page.clock.install({ time: SIM_NOW });
  await openSim(page);
  await openProject(page, 'lookout-web');
  await bell(page).click();
  await page.getByRole('dialog', { name: 'Notifications' }).getByRole('link', { name: 'Open the queue' }).click();
  await expect(rows(page).first()).toBeVisible();
  await expect(row(page, STREAMING)).toHaveCount(0);

  await page.clock.fastForward(11 * 60_000);
  const silent = row(page, STREAMING);
  await expect(silent).toContainText(/^Working, silent for 1[12] min/);
  await expect(silent).toContainText('lookout-web');
  await expect(silent.getByRole('button', { name: /^Hide for now\b/ })).toBeVisible();
  await silent.getByRole('button', { name: /^Hide for now\b/ }).click();
  await expect(silent).toHaveCount(0);
});

test('with nothing waiting the queue says so', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page, { scenario: 'empty', path: '/needs-you' });
  await expect(page.getByText('Nothing needs you')).toBeVisible();
});
