import { expect, test, type Page } from '@playwright/test';
import { chatsLoaded, clickChat, projectCard, projectsLoaded, sessionList } from './screens';
import { sim } from '../support/sim';
import {
  advanceSim,
  AUDIT_TRACE,
  BEHAVIOUR_PROJECTS,
  clearConnectionStates,
  connectionButton,
  connectionStates,
  expectConnection,
  expectLive,
  heldCount,
  holdRequests,
  holdRequestsFromStart,
  installFetchGate,
  openScenario,
  recordConnectionStates,
  releaseRequests,
} from './support';

/**
 * What a person sees when SAM misbehaves, driven through the simulator's fault interface
 * (`window.__lookoutSim.faults`). The truth to compare with is the simulated server's world.
 */

/** The simulated fleet fails the one session with this topic, as its task would on the server. */
async function failSession(page: Page, topic: string): Promise<void> {
  const [session] = await sim(page).world.sessions(topic);
  if (!session) throw new Error(`no session "${topic}" in the simulated world`);
  await sim(page).fleet.failNow(session.id);
}

test.use({ trace: AUDIT_TRACE });

/** Uncaught page errors per test (by test id). */
const pageErrors = new Map<string, string[]>();

// Skipped before any page exists (a hook without fixtures), so the other projects cost nothing.
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
test.beforeEach(async ({}, testInfo) => {
  test.skip(!BEHAVIOUR_PROJECTS.has(testInfo.project.name), 'fault specs run on mobile-375-light and desktop-1280-dark');
});

test.beforeEach(async ({ page }, testInfo) => {
  const errors: string[] = [];
  pageErrors.set(testInfo.testId, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  await recordConnectionStates(page);
});

// eslint-disable-next-line no-empty-pattern -- no fixtures: a skipped test must not open a page here
test.afterEach(async ({}, testInfo) => {
  // No fault may crash the app: no uncaught error.
  expect(pageErrors.get(testInfo.testId) ?? [], 'uncaught errors in the page').toEqual([]);
  pageErrors.delete(testInfo.testId);
});

const TOKENS = 60;

/** The token words the agent of `streamingChat` says, in order. */
const tokensIn = (text: string) => text.match(/tok\d{3}/g) ?? [];

/**
 * In the empty world: spawns a chat whose agent streams TOKENS numbered words ("tok001 " …) on the
 * frozen clock, opens it, and returns its session id. Nothing streams until the test advances the clock.
 */
async function streamingChat(page: Page): Promise<string> {
  await openScenario(page, 'empty', '/');
  await projectsLoaded(page);
  await projectCard(page, 'fresh-start').click();
  await chatsLoaded(page);
  const sessionId = await page.evaluate((n) => {
    const sim = window.__lookoutSim!;
    const project = [...sim.world.projects.values()][0]!;
    const chunks = Array.from({ length: n }, (_, i) => `tok${String(i + 1).padStart(3, '0')} `);
    const { session } = sim.fleet.spawn({
      projectId: project.id,
      title: 'Stream under faults',
      script: [{ kind: 'say', chunks }, { kind: 'idle' }],
    });
    return session.id;
  }, TOKENS);
  await clickChat(page, { topic: /^Stream under faults/ });
  await page.getByRole('log', { name: 'Conversation' }).waitFor();
  await expectLive(page);
  return sessionId;
}

/** What the agent said according to the server (the world), and what the conversation shows. */
async function saidVsShown(page: Page, sessionId: string): Promise<{ said: string[]; shown: string[] }> {
  const { said, shown } = await page.evaluate((id) => {
    const world = window.__lookoutSim!.world;
    const saidText = world.messages
      .all(id)
      .filter((m) => m.role === 'assistant')
      .map((m) => m.content)
      .join('');
    const log = document.querySelector('[role="log"][aria-label="Conversation"]');
    const shownText = [...(log?.querySelectorAll('h3') ?? [])]
      .filter((h) => h.textContent === 'Agent said')
      .map((h) => h.parentElement?.textContent?.replace('Agent said', '') ?? '')
      .join(' ');
    return { said: saidText, shown: shownText };
  }, sessionId);
  return { said: tokensIn(said), shown: tokensIn(shown) };
}

/** Advances the frozen clock until the agent has said everything (it idles afterwards). */
async function streamToEnd(page: Page): Promise<void> {
  await advanceSim(page, 60_000);
}

/** Once the app has settled, the conversation shows exactly what the server holds: nothing lost, nothing twice. */
async function expectConversationMatchesServer(page: Page, sessionId: string): Promise<void> {
  await expect.poll(async () => (await saidVsShown(page, sessionId)).said.length, { message: 'the agent said every token' }).toBe(TOKENS);
  await expect
    .poll(async () => (await saidVsShown(page, sessionId)).shown, { message: 'the conversation shows what the server holds', timeout: 15_000 })
    .toEqual((await saidVsShown(page, sessionId)).said);
}

test('the socket drops mid-stream and comes back: no message lost or doubled', async ({ page }) => {
  const sessionId = await streamingChat(page);
  // Boot the agent and let it say part of its answer, live.
  await advanceSim(page, 8_000);
  await expect.poll(async () => (await saidVsShown(page, sessionId)).shown.length, { message: 'streaming has begun' }).toBeGreaterThan(0);
  const before = (await saidVsShown(page, sessionId)).shown.length;
  expect(before, 'the drop must come mid-stream').toBeLessThan(TOKENS);

  // The socket drops; the agent goes on talking while the app is disconnected (those frames are lost).
  await clearConnectionStates(page);
  await page.evaluate(() => {
    const sim = window.__lookoutSim!;
    sim.faults.dropSockets('project');
    sim.clock.advance(3_000);
  });
  await expectLive(page);
  expect(await connectionStates(page), 'the indicator said the stream was reconnecting').toContain('Reconnecting');

  await streamToEnd(page);
  await expectConversationMatchesServer(page, sessionId);
});

test('a deploy closes every socket: the indicator shows Reconnecting, then Live, and nothing is missed', async ({ page }, testInfo) => {
  await openScenario(page, 'default', '/');
  await projectsLoaded(page);
  await projectCard(page, 'lookout-web').click();
  await chatsLoaded(page);
  const working = page.getByRole('complementary', { name: 'Chats' }).getByRole('link', { name: /^Fix flaky session list test on CI/ });
  await expect(working).toContainText('Working');

  // New connections are refused for a moment, as during a deploy: the state must be visible meanwhile.
  await clearConnectionStates(page);
  await page.evaluate(() => {
    const { faults } = window.__lookoutSim!;
    faults.blockSockets();
    faults.closeAll();
  });
  await expectConnection(page, 'Reconnecting');
  if (testInfo.project.name.startsWith('desktop')) await expect(page.getByTestId('connection-label')).toHaveText('Reconnecting');

  // While nobody is connected the session fails: no event can tell the app.
  await failSession(page, 'Fix flaky session list test on CI');
  await page.evaluate(() => window.__lookoutSim!.faults.unblockSockets());
  await expectLive(page);
  expect(await connectionStates(page)).toEqual(expect.arrayContaining(['Reconnecting', 'Live']));
  const states = await connectionStates(page);
  expect(states.lastIndexOf('Live'), 'Live comes after Reconnecting').toBeGreaterThan(states.indexOf('Reconnecting'));
  if (testInfo.project.name.startsWith('desktop')) await expect(page.getByTestId('connection-label')).toHaveText('Live');
  // The catch-up after reconnecting brings the failure that happened while disconnected.
  await expect(working).toContainText('Failed');
});

test('duplicated and reordered frames: each message shows once, in order', async ({ page }) => {
  const sessionId = await streamingChat(page);
  await page.evaluate(() => {
    const sim = window.__lookoutSim!;
    sim.faults.duplicateNextFrames(200, 'project');
    sim.faults.reorderNextFrames(6, 'project');
  });
  await streamToEnd(page);
  await page.evaluate(() => window.__lookoutSim!.faults.releaseHeldFrames());
  await expectConversationMatchesServer(page, sessionId);
  // The sessions list does not grow a second row for the duplicated session frames.
  await expect((await sessionList(page)).getByRole('link', { name: /^Stream under faults/ })).toHaveCount(1);
});

test('a sequence gap (frames persisted but never sent) is caught up over REST', async ({ page }) => {
  const sessionId = await streamingChat(page);
  await advanceSim(page, 6_000);
  // One batch (the VM flushes its outbox every 2 s as one messages.batch, several rows): a gap that a
  // later batch's sequence reveals. Skipping the last batches of the answer would leave no later frame.
  await page.evaluate((id) => window.__lookoutSim!.faults.skipNextSequence(1, id), sessionId);
  await streamToEnd(page);
  await expectConversationMatchesServer(page, sessionId);
});

test('a stale REST page that lands after a newer live event does not turn Failed back into Working', async ({ page }, testInfo) => {
  await installFetchGate(page);
  await openScenario(page, 'default', '/');
  await projectsLoaded(page);
  await projectCard(page, 'lookout-web').click();
  await chatsLoaded(page);
  const row = page.getByRole('complementary', { name: 'Chats' }).getByRole('link', { name: /^Add rate limiting to the public API/ });
  await expect(row).toBeVisible();

  // A reconnect makes the app refetch the sessions list; the server answers at once (the session is
  // still active in that answer) but the answer is held back, as on a slow network.
  await holdRequests(page, { match: '^GET /api/projects/[^/]+/sessions$', count: 1, phase: 'response' });
  await page.evaluate(() => window.__lookoutSim!.faults.dropSockets('project'));
  await expect.poll(() => heldCount(page), { message: 'the refetch is in flight' }).toBe(1);
  await expectConnection(page, 'Catching up');

  // Meanwhile, live: the session fails.
  await failSession(page, 'Add rate limiting to the public API');
  await expect(row).toContainText('Failed');

  // Now the stale page lands (or was already abandoned by the app: both are fine, neither may win).
  const { released, aborted } = await releaseRequests(page);
  testInfo.annotations.push({ type: 'race', description: `stale answers released: ${released}; aborted by the app: ${aborted.length}` });
  await expectLive(page);
  await page.waitForTimeout(300);
  await expect(row).toContainText('Failed');
  await expect(row).not.toContainText('Working');
});

test('a session row left active after its task failed shows Failed', async ({ page }) => {
  await openScenario(page, 'stale-active', '/');
  await projectsLoaded(page);
  await projectCard(page, 'lookout-web').click();
  await chatsLoaded(page);
  const list = page.getByRole('complementary', { name: 'Chats' });
  const already = list.getByRole('link', { name: /^Add an audit log for project membership changes/ });
  const soon = list.getByRole('link', { name: /^Split the monolithic router into feature modules/ });
  await expect(already).toContainText('Failed');

  // The second one fails live, about half a minute in; SAM leaves its row active.
  await advanceSim(page, 90_000);
  await expect(soon).toContainText('Failed');
  const rows = await page.evaluate(() => {
    const sim = window.__lookoutSim!;
    return [...sim.world.projects.values()]
      .flatMap((p) => sim.world.sessions.list(p.id))
      .filter((s) => s.taskId && sim.world.tasks.get(s.taskId)?.status === 'failed')
      .map((s) => s.status);
  });
  expect(rows, 'the server still says active: the app read the task').toEqual(['active', 'active']);

  // The open chat says so too.
  await clickChat(page, { topic: /^Split the monolithic router into feature modules/ });
  await expect(page.getByRole('region', { name: 'Chat' }).locator('header').first()).toContainText('Failed');
});

test('malformed, unknown and oversized frames are ignored and counted; the stream carries on', async ({ page }) => {
  await openScenario(page, 'default', '/');
  await projectsLoaded(page);
  await projectCard(page, 'lookout-web').click();
  await chatsLoaded(page);
  const sent = await page.evaluate(() => {
    const { faults } = window.__lookoutSim!;
    return [faults.sendMalformed('not-json'), faults.sendMalformed('bad-payload'), faults.sendMalformed('oversized'), faults.sendMalformed('unknown-type')];
  });
  expect(sent, 'each bad frame reached one project socket').toEqual([1, 1, 1, 1]);

  await connectionButton(page).click();
  const diagnostics = page.getByRole('dialog', { name: 'Stream diagnostics' });
  await expect(diagnostics).toBeVisible();
  await expect(diagnostics.getByTestId('dropped-frames')).toHaveText('3');
  await expect(diagnostics.getByText('Unused frames ignored').locator('xpath=following-sibling::dd[1]')).toHaveText('1');
  await expect(diagnostics).toContainText('Last dropped:');
  await diagnostics.getByRole('button', { name: 'Close' }).click();

  // Still live, and real events still apply.
  await expectLive(page);
  const row = page.getByRole('complementary', { name: 'Chats' }).getByRole('link', { name: /^Add rate limiting to the public API/ });
  await failSession(page, 'Add rate limiting to the public API');
  await expect(row).toContainText('Failed');
});

test('REST 500s: an error card with Retry after the retries, and Retry recovers', async ({ page }) => {
  test.slow(); // three retries with backoff (1 s, 2 s, 4 s) before the card shows
  await installFetchGate(page);
  await holdRequestsFromStart(page, { match: '^GET /api/projects$', count: 1, phase: 'request' });
  await openScenario(page, 'default', '/');
  await page.getByRole('list', { name: 'Loading projects' }).waitFor();
  await page.evaluate(() => window.__lookoutSim!.faults.failNextRequests(500, 4, /^GET \/api\/projects$/));
  await releaseRequests(page);

  // While it retries the skeleton stays; then the failure is said in words, with a way out.
  const card = page.getByRole('alert').filter({ hasText: 'Projects could not be loaded' });
  await expect(card).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText('HTTP 500');
  expect(await page.evaluate(() => window.__lookoutSim!.faults.snapshot().failingRequests), 'all four attempts failed').toBe(0);

  await card.getByRole('button', { name: 'Retry' }).click();
  await projectsLoaded(page);
  await expect(card).toHaveCount(0);
  await expect(projectCard(page, 'lookout-web')).toBeVisible();
});

test('signed out: the signed-out scenario explains and offers a way back', async ({ page }) => {
  await openScenario(page, 'signed-out', '/');
  await expect(page.getByRole('heading', { name: 'You are signed out of SAM' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  await expect(connectionButton(page)).not.toHaveAccessibleName(/Live/);
});

test('signed out mid-session: the indicator stops saying Live, the signed-out screen follows by itself, signing in recovers', async ({ page }) => {
  await openScenario(page, 'default', '/');
  await projectsLoaded(page);
  await projectCard(page, 'lookout-web').click();
  await chatsLoaded(page);
  await clickChat(page, { topic: /^Upgrade the ORM and fix the breaking changes/ });

  await page.evaluate(() => window.__lookoutSim!.faults.signOut());
  // Sockets are closed with 1008 and refused: the stream is no longer live, and says so.
  await expect(connectionButton(page)).not.toHaveAccessibleName(/^Connection: Live\./);
  // The refused reconnect is checked over REST (401): Lookout says the person is signed out, unasked.
  await expect(page.getByRole('heading', { name: 'You are signed out of SAM' })).toBeVisible();

  await page.evaluate(() => window.__lookoutSim!.faults.signIn());
  await page.getByRole('button', { name: 'Reload' }).click();
  await expectLive(page);
  await expect(page.getByRole('heading', { name: 'You are signed out of SAM' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Chat' }).getByRole('heading', { level: 1 })).toHaveText('Upgrade the ORM and fix the breaking changes');
});
