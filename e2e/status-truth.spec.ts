import { expect, test, type Page } from '@playwright/test';
import { chatRegion, expectSidebarRowState, freezePageClock, openProject, openSession, openSim, sim } from './support/sim';

/*
 * The displayed status tells the truth when SAM retries a failed task in place (issue 18 item 1): the
 * session row keeps saying `failed` while the task goes failed -> ready -> queued, and every surface
 * (sidebar, header, composer, title) shows the task's progress, without the failure and its Retry.
 */

const chatHeader = (page: Page) => chatRegion(page).locator('header');
const composerNotice = (page: Page) =>
  chatRegion(page)
    .getByRole('paragraph')
    .filter({ hasText: /This chat has ended/ });

test.describe('a failed task SAM sends back to work (requeued)', () => {
  test('a task queued again after its failure shows as queued everywhere, with no failure and no Retry', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page, { scenario: 'requeued' });
    await openProject(page, 'lookout-web');
    const topic = 'Migrate the billing webhooks to the new queue';
    const [session] = await sim(page).world.sessions(topic);
    expect({ row: session?.status, task: session?.taskStatus }).toEqual({ row: 'failed', task: 'queued' });

    await openSession(page, topic);
    await expect(chatHeader(page)).toContainText('Working');
    await expect(chatHeader(page)).toContainText('queued again: waiting for node capacity');
    await expect(chatHeader(page)).not.toContainText('VM agent lost');
    // The chat lives: no ended notice, and a follow-up can be written (SAM queues it until the agent runs).
    await expect(composerNotice(page)).toHaveCount(0);
    await expect(chatRegion(page).getByRole('textbox', { name: 'Message the agent' })).toBeVisible();
    await expect(chatRegion(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`${topic} \\(Working\\)`));
    await expectSidebarRowState(page, topic, 'Working');
  });

  test('Failed with Retry gives way live when SAM sends the task back to work', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page, { scenario: 'requeued' });
    await openProject(page, 'lookout-web');
    const topic = 'Backfill the search index for archived projects';
    await openSession(page, topic);
    await expect(chatHeader(page)).toContainText('Failed');
    // Said once, in the composer's notice for an ended chat.
    await expect(composerNotice(page)).toContainText('Out of disk space');
    await expect(chatRegion(page).getByRole('button', { name: 'Retry' }).first()).toBeVisible();

    await sim(page).clock.advance(25_000);
    await expect(chatHeader(page)).toContainText('queued again: waiting for node capacity');
    await expect(chatHeader(page)).not.toContainText('Failed');
    await expect(composerNotice(page)).toHaveCount(0);
    await expect(chatRegion(page).getByRole('button', { name: 'Retry' })).toHaveCount(0);
    await expect(page).toHaveTitle(new RegExp(`${topic} \\(Working\\)`));
    await expectSidebarRowState(page, topic, 'Working');
  });
});
