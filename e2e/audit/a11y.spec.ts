import { expect, test, type ElementHandle, type Page } from '@playwright/test';
import { chatsLoaded, clickChat, projectCard, projectsLoaded, RETRY_CHAT } from './screens';
import { AUDIT_TRACE, BEHAVIOUR_PROJECTS, expectLive, isNarrow, openScenario, settle } from './support';

/**
 * Accessibility, beyond axe (axe runs on every screen in visual.spec.ts's walk, at 375 and 1280 px in
 * both themes, see axe.ts): a visible focus indicator on every control reached with Tab, no state
 * told by colour alone, and polite live regions for session state changes and new Priority
 * notifications.
 */

test.use({ trace: AUDIT_TRACE });

test.describe('behaviour', () => {
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
  test.beforeEach(async ({}, testInfo) => {
    test.skip(!BEHAVIOUR_PROJECTS.has(testInfo.project.name), 'runs on mobile-375-light and desktop-1280-dark');
  });

  async function openDefaultChat(page: Page): Promise<void> {
    await openScenario(page, 'default', '/');
    await projectsLoaded(page);
    await projectCard(page, 'lookout-web').click();
    await chatsLoaded(page);
    await clickChat(page, RETRY_CHAT);
    await page.getByRole('log', { name: 'Conversation' }).waitFor();
    await expectLive(page);
  }

  interface FocusLook {
    outline: string;
    boxShadow: string;
  }

  test('every control reached with Tab shows a focus indicator (outline or box-shadow)', async ({ page }) => {
    await openDefaultChat(page);
    await page.getByRole('button', { name: 'Details' }).click();
    await settle(page);
    // How a control looks, as far as a focus indicator goes.
    await page.evaluate(() => {
      (window as unknown as { __focusLook: (el: Element) => FocusLook }).__focusLook = (el) => {
        const s = getComputedStyle(el);
        const none = s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0;
        return { outline: none ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow };
      };
    });
    const lookOf = (handle: ElementHandle<Element>) =>
      handle.evaluate((el) => (el.isConnected ? (window as unknown as { __focusLook: (e: Element) => FocusLook }).__focusLook(el) : null));
    await page.mouse.click(1, 200); // start from the document, not from the last clicked control
    const problems: string[] = [];
    const seen: string[] = [];
    let previous: { handle: ElementHandle<Element>; name: string; focused: FocusLook } | null = null;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const handle = (await page.evaluateHandle(() => document.activeElement)) as ElementHandle<Element>;
      const current = await handle.evaluate((el) => ({
        tag: el.tagName.toLowerCase(),
        name: el.getAttribute('aria-label') ?? (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50),
        isBody: el === document.body,
      }));
      if (previous) {
        // The previous control, now that focus has left it (unless it went away meanwhile).
        const unfocused = await lookOf(previous.handle).catch(() => null);
        if (unfocused) {
          const outlineShows = previous.focused.outline !== 'none' && previous.focused.outline !== unfocused.outline;
          const shadowShows = previous.focused.boxShadow !== 'none' && previous.focused.boxShadow !== unfocused.boxShadow;
          if (!outlineShows && !shadowShows) {
            problems.push(`${previous.name}: focused ${JSON.stringify(previous.focused)} looks like unfocused ${JSON.stringify(unfocused)}`);
          }
        }
      }
      if (current.isBody) break;
      const focused = await lookOf(handle);
      const name = `${current.tag} "${current.name}"`;
      seen.push(name);
      previous = focused ? { handle, name, focused } : null;
    }
    test.info().annotations.push({ type: 'tab order', description: seen.join('\n') });
    expect(seen.length, 'Tab reaches the controls of the page').toBeGreaterThan(8);
    expect(problems, 'controls without a visible focus indicator').toEqual([]);
  });

  test('state is never told by colour alone: every state mark carries words', async ({ page }) => {
    await openDefaultChat(page);
    const check = () =>
      page.evaluate(() => {
        const problems: string[] = [];
        const words = (el: Element) => {
          const clone = el.cloneNode(true) as Element;
          for (const hidden of clone.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
          return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
        };
        const visible = (el: Element) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
        };
        const describe = (el: Element) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 120);
        // Status badges (sessions, tool calls): their own words.
        for (const badge of document.querySelectorAll('[data-state], [data-status]')) {
          if (visible(badge) && !words(badge)) problems.push(`badge without words: ${describe(badge)}`);
        }
        // Anything coloured in a state colour: words of its own, words next to it, or a labelled control around it.
        for (const el of document.querySelectorAll('[class*="text-state-"]')) {
          if (!visible(el) || words(el)) continue;
          const labelled = el.closest('[aria-label]')?.getAttribute('aria-label');
          const beside = el.parentElement ? words(el.parentElement) : '';
          if (!labelled && !beside) problems.push(`colour without words: ${describe(el)}`);
        }
        // The connection state: in the indicator's name at every width (its label is hidden on phones).
        const indicator = document.querySelector('button[aria-label^="Connection: "]');
        if (!indicator || !/^Connection: (Live|Catching up|Connecting|Reconnecting|Offline)\./.test(indicator.getAttribute('aria-label') ?? '')) {
          problems.push('the connection indicator does not name its state');
        }
        return { problems, badges: document.querySelectorAll('[data-state], [data-status]').length };
      });
    let result = await check();
    expect(result.problems, 'state marks without words (chat)').toEqual([]);
    expect(result.badges, 'status badges were found').toBeGreaterThan(0);
    // The sessions list (a drawer on phones) shows every state of the default world.
    if (isNarrow(test.info())) await page.getByRole('button', { name: 'Chats', exact: true }).click();
    await settle(page);
    result = await check();
    expect(result.problems, 'state marks without words (sessions list)').toEqual([]);
  });

  test('a polite live region announces a state change of the open session', async ({ page }) => {
    await openDefaultChat(page);
    await page.evaluate(() => {
      const sim = window.__lookoutSim!;
      const session = [...sim.world.projects.values()]
        .flatMap((p) => sim.world.sessions.list(p.id))
        .find((s) => s.topic === 'Investigate memory growth in the log shipper' && s.status === 'active')!;
      sim.fleet.failNow(session.id);
    });
    const region = page.locator('[aria-live="polite"]').filter({ hasText: /Investigate memory growth in the log shipper.*Failed/ });
    await expect(region).toHaveCount(1);
    await expect(region).toHaveAttribute('aria-atomic', 'true');
  });

  test('a polite live region announces a new Priority notification', async ({ page }) => {
    await openDefaultChat(page);
    const title = await page.evaluate(() => {
      const sim = window.__lookoutSim!;
      const session = [...sim.world.projects.values()]
        .flatMap((p) => sim.world.sessions.list(p.id))
        .find((s) => s.topic === 'Add rate limiting to the public API')!;
      const before = new Set(sim.world.notifications.all().map((n) => n.id));
      sim.fleet.askNow(session.id, 'Which limiter should I use?', ['Token bucket', 'Fixed window']);
      sim.clock.advance(5_000);
      return sim.world.notifications.all().find((n) => !before.has(n.id) && n.type === 'needs_input')?.title ?? null;
    });
    expect(title, 'the simulator raised a needs-input notification').not.toBeNull();
    const region = page.locator('[aria-live="polite"]').filter({ hasText: `New notification: ${title}` });
    await expect(region).toHaveCount(1);
  });
});
