import { expect, type Page } from '@playwright/test';
import { projectId } from './sam';

/*
 * Finding things on Lookout's screen by what a person reads (roles and names), at phone and desktop
 * widths. The same landmarks as the simulated suite (e2e/support/sim.ts), without its simulator hooks.
 */

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const chatRegion = (page: Page) => page.getByRole('region', { name: 'Chat' });
export const chatHeader = (page: Page) => chatRegion(page).locator('header');
export const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
export const isPhone = (page: Page) => (page.viewportSize()?.width ?? 1280) < 768;

export async function openProjectPage(page: Page): Promise<void> {
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('heading', { name: 'Chats', level: 2 })).toBeVisible();
}

export async function openChat(page: Page, sessionId: string, topic: string): Promise<void> {
  await page.goto(`/projects/${projectId}/chat/${sessionId}`);
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(topic);
}

/** The chats list: the sidebar on a desktop; on a phone, the list page or the Chats drawer. */
async function chatList(page: Page) {
  const sidebar = page.getByRole('complementary', { name: 'Chats' });
  if (await sidebar.isVisible()) return { list: sidebar, close: async () => {} };
  const drawerButton = page.getByRole('button', { name: 'Chats', exact: true });
  if (await drawerButton.isVisible()) {
    await drawerButton.click();
    const drawer = page.getByRole('dialog', { name: 'Chats' });
    return { list: drawer, close: () => page.getByRole('button', { name: 'Close chats' }).click() };
  }
  return { list: page.getByRole('main'), close: async () => {} };
}

/**
 * A chat's row in the list says `state` (its accessible name reads "topic , 5 min ago , State …"), or,
 * with `not`, does not.
 */
export async function expectRowState(page: Page, topic: string, state: RegExp, options: { not?: boolean } = {}): Promise<void> {
  const { list, close } = await chatList(page);
  const row = list.getByRole('link', { name: new RegExp(`^${escapeRegExp(topic)} ,`) });
  const named = new RegExp(`, (${state.source})\\b`);
  if (options.not) await expect(row).not.toHaveAccessibleName(named);
  else await expect(row).toHaveAccessibleName(named);
  await close();
}

/** Milliseconds until `check` passes (for the note: figures are printed, never asserted). */
export async function timeUntil(check: () => Promise<void>): Promise<number> {
  const started = Date.now();
  await check();
  return Date.now() - started;
}
