import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './audit/axe';
import { chatRegion, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Issue 17 item 2, comments on lines of the diff: choose lines in the Changes view (with the pointer, by
 * touch with Extend, by keyboard), write a comment on them, add a second, go back to the chat and send the
 * tray as ONE follow-up that quotes each file and its lines. The workspace is mocks/workspace/repo.ts
 * (src/server/retry.ts: line 5 `delayMs` removed and written again, then two lines added after it).
 */

const TOPIC = 'Fix timezone bug in the billing report';
const diff = (page: Page) => page.getByRole('region', { name: 'Diff' });
const bar = (page: Page) => page.getByRole('region', { name: 'Chosen lines' });
const lineButton = (page: Page, name: string) => diff(page).getByRole('button', { name, exact: true });

test('lines chosen in the diff become a comment, sent with a second one as one follow-up quoting each file and its lines', async ({ page }) => {
  test.slow(); // many steps and an axe pass, on a machine shared with other runs
  await openSim(page);
  await openProject(page, 'billing-service');
  await openSession(page, TOPIC);
  await chatRegion(page).getByRole('link', { name: 'Changes' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace changes', level: 1 })).toBeVisible();

  const narrow = (page.viewportSize()?.width ?? 0) < 768;
  if (narrow) {
    // A phone reads the diff compact: its line numbers become touch-sized buttons under "Choose lines".
    await expect(diff(page).locator('[data-kind="add"]').first()).toBeVisible();
    await expect(diff(page).getByRole('button', { name: /^Added line / })).toHaveCount(0);
    await page.getByRole('button', { name: 'Choose lines' }).click();
    await expect(page.getByRole('button', { name: 'Choose lines' })).toHaveAttribute('aria-pressed', 'true');
  }
  // The diff is virtualised: jump to the file from the list of changed files (one tap away on a phone).
  const listToggle = page.getByRole('button', { name: /^Changed files \(\d+\)$/ });
  if ((await listToggle.getAttribute('aria-expanded')) === 'false') await listToggle.click();
  await page
    .getByRole('navigation', { name: 'Changed files' })
    .getByRole('button', { name: /src\/server\/retry\.ts/ })
    .click();

  // 1. The pointer way: a line number starts the range; shift-click (desktop) or Extend then a tap (phone) grows it.
  const removed = lineButton(page, 'Removed line 5 of src/server/retry.ts');
  await removed.scrollIntoViewIfNeeded();
  if (narrow) expect((await removed.boundingBox())?.height).toBeGreaterThanOrEqual(44);
  await removed.click();
  await expect(removed).toHaveAttribute('aria-pressed', 'true');
  await expect(bar(page)).toContainText('src/server/retry.ts line 5');
  const lastAdded = lineButton(page, 'Added line 7 of src/server/retry.ts');
  if (narrow) {
    await bar(page).getByRole('button', { name: 'Extend' }).click();
    await expect(bar(page).getByRole('button', { name: 'Extend' })).toHaveAttribute('aria-pressed', 'true');
    await lastAdded.click();
  } else {
    await lastAdded.click({ modifiers: ['Shift'] });
  }
  await expect(bar(page)).toContainText('src/server/retry.ts lines 5–7');
  // Every line of the range is marked chosen, and shows it (the row takes the selection's tint).
  for (const name of ['Removed line 5', 'Added line 5', 'Added line 6', 'Added line 7']) {
    await expect(lineButton(page, `${name} of src/server/retry.ts`)).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(lineButton(page, 'Line 8 of src/server/retry.ts')).toHaveAttribute('aria-pressed', 'false');
  const tinted = await diff(page)
    .locator('[data-selected]')
    .first()
    .evaluate((row) => getComputedStyle(row).backgroundColor);
  const plainAdded = await diff(page)
    .locator('[data-kind="add"]:not([data-selected])')
    .first()
    .evaluate((row) => getComputedStyle(row).backgroundColor);
  expect(tinted).not.toBe(plainAdded);

  await bar(page).getByRole('button', { name: 'Comment on lines 5–7' }).click();
  const form = page.getByRole('form', { name: 'New comment on lines' });
  await expect(form.getByLabel('Quoted lines')).toHaveText(
    ['-  delayMs: number;', '+  delayMs: number;', '+  /** Upper bound of one wait, however many attempts failed. */', '+  maxDelayMs: number;'].join('\n'),
  );
  await expect(form.getByRole('textbox', { name: 'Your comment on these lines' })).toBeFocused();
  await page.keyboard.type('Is maxDelayMs required? Old callers do not pass it.');

  // Axe with lines chosen and a comment being written.
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Add to comments' }).click();
  await expect(bar(page)).toHaveCount(0);
  await expect(page.getByTestId('comments-waiting')).toHaveText(/1 comment ready to send/);
  await expect(lineButton(page, 'Removed line 5 of src/server/retry.ts')).toHaveAttribute('aria-pressed', 'false');

  // 2. The keyboard way: Enter on a line number, Shift+Down grows the range, `c` opens the comment.
  const backoff = lineButton(page, 'Added line 18 of src/server/retry.ts');
  await backoff.scrollIntoViewIfNeeded();
  await backoff.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(lineButton(page, 'Added line 19 of src/server/retry.ts')).toBeFocused();
  await expect(bar(page)).toContainText('src/server/retry.ts lines 18–19');
  await page.keyboard.press('c');
  await expect(form.getByRole('textbox', { name: 'Your comment on these lines' })).toBeFocused();
  // Escape cancels, back to the button that opened it; `c` opens it again.
  await page.keyboard.press('Escape');
  await expect(bar(page).getByRole('button', { name: 'Comment on lines 18–19' })).toBeFocused();
  await page.keyboard.press('c');
  await page.keyboard.type('Add jitter to the backoff.');
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Add to comments
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('comments-waiting')).toHaveText(/2 comments ready to send/);
  await expect(lineButton(page, 'Added line 18 of src/server/retry.ts')).toBeFocused();

  // 3. Back in the chat, the tray holds both; one Send makes one follow-up quoting each file and its lines.
  await page.getByRole('link', { name: /Back to the chat to send/ }).click();
  const tray = page.getByRole('region', { name: 'Comments to send' });
  await expect(tray.getByTestId('comment-tray-count')).toHaveText('2 comments');
  await tray.getByRole('button', { name: /2 comments/ }).click();
  await expect(tray.getByRole('listitem')).toHaveText([/src\/server\/retry\.ts lines 5–7.*maxDelayMs/s, /src\/server\/retry\.ts lines 18–19.*jitter/s]);
  await tray.getByRole('button', { name: 'Send to agent' }).click();
  await expect(tray).toHaveCount(0);

  const conversation = page.getByRole('log', { name: 'Conversation' });
  const followUp = conversation.getByText(/^2 review comments/);
  await expect(followUp).toHaveCount(1);
  const sent = await followUp.innerText();
  const first = sent.indexOf('1. On src/server/retry.ts lines 5–7');
  const second = sent.indexOf('2. On src/server/retry.ts lines 18–19');
  expect(first).toBeGreaterThanOrEqual(0);
  expect(second).toBeGreaterThan(first);
  expect(sent.indexOf('+  maxDelayMs: number;', first)).toBeGreaterThan(first);
  expect(sent.indexOf('Is maxDelayMs required?', first)).toBeLessThan(second);
  expect(sent.indexOf('await sleep(backoff);', second)).toBeGreaterThan(second);
  expect(sent.indexOf('Add jitter to the backoff.', second)).toBeGreaterThan(second);

  // SAM's chat got exactly one prompt, carrying the quoted lines as they are in the diff.
  const sessionId = (await sim(page).world.sessions(TOPIC))[0]!.id;
  const prompts = (await sim(page).world.messages(sessionId)).filter((m) => m.role === 'user' && m.content.includes('review comments'));
  expect(prompts).toHaveLength(1);
  expect(prompts[0]!.content).toContain('```quote\n-  delayMs: number;\n+  delayMs: number;\n');
});
