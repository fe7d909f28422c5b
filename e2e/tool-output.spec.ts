import { expect, test, type Page } from '@playwright/test';
import { chatRegion, freezePageClock, openProject, openSession, openSim } from './support/sim';

/*
 * Issue 12.10: SAM's detail route and /messages are compact by default (toolMetadata.content left out,
 * contentSize given). A tool call loaded over REST says how much output it has and loads it on demand.
 */

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });

test('a tool call loaded from SAM shows the size of its output and loads it on demand, not "Nothing yet"', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, 'Add a progress bar to the CSV export');

  const card = conversation(page)
    .getByRole('article', { name: /^Tool call: / })
    .filter({ hasText: 'Completed' })
    .last();
  // By keyboard: the virtualised rows may still be settling under the pointer.
  await card.getByRole('button', { expanded: false }).press('Enter');
  await expect(card.getByText('Nothing yet.')).toHaveCount(0);
  const size = card.getByText(/^\d+(\.\d)? (bytes?|KB|MB) of output/);
  await expect(size).toBeVisible();

  await card.getByRole('button', { name: 'Load' }).press('Enter');
  const output = card.locator('pre');
  await expect(output).toBeVisible();
  await expect(output).not.toBeEmpty();
  await expect(size).toHaveCount(0);
  await expect(chatRegion(page).getByText(/could not be loaded/)).toHaveCount(0);
});
