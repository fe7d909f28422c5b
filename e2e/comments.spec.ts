import { expect, test, type Locator, type Page } from '@playwright/test';
import { seriousViolations } from './audit/axe';
import { openProject, openSession, openSim, sim } from './support/sim';

/*
 * Issue 17 item 2: comment on passages of the agent's messages, collect them in a tray, send them as ONE
 * follow-up that quotes each passage, and see the threads marked sent; resolve and reopen one. The
 * simulator's clock is frozen: the agent writes nothing while the test runs.
 */

const TOPIC = 'Add a progress bar to the CSV export';
const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const agentRows = (page: Page) =>
  conversation(page)
    .locator('[data-index]')
    .filter({ has: page.getByRole('button', { name: 'Comment on the agent’s message' }) });
const tray = (page: Page) => page.getByRole('region', { name: 'Comments to send' });

async function writeComment(page: Page, text: string) {
  const form = conversation(page).getByRole('form', { name: 'New comment' });
  await form.getByRole('textbox', { name: 'Your comment on this passage' }).fill(text);
  await form.getByRole('button', { name: 'Add to comments' }).click();
  await expect(form).toHaveCount(0);
}

async function firstParagraph(row: Locator): Promise<Locator> {
  const paragraph = row.locator('p').first();
  await expect(paragraph).toBeVisible();
  return paragraph;
}

test('two comments on agent messages go to the agent as one follow-up, and their threads can be resolved and reopened', async ({ page }) => {
  test.slow(); // many steps and an axe pass, on a machine shared with other runs
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, TOPIC);
  const rows = agentRows(page);
  await expect(rows.nth(1)).toBeVisible();
  const count = await rows.count();
  const earlier = rows.nth(count - 2);
  const last = rows.nth(count - 1);

  // 1. A passage chosen with the pointer: a triple click selects one paragraph of the earlier message.
  const paragraph = await firstParagraph(earlier);
  const selected = (await paragraph.innerText()).trim();
  await paragraph.click({ clickCount: 3 });
  await earlier.getByRole('button', { name: 'Comment on the agent’s message' }).click();
  const form = conversation(page).getByRole('form', { name: 'New comment' });
  await expect(form.getByLabel('Quoted passage')).toHaveText(selected);
  await writeComment(page, 'Why a fixed step of 5%?');
  await expect(tray(page).getByTestId('comment-tray-count')).toHaveText('1 comment');

  // 2. The keyboard way (and a phone's): Comment with nothing selected quotes the whole message.
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  const lastText = (await last.locator('p').first().innerText()).trim();
  await last.getByRole('button', { name: 'Comment on the agent’s message' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Quoted passage')).toContainText(lastText);
  await expect(form.getByRole('textbox', { name: 'Your comment on this passage' })).toBeFocused();
  await page.keyboard.type('Show the bar only for exports over 1 MB.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(tray(page).getByTestId('comment-tray-count')).toHaveText('2 comments');

  // A third, then taken out again; the first is edited.
  await last.getByRole('button', { name: 'Comment on the agent’s message' }).click();
  await writeComment(page, 'Never mind');
  await expect(tray(page).getByTestId('comment-tray-count')).toHaveText('3 comments');
  await tray(page)
    .getByRole('button', { name: /3 comments/ })
    .click();
  await tray(page).getByRole('button', { name: 'Remove comment 3' }).click();
  await tray(page).getByRole('button', { name: 'Edit comment 1' }).click();
  await tray(page).getByRole('textbox', { name: 'Edit comment 1' }).fill('Why a fixed step of 5%? Use the byte count.');
  await tray(page).getByRole('button', { name: 'Save' }).click();
  await expect(tray(page).getByRole('listitem')).toHaveText([/Use the byte count\./, /over 1 MB/]);
  await expect(tray(page).getByTestId('comment-tray-count')).toHaveText('2 comments');

  // Send: one follow-up in the chat that quotes both passages, in order.
  await tray(page).getByRole('button', { name: 'Send to agent' }).click();
  await expect(tray(page)).toHaveCount(0);
  const followUp = conversation(page).getByText(/^2 review comments/);
  await expect(followUp).toHaveCount(1);
  const sent = (await followUp.innerText()).replace(/\s+/g, ' ');
  const firstAt = sent.indexOf(`1. On your message: \`\`\`quote ${selected.replace(/\s+/g, ' ')} \`\`\``);
  const secondHeading = sent.indexOf('2. On your message:', firstAt);
  const secondAt = sent.indexOf(lastText.replace(/\s+/g, ' '), secondHeading);
  expect(firstAt).toBeGreaterThan(0);
  expect(secondHeading).toBeGreaterThan(firstAt);
  expect(secondAt).toBeGreaterThan(secondHeading);
  expect(sent).toContain('Use the byte count.');
  expect(sent).not.toContain('Never mind');

  // SAM's chat has exactly one new prompt, and both threads say they were sent.
  const sessionId = (await sim(page).world.sessions(TOPIC))[0]!.id;
  const prompts = (await sim(page).world.messages(sessionId)).filter((m) => m.role === 'user' && m.content.includes('review comments'));
  expect(prompts).toHaveLength(1);
  const threads = conversation(page).getByRole('list', { name: 'Comments on this message' }).getByRole('listitem');
  await expect(threads).toHaveCount(2);
  await expect(threads.nth(0)).toContainText('Sent');
  await expect(threads.nth(1)).toContainText('Sent');

  // Resolve one, then reopen it.
  await threads.nth(0).getByRole('button', { name: 'Resolve' }).click();
  await expect(threads.nth(0)).toContainText('Resolved');
  await threads.nth(0).getByRole('button', { name: 'Reopen' }).click();
  await expect(threads.nth(0)).toContainText('Open');
  await expect(threads.nth(0).getByRole('button', { name: 'Resolve' })).toBeVisible();
  await expect(threads.nth(1)).toContainText('Sent');

  // Threads, a comment being written and an open tray, checked by axe in one go.
  await last.getByRole('button', { name: 'Comment on the agent’s message' }).click();
  await writeComment(page, 'One more thing.');
  await tray(page)
    .getByRole('button', { name: /1 comment/ })
    .click();
  await last.getByRole('button', { name: 'Comment on the agent’s message' }).click();
  await expect(tray(page).getByRole('listitem')).toHaveText([/One more thing\./]);
  expect(await seriousViolations(page)).toEqual([]);
});
