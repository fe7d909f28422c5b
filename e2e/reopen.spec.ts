import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './audit/axe';
import { chatRegion, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Instant reopen (issue #17 item 5, docs/persist.md): a reloaded tab paints the chat kept from its last
 * visit before SAM answers anything but "who is signed in", marked "as of", and the mark goes once SAM
 * has answered. Another user of the same browser never sees any of it.
 *
 * The simulator answers from a service worker, where page.route cannot see its requests; so SAM is held
 * at the page's fetch: every /api/ request except GET /api/auth/me waits until the test releases it.
 */

const TOPIC = 'Add retry with backoff to the webhook dispatcher';
const ADA = 'user_01HZX8ADA';

declare global {
  interface Window {
    __releaseSam?: () => void;
  }
}

async function holdSamUntilReleased(page: Page) {
  await page.addInitScript(() => {
    const realFetch = window.fetch.bind(window);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    window.__releaseSam = release;
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const held = new URL(url, location.href).pathname.startsWith('/api/') && !url.includes('/api/auth/me');
      return held ? released.then(() => realFetch(input, init)) : realFetch(input, init);
    };
  });
}

/** The users whose cache this browser keeps, and whether a user's kept chat holds `text`. */
async function keptCache(page: Page, userId: string, text: string): Promise<{ users: string[]; holds: boolean }> {
  return page.evaluate(
    ({ userId, text }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lookout');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('query-cache')) return resolve({ users: [], holds: false });
          const store = db.transaction('query-cache').objectStore('query-cache');
          const keys = store.getAllKeys();
          const record = store.get(`lookout.cache:${userId}`);
          record.onsuccess = () => {
            const users = (keys.result as string[]).map((key) => key.replace('lookout.cache:', ''));
            const queries = (record.result?.client?.clientState?.queries ?? []) as Array<{ state: { data: { messages?: Array<{ content: string }> } } }>;
            const holds = queries.some((q) => q.state.data?.messages?.some((m) => m.content.includes(text)) ?? false);
            db.close();
            resolve({ users, holds });
          };
        };
      }),
    { userId, text },
  );
}

test.describe('a reopened tab', () => {
  test('paints the last chat at once, marked "as of" until SAM answers; another user sees none of it', async ({ page }) => {
    await openSim(page);
    await openProject(page, 'lookout-web');
    await openSession(page, TOPIC);
    const session = (await sim(page).world.sessions(TOPIC))[0]!;
    // The newest thing the agent said (its first line: the view renders markdown).
    const lastPrompt = await page.evaluate(
      (id) =>
        window
          .__lookoutSim!.world.messages.all(id)
          .filter((m) => m.role === 'assistant' && m.content.trim() !== '')
          .at(-1)!
          .content.trim()
          .split('\n')[0]!
          .slice(0, 40),
      session.id,
    );
    const conversation = page.getByRole('log', { name: 'Conversation' });
    await expect(conversation).toContainText(lastPrompt);
    await expect(page.getByTestId('restored-mark')).toHaveCount(0);
    // Saved within a second of the last change (the persister's throttle).
    await expect.poll(() => keptCache(page, ADA, lastPrompt)).toEqual({ users: [ADA], holds: true });

    await holdSamUntilReleased(page);
    await page.reload();
    await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(TOPIC);
    await expect(conversation).toContainText(lastPrompt);
    const mark = page.getByTestId('restored-mark');
    await expect(mark).toContainText(/Saved copy as of \d{1,2}:\d{2}/);
    await expect(mark).toContainText('just now');
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate(() => window.__releaseSam!());
    await expect(mark).toHaveCount(0);
    await expect(conversation).toContainText(lastPrompt);

    // Grace signs in on the same browser (her SAM has one empty project) and opens the same address.
    await page.goto(`${new URL(page.url()).pathname}?scenario=empty&seed=1&clock=frozen&user=grace`);
    // Ada's store is removed, never restored (so the restore decision has been made)...
    await expect.poll(async () => (await keptCache(page, ADA, lastPrompt)).users).not.toContain(ADA);
    // ...and while SAM is still held, nothing of Ada's is on the screen.
    await expect(page.getByText(lastPrompt)).toHaveCount(0);
    await expect(page.getByTestId('restored-mark')).toHaveCount(0);
    await expect(page.getByText(TOPIC)).toHaveCount(0);
    await page.evaluate(() => window.__releaseSam!());
    await expect(page.getByText(lastPrompt)).toHaveCount(0);
    await expect(page.getByText(TOPIC)).toHaveCount(0);
  });

  test("fetches a project's code beside the first screen's on a project's address, and none of it on the projects page", async ({ page }) => {
    const preloaded = () => page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => link.href));
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    await openSim(page);
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    expect(await preloaded()).not.toContainEqual(expect.stringMatching(/ProjectView|MarkdownRenderer/));
    expect(await fetched()).not.toContainEqual(expect.stringMatching(/ProjectView|MarkdownRenderer/));
    // The kept cache's code is asked for on every address: every start reads the store.
    expect(await preloaded()).toContainEqual(expect.stringMatching(/persistInBrowser/));

    await openProject(page, 'lookout-web');
    await openSession(page, TOPIC);
    await page.reload();
    await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
    expect(await preloaded()).toEqual(expect.arrayContaining([expect.stringMatching(/ProjectView/), expect.stringMatching(/MarkdownRenderer/)]));
  });
});
