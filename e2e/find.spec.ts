import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { STREAMING_CHAT, chatRegion, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Find anything and take a chat away (issue 17 items 4 and 6): Cmd/Ctrl+K finds a chat of another
 * project by its title and a loaded message by its text, `?` lists the shortcuts, Escape gives focus
 * back, and "Export as Markdown" downloads the chat.
 */

const palette = (page: Page) => page.getByRole('dialog', { name: 'Find' });
const findField = (page: Page) => palette(page).getByRole('combobox', { name: 'Find projects, chats and messages' });
const chatTitle = (page: Page) => chatRegion(page).getByRole('heading', { level: 1 });
const findButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Find' });

async function onlySession(page: Page, topic: string) {
  const [session, ...more] = await sim(page).world.sessions(topic);
  expect(session, `a session "${topic}"`).toBeDefined();
  expect(more).toHaveLength(0);
  return session!;
}

/** Opens the streaming chat once the agent's first answer shows, and returns its session. */
async function openAnsweredChat(page: Page) {
  await openSim(page);
  await openProject(page, 'lookout-web');
  const session = await onlySession(page, STREAMING_CHAT);
  await openSession(page, STREAMING_CHAT);
  await expect(chatRegion(page).getByRole('log', { name: 'Conversation' }).getByRole('heading', { name: 'Agent said' }).first()).toBeVisible();
  return session;
}

test('Ctrl+K finds a chat of another project by its title, and Enter opens it', async ({ page }) => {
  await openSim(page);
  await openProject(page, 'lookout-web');
  const target = await onlySession(page, 'Fix timezone bug in the billing report');
  await page.keyboard.press('Control+k');
  await expect(findField(page)).toBeFocused();
  await findField(page).fill('TIMEZONE bug');
  const option = palette(page).getByRole('option', { name: /Chat\s*Fix timezone bug in the billing report\s*billing-service/ });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/projects/${target.projectId}/chat/${target.id}$`));
  await expect(chatTitle(page)).toHaveText('Fix timezone bug in the billing report');
});

test('finds the text of a message loaded earlier, and opens its chat', async ({ page }) => {
  const topic = STREAMING_CHAT;
  const session = await openAnsweredChat(page);
  const messages = await sim(page).world.messages(session.id);
  const line = messages
    .filter((m) => m.role === 'assistant')
    .flatMap((m) => m.content.split('\n'))
    .find((text) => /^[A-Za-z][\w ,]{24,}/.test(text));
  expect(line, 'an agent line of plain words').toBeDefined();
  const fragment = line!.slice(0, 24);

  // Away from that chat, then find it by what the agent wrote.
  await page.getByRole('banner').getByRole('link', { name: 'Lookout, all projects' }).click();
  await findButton(page).click();
  await findField(page).fill(fragment);
  const hit = palette(page).getByRole('option', { name: new RegExp(`Message.*${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*Agent in ${topic}`) });
  await expect(hit.first()).toBeVisible();
  await hit.first().click();
  await expect(chatTitle(page)).toHaveText(topic);
});

test('? lists the shortcuts; Escape closes a dialog and gives focus back to where it was', async ({ page }) => {
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, 'Add retry with backoff to the webhook dispatcher');
  const details = chatRegion(page).getByRole('button', { name: 'Details' });
  await details.focus();
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Ctrl+K');
  await expect(shortcuts).toContainText('Find projects, chats and loaded messages');
  await expect(shortcuts).toContainText('Move to the previous or next chat');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(details).toBeFocused();

  // `?` typed into a field is just a character.
  const box = chatRegion(page).getByRole('textbox', { name: 'Message the agent' });
  await box.fill('why?');
  await box.press('?');
  await expect(shortcuts).toBeHidden();
  await expect(box).toHaveValue('why??');

  // The header's button (for touch), then Escape: focus returns to the button.
  await findButton(page).click();
  await expect(findField(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(findButton(page)).toBeFocused();
});

test('Export as Markdown downloads the chat with its title and prompts', async ({ page }) => {
  const topic = STREAMING_CHAT;
  const session = await openAnsweredChat(page);
  // A prompt of this visit: the loaded window of this long chat starts after its first one.
  const prompt = 'Please also add a changelog entry for the retry budget';
  const box = chatRegion(page).getByRole('textbox', { name: 'Message the agent' });
  await box.fill(prompt);
  await box.press('Enter');
  await expect(chatRegion(page).getByRole('log', { name: 'Conversation' })).toContainText(prompt);

  await chatRegion(page).getByRole('button', { name: 'Details' }).click();
  const downloading = page.waitForEvent('download');
  await chatRegion(page).getByRole('button', { name: 'Export as Markdown' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('add-retry-with-backoff-to-the-webhook-dispatcher.md');
  const text = await readFile((await download.path())!, 'utf8');
  expect(text.startsWith(`# ${topic}\n`)).toBe(true);
  expect(text).toContain(`- Session: \`${session.id}\``);
  expect(text).toMatch(new RegExp(`## Turn \\d+\\n\\n\\*\\*You\\*\\*.*\\n\\n> ${prompt}\\n`));
  expect(text).toContain('Earlier messages were not loaded');
  expect(text).toContain('**Agent**');
});

test('the turn list in Details scrolls a long chat back to an earlier prompt', async ({ page }) => {
  await openSim(page, { scenario: 'long-chat' });
  await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
  await page.getByRole('complementary', { name: 'Chats' }).or(page.getByRole('main')).getByRole('link').first().click();
  const log = chatRegion(page).getByRole('log', { name: 'Conversation' });
  await expect(log).toBeVisible();
  await chatRegion(page).getByRole('button', { name: 'Details' }).click();
  const turnList = chatRegion(page).getByRole('navigation', { name: 'Turns' });
  await turnList.getByRole('button', { name: /^Turns/ }).click();
  const turns = turnList.getByRole('listitem').getByRole('button');
  await expect(turns.nth(1)).toBeVisible();
  const atEnd = await log.evaluate((el) => el.scrollTop);
  const first = turns.first();
  const text = (await first.locator('span').last().innerText()).trim();
  await first.click();
  await expect.poll(() => log.evaluate((el) => el.scrollTop)).toBeLessThan(atEnd - 500);
  // The prompt's row is within the conversation's visible part (the same prompt text can recur off screen).
  const promptShown = () =>
    log.evaluate((el, wanted) => {
      const box = el.getBoundingClientRect();
      return [...el.querySelectorAll<HTMLElement>('[data-item-id]')].some((row) => {
        const r = row.getBoundingClientRect();
        return row.innerText.includes(wanted) && r.bottom > box.top && r.top < box.bottom;
      });
    }, text);
  await expect.poll(promptShown).toBe(true);
});
