import { expect, test, type Page } from '@playwright/test';
import { chatRegion, expectLive, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Reloads and deep links (issue 14, item 2): the simulated world is the same for a seed whatever time it
 * starts at, so F5 on a chat opens the same chat, also on the real-time clock; a chat or project that is
 * really gone says so and offers the ways out, not only Retry.
 */

const TOPIC = 'Fix flaky session list test on CI';
const chatTitle = (page: Page) => chatRegion(page).getByRole('heading', { level: 1 });

async function projectId(page: Page, name: string): Promise<string> {
  const [session] = await sim(page).world.sessions(TOPIC);
  expect(session, `the chat "${TOPIC}" in ${name}`).toBeDefined();
  return session!.projectId;
}

test('F5 on a chat on the real-time clock opens the same chat, live', async ({ page }) => {
  // The page loads twice while agents stream in real time.
  test.slow();
  await openSim(page, { clock: 'real' });
  await openProject(page, 'lookout-web');
  await openSession(page, TOPIC);
  const address = page.url();

  await page.reload();
  await expect(chatTitle(page)).toHaveText(TOPIC);
  expect(page.url()).toBe(address);
  await expectLive(page);
});

test('a chat that is gone says so and leads back to its project or to all projects', async ({ page }) => {
  await openSim(page);
  const project = await projectId(page, 'lookout-web');
  await page.goto(`/projects/${project}/chat/no-such-chat`);

  const gone = chatRegion(page).getByRole('alert');
  await expect(gone).toContainText('This chat is not here');
  await expect(gone.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(gone.getByRole('link', { name: 'All projects' })).toHaveAttribute('href', '/');
  await gone.getByRole('link', { name: 'Back to the project' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project}/chat$`));
  await expect(page.getByRole('heading', { name: 'Chats', level: 2 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Chats' }).getByRole('link').first()).toBeVisible();
});

test('a project that is gone says so and leads to all projects', async ({ page }) => {
  await openSim(page);
  await page.goto('/projects/no-such-project/chat');

  const gone = page.getByRole('complementary', { name: 'Chats' }).getByRole('alert');
  await expect(gone).toContainText('This project is not here');
  await expect(gone.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await gone.getByRole('link', { name: 'All projects' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('main').getByRole('link', { name: /^lookout-web / })).toBeVisible();
});
