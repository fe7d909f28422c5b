import { expect, test, type Page } from '@playwright/test';
import { chatRegion, freezePageClock, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Issues 12.11 and 14.6: a follow-up to an agent that is busy is queued by SAM's mailbox. The box stays
 * open while the agent works, and the sent message says "Queued" until the mailbox delivers it.
 */

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const WORKING_TOPIC = 'Add retry with backoff to the webhook dispatcher';

test('a follow-up to a working agent can be written and sent, and reads as queued until the agent takes it', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, WORKING_TOPIC);
  await expect(chatRegion(page).locator('header')).toContainText('Working');
  await expect(chatRegion(page).getByText(/cannot send a message right now/)).toHaveCount(0);

  const box = chatRegion(page).getByRole('textbox', { name: 'Message the agent' });
  await expect(box).toBeEditable();
  const text = `Also cover the 429 case (${test.info().project.name})`;
  await box.fill(text);
  await chatRegion(page).getByRole('button', { name: 'Send message' }).click();
  await expect(box).toHaveValue('');

  const mine = conversation(page).getByText(text, { exact: true });
  await expect(mine).toHaveCount(1);
  const note = conversation(page).getByText(/^Queued/);
  await expect(note).toBeVisible();
  // The reader scrolls up a little to keep the prompt on screen: following the end, the agent's output
  // before it takes the prompt would scroll the prompt (and its note) out of the virtual list.
  await conversation(page).hover();
  await page.mouse.wheel(0, -120);
  await expect(page.getByRole('button', { name: /jump to latest$/i })).toBeVisible();

  // The agent reaches the prompt once its current work is done (simulated time moves only when told).
  await expect
    .poll(
      async () => {
        await sim(page).clock.advance(10_000);
        return note.count();
      },
      { message: 'the mailbox delivered the prompt', timeout: 20_000 },
    )
    .toBe(0);
  await expect(mine).toHaveCount(1);
});
