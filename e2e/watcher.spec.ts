import { expect, test, type Page } from '@playwright/test';
import { chatRegion, freezePageClock, openProject, openSession, openSim, sessionLinkName, sim } from './support/sim';

/*
 * What a person watching their agents expects (issue 14, items 3, 4, 7 and 8): an unanswered question
 * keeps needing them after "Mark all read"; a retried parent says where its retry is; a failed chat on a
 * phone leaves room for the conversation; times on messages, a link to copy, a chat open on desktop,
 * and a phone header that names the project and the connection. Seeded and frozen: every run is the same.
 */

const SEED = 1;
const PROJECT = 'lookout-web';
const QUESTION_TOPIC = 'Migrate settings page to the new form components';
const RETRIED_TOPIC = 'Investigate memory growth in the log shipper';
const FAILED_TOPIC = 'Speed up the cold start of the worker';
const FAILURE_TEXT = 'no capacity in region fra1';

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });
const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const chatHeader = (page: Page) => chatRegion(page).locator('header');
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) < 768;

async function openFrozen(page: Page, path?: string) {
  await freezePageClock(page);
  await openSim(page, { seed: SEED, path });
}

/** Sessions of every project whose agent waits on an open question, as the simulated world holds them. */
function openQuestions(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { world } = window.__lookoutSim!;
    return [...world.projects.values()].flatMap((p) => world.sessions.list(p.id)).filter((s) => s.attention !== null).length;
  });
}

test.describe('item 3: an open question keeps needing you', () => {
  test('Mark all read leaves an unanswered question on the bell until it is answered', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    expect(await openQuestions(page), 'the seeded world has exactly one open question').toBe(1);

    await bell(page).click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await expect(panel.getByRole('tab', { name: /^All/ })).toContainText('(0 unread)');
    await page.keyboard.press('Escape');

    await expect(bell(page)).toHaveAccessibleName('Notifications, 1 need attention');
    await expect(page.getByTestId('bell-badge')).toHaveText('1');
    await expect(page).toHaveTitle(/^\(1\) /);

    // Answering it is what takes it off the bell.
    await openSession(page, QUESTION_TOPIC);
    const [question] = await sim(page).world.sessions(QUESTION_TOPIC);
    const option = question!.attention!.options[0]!;
    await chatRegion(page).getByRole('button', { name: option, exact: true }).click();
    await expect(bell(page)).toHaveAccessibleName('Notifications, 0 need attention');
    await expect(page.getByTestId('bell-badge')).toHaveCount(0);
  });
});

test.describe('item 4: a retried parent points at its retry', () => {
  test('the failed parent names attempt 2 and its state, links to it, and does not offer Retry as if none ran', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    const [parent, retry] = await sim(page).world.sessions(RETRIED_TOPIC);
    expect(retry?.parentTaskId, 'the second session is the retry of the first').toBe(parent?.taskId);

    await openSession(page, new RegExp(`^${RETRIED_TOPIC} ,.*Failed`));
    const link = chatHeader(page).getByRole('link', { name: /attempt 2/ });
    await expect(link).toBeVisible();
    await expect(chatHeader(page)).toContainText(/Retried as attempt 2 \(Working\)/);

    // The retry already runs: no primary "Retry" as if nothing had happened, and the page says so.
    await expect(chatRegion(page).getByText('A retry is already running')).toBeVisible();
    await expect(chatRegion(page).getByRole('button', { name: 'Retry', exact: true })).toHaveCount(0);
    await expect(chatRegion(page).getByRole('button', { name: 'Retry again' })).toBeVisible();

    await link.click();
    await expect(page).toHaveURL(new RegExp(`/chat/${retry!.id}$`));
    await expect(chatHeader(page)).toContainText('attempt 2');
  });
});

test.describe('item 7: a failed chat with Details open leaves room to read', () => {
  test('the failure is said once, Retry and Fork once each, the conversation keeps half the screen', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    await openSession(page, FAILED_TOPIC);
    await chatHeader(page).getByRole('button', { name: 'Details' }).click();
    await expect(chatHeader(page).getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'true');

    // Outside the conversation itself, the failure's words appear once.
    const saidOutsideLog = await chatRegion(page).evaluate((region, text) => {
      const log = region.querySelector('[role="log"]');
      const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
      let count = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || log?.contains(parent) || !parent.checkVisibility()) continue;
        if (node.textContent?.includes(text)) count += 1;
      }
      return count;
    }, FAILURE_TEXT);
    expect(saidOutsideLog).toBe(1);
    await expect(chatRegion(page).getByRole('button', { name: /Retry/ })).toHaveCount(1);
    await expect(chatRegion(page).getByRole('button', { name: /^Fork/ })).toHaveCount(1);

    const viewport = page.viewportSize()!;
    const box = await conversation(page).boundingBox();
    expect(box, 'the conversation is on screen').not.toBeNull();
    const visibleHeight = Math.min(box!.y + box!.height, viewport.height) - Math.max(box!.y, 0);
    expect(visibleHeight).toBeGreaterThanOrEqual(viewport.height / 2);
  });
});

test.describe('item 8: what people expect', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every message shows when it was written, exact time on hover', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    await openSession(page, QUESTION_TOPIC);
    const log = conversation(page);
    const said = log.getByRole('heading', { name: /^(Agent said|You said)$/ });
    await expect(said.first()).toBeAttached();
    const messages = await said.count();
    const times = log.locator('time[datetime][title]');
    expect(await times.count()).toBeGreaterThanOrEqual(messages);
    await expect(times.first()).toHaveAttribute('title', /\d{1,2}:\d{2}/);
    await expect(times.first()).toBeVisible();
  });

  test('the chat header copies a link to the chat', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    await openSession(page, QUESTION_TOPIC);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await chatHeader(page).getByRole('button', { name: 'Copy link' }).click();
    await expect(chatHeader(page).getByText('Link copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url().replace(/\?.*$/, ''));
  });

  test('opening a project on desktop opens the chat that needs you; a phone shows the list', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    if (isPhone(page)) {
      await expect(page.getByRole('complementary', { name: 'Chats' }).getByRole('link', { name: sessionLinkName(QUESTION_TOPIC) })).toBeVisible();
      await expect(chatRegion(page)).toHaveCount(0);
    } else {
      const [question] = await sim(page).world.sessions(QUESTION_TOPIC);
      await expect(page).toHaveURL(new RegExp(`/chat/${question!.id}$`));
      await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(QUESTION_TOPIC);
    }
  });

  test('the header names the project and says the connection in a word', async ({ page }) => {
    await openFrozen(page);
    await openProject(page, PROJECT);
    await openSession(page, FAILED_TOPIC);
    const banner = page.getByRole('banner');
    await expect(banner.getByText(PROJECT, { exact: true }).filter({ visible: true })).toHaveCount(1);
    await expect(banner.getByText('Live', { exact: true })).toBeVisible();
    const name = await banner
      .getByText(PROJECT, { exact: true })
      .filter({ visible: true })
      .evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(name, 'the project name is not cut off').toBe(true);
    const overflow = await banner.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
