import { expect, test, type Page } from '@playwright/test';
import { chatsLoaded, clickChat, projectsLoaded } from './screens';
import { AUDIT_TRACE, BEHAVIOUR_PROJECTS, expectLive, openScenario, settle } from './support';

/**
 * The hostile world (mocks/scenarios/hostile.ts): script tags, event-handler attributes, javascript:
 * and data: URLs and markdown links in message content, tool output, topics, project names and
 * notifications. Nothing may execute and nothing may navigate away.
 *
 * The trap: before the app starts, alert/confirm/prompt/print are replaced by recorders (every payload
 * calls alert), dialogs are recorded, and a MutationObserver records every <script> inserted after
 * the page loaded and every on* attribute ever set. After each step the DOM is searched for what
 * could run or navigate: scripts in the app, on* attributes, javascript:/data:/vbscript: URLs,
 * iframes/objects/embeds, <base>, images from content, target=_blank links without noopener.
 */

test.use({ trace: AUDIT_TRACE });

declare global {
  interface Window {
    __pwned?: string[];
  }
}

interface Trap {
  dialogs: string[];
  popups: string[];
}

const traps = new WeakMap<Page, Trap>();

// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
test.beforeEach(async ({}, testInfo) => {
  test.skip(!BEHAVIOUR_PROJECTS.has(testInfo.project.name), 'hostile-input specs run on mobile-375-light and desktop-1280-dark');
});

test.beforeEach(async ({ page, context }) => {
  const trap: Trap = { dialogs: [], popups: [] };
  traps.set(page, trap);
  page.on('dialog', (dialog) => {
    trap.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  context.on('page', (popup) => {
    trap.popups.push(popup.url());
    // The popup may navigate after it opens (target=_blank): record where it went, then close it.
    popup.on('framenavigated', (frame) => {
      if (frame === popup.mainFrame()) trap.popups.push(frame.url());
    });
    setTimeout(() => void popup.close().catch(() => {}), 500);
  });
  await page.addInitScript(() => {
    const pwned: string[] = [];
    window.__pwned = pwned;
    const record = (what: string) => pwned.push(what);
    window.alert = (message?: unknown) => void record(`alert(${String(message)})`);
    window.confirm = (message?: string) => (record(`confirm(${String(message)})`), false);
    window.prompt = (message?: string) => (record(`prompt(${String(message)})`), null);
    window.print = () => void record('print()');
    let loaded = false;
    addEventListener('DOMContentLoaded', () => (loaded = true));
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'attributes' && m.attributeName && /^on/i.test(m.attributeName)) {
          record(`${(m.target as Element).tagName} got ${m.attributeName}`);
        }
        for (const node of m.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const el of [node, ...node.querySelectorAll('*')]) {
            if (loaded && el.tagName === 'SCRIPT') record(`script inserted: ${el.outerHTML.slice(0, 80)}`);
            for (const attr of el.attributes) if (/^on/i.test(attr.name)) record(`${el.tagName} inserted with ${attr.name}`);
          }
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
});

/** The end of every test: no dialog opened and no payload ran, at any time. */
async function expectNothingRan(page: Page): Promise<void> {
  expect(traps.get(page)?.dialogs ?? [], 'dialogs opened').toEqual([]);
  expect(await page.evaluate(() => window.__pwned ?? []), 'hostile payloads that ran').toEqual([]);
}

/** Everything in the DOM now that could execute or navigate. Empty when the page is safe. */
async function threats(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.getElementById('root');
    const show = (el: Element) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 100);
    for (const script of document.querySelectorAll('script')) {
      const foreign = script.src && new URL(script.src, location.href).origin !== location.origin;
      if (root?.contains(script) || foreign || /alert|xss/i.test(script.textContent ?? '')) found.push(`script: ${show(script)}`);
    }
    const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background']);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) found.push(`${name} attribute: ${show(el)}`);
        if (name === 'srcdoc') found.push(`srcdoc: ${show(el)}`);
        // The tab's icon is the app's own drawing (reconcile/fleetBadge: a count and a colour), never wire content.
        const ownIcon = el.matches('head > link[rel="icon"]') && name === 'href' && attr.value.startsWith('data:image/svg+xml,');
        if (URL_ATTRIBUTES.has(name) && !ownIcon) {
          // Browsers ignore whitespace and control characters in a scheme ("java\tscript:").
          // eslint-disable-next-line no-control-regex
          const url = attr.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
          if (/^(javascript|data|vbscript):/.test(url)) found.push(`${name}=${attr.value.slice(0, 60)}: ${show(el)}`);
        }
      }
    }
    for (const el of document.querySelectorAll('iframe, frame, frameset, object, embed, base, meta[http-equiv], applet, portal')) {
      // The one meta the build itself writes: the Content-Security-Policy, first in <head> (scripts/csp.ts).
      const ownPolicy = el.matches('head > meta[http-equiv="Content-Security-Policy"]') && el === document.head.querySelector('meta[http-equiv]');
      if (!ownPolicy) found.push(`dangerous element: ${show(el)}`);
    }
    for (const el of root?.querySelectorAll('img, video, audio, source, link, style, form[action]') ?? []) {
      if (el.tagName === 'IMG' && el.closest('header') && el.getAttribute('src') === '/favicon.svg') continue;
      found.push(`element from content: ${show(el)}`);
    }
    for (const a of document.querySelectorAll('a[target="_blank"]')) {
      const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') && !rel.includes('noreferrer')) found.push(`target=_blank without noopener: ${show(a)}`);
    }
    return found;
  });
}

async function expectSafe(page: Page, where: string): Promise<void> {
  expect(await threats(page), `executable or navigating markup on ${where}`).toEqual([]);
  expect(await page.evaluate(() => window.__pwned ?? []), `payloads that ran on ${where}`).toEqual([]);
}

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });

/**
 * Scrolls the (virtual) conversation from top to bottom, calling `visit` at each position, so every
 * row is mounted at some point.
 */
async function throughConversation(page: Page, visit: () => Promise<void>): Promise<void> {
  const log = conversation(page);
  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 60; i++) {
    await settle(page);
    await visit();
    const atEnd = await log.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 2) return true;
      el.scrollBy({ top: el.clientHeight * 0.8 });
      return false;
    });
    if (atEnd) return;
  }
}

async function openHostileProject(page: Page): Promise<void> {
  await openScenario(page, 'hostile', '/');
  await projectsLoaded(page);
  await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
  await chatsLoaded(page);
}

async function openHostileChat(page: Page, topic: RegExp): Promise<void> {
  await clickChat(page, { topic });
  await conversation(page).waitFor();
  await expectLive(page);
}

const FIRST_CHAT = /^<script>alert\("xss-script"\)<\/script> Fix login/;
const SECOND_CHAT = /^Topic with \[click for details\]/;

test('hostile content renders as text: nothing executes, nothing dangerous reaches the DOM', async ({ page }) => {
  await openHostileProject(page);
  await expectSafe(page, 'the project (project name, topics)');
  // The project name and the topics are shown as the text they are.
  await expect(page.getByRole('banner')).toContainText('evil-corp <img src=x onerror=alert("xss-img")>');

  await openHostileChat(page, FIRST_CHAT);
  await expect(page.getByRole('region', { name: 'Chat' }).locator('header h1')).toHaveText('<script>alert("xss-script")</script> Fix login');
  // Open every tool call and thinking block, so tool input and output are rendered too.
  let opened = 0;
  await throughConversation(page, async () => {
    const closed = conversation(page).locator('button[aria-expanded="false"]');
    for (let n = await closed.count(); n > 0; n = await closed.count()) {
      await closed.first().click();
      opened += 1;
    }
    await expectSafe(page, 'the hostile chat');
  });
  expect(opened, 'tool calls and thinking blocks were opened').toBeGreaterThan(0);
  await expect(conversation(page)).toContainText('<img src=x onerror=alert("xss-img")>');

  await openHostileChat(page, SECOND_CHAT);
  await throughConversation(page, () => expectSafe(page, 'the second hostile chat'));

  // Notification titles and bodies, on every tab.
  await page.getByRole('button', { name: /^Notifications, / }).click();
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  for (const tab of ['Priority', 'Updates', 'All']) {
    await panel.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await settle(page);
    await expectSafe(page, `the notification panel (${tab})`);
  }
  await expect(panel).toContainText('<script>alert("xss-script")</script> Task completed');
  // A javascript: actionUrl is shown as text, never as a link.
  await expect(panel).toContainText('javascript:alert("xss-action")');
  await expectNothingRan(page);
});

test('clicking every link in the hostile chat and every notification never leaves the app', async ({ page }) => {
  const trap = traps.get(page)!;
  await openHostileProject(page);
  await openHostileChat(page, FIRST_CHAT);
  const home = new URL(page.url());
  const expectHome = async (where: string) => {
    const now = new URL(page.url());
    expect(`${now.origin}${now.pathname}`, `still on the chat after clicking ${where}`).toBe(`${home.origin}${home.pathname}`);
  };

  // Every link the conversation renders, wherever the virtual list mounts it.
  const clicked = new Set<string>();
  await throughConversation(page, async () => {
    const links = conversation(page).locator('a[href]');
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      const key = `${await link.getAttribute('href')}|${(await link.textContent())?.trim()}`;
      if (clicked.has(key)) continue;
      clicked.add(key);
      await link.click();
      await page.waitForTimeout(150);
      await expectHome(`link ${key}`);
      await expectSafe(page, `after clicking ${key}`);
    }
  });
  test.info().annotations.push({ type: 'links clicked', description: [...clicked].join('\n') });
  expect(clicked.size, 'the hostile chat renders some links (its safe markdown links)').toBeGreaterThan(0);
  await page.waitForTimeout(600);
  for (const url of trap.popups) {
    expect(url, 'a link opened a new tab at a script or data URL').not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }

  // Every notification: its row (an in-app link, or "mark read") and any link inside it.
  const openPanel = async () => {
    if (!(await page.getByRole('dialog', { name: 'Notifications' }).isVisible())) {
      await page.getByRole('button', { name: /^Notifications, / }).click();
    }
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByRole('tab', { name: /^All/ }).click();
    await panel.getByRole('listitem').first().waitFor();
    return panel;
  };
  const count = await (await openPanel()).getByRole('listitem').count();
  expect(count, 'the hostile world has notifications').toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const item = (await openPanel()).getByRole('listitem').nth(i);
    const targets = item.locator('a[href], button:not([aria-label^="Dismiss"])');
    const n = await targets.count();
    for (let j = 0; j < n; j++) {
      const target = (await openPanel()).getByRole('listitem').nth(i).locator('a[href], button:not([aria-label^="Dismiss"])').nth(j);
      if (!(await target.isVisible())) continue;
      const name = (await target.getAttribute('aria-label')) ?? (await target.textContent()) ?? '';
      // A row's whole area is its target (an overlay under the row's own controls): click its corner.
      const overlay = await target.evaluate((el) => getComputedStyle(el).position === 'absolute');
      await target.click(overlay ? { position: { x: 4, y: 4 } } : {});
      await page.waitForTimeout(150);
      const now = new URL(page.url());
      expect(now.origin, `notification "${name}" kept the app's origin`).toBe(home.origin);
      expect(now.protocol, `notification "${name}"`).toMatch(/^https?:$/);
      await expectSafe(page, `after clicking notification "${name}"`);
    }
  }
  await page.waitForTimeout(600);
  for (const url of trap.popups) {
    expect(url, 'a notification opened a new tab at a script or data URL').not.toMatch(/^\s*(javascript|data|vbscript):/i);
  }
  test.info().annotations.push({ type: 'popups', description: trap.popups.join('\n') || 'none' });
  await expectNothingRan(page);
});
