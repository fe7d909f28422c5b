import { expect, test, type Locator, type Page } from '@playwright/test';
import { chatRegion, expectLive, expectSidebarRowState, freezePageClock, openProject, openSession, openSim, sim, type SessionInfo } from './support/sim';

/*
 * The chat view (issue: "open a session and watch it stream"): streaming, lineage (Source rows, copy,
 * parent link), one state everywhere when the ledger and the row disagree, lossless sends across a
 * socket drop, loading earlier pages, following the output, answering a question.
 */

const conversation = (page: Page) => page.getByRole('log', { name: 'Conversation' });
const chatHeader = (page: Page) => chatRegion(page).locator('header');
const chatTitle = (page: Page) => chatRegion(page).getByRole('heading', { level: 1 });
/** The composer's notice in place of the message box once a chat cannot take a prompt. */
const endedNotice = (page: Page) => chatRegion(page).getByRole('paragraph').filter({ hasText: 'This chat has ended' });
const jumpToLatest = (page: Page) => page.getByRole('button', { name: /jump to latest$/i });

/** Clicks a Copy button, waits for its "Copied" confirmation, and returns what the clipboard holds. */
async function copied(page: Page, button: Locator): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await button.click();
  await expect(button.locator('xpath=..').getByRole('status')).toHaveText('Copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Pixels between the bottom of what is shown and the end of the conversation. */
const distanceFromEnd = (log: Locator) => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);

async function onlySession(page: Page, topic: string): Promise<SessionInfo> {
  const found = await sim(page).world.sessions(topic);
  expect(found, `exactly one session "${topic}" in the simulated world`).toHaveLength(1);
  return found[0]!;
}

test.describe('watching a session', () => {
  test('an open session streams its agent output live and follows it', async ({ page }) => {
    await openSim(page);
    await openProject(page, 'lookout-web');
    await openSession(page, 'Add retry with backoff to the webhook dispatcher');
    await expect(chatHeader(page)).toContainText('Working');
    const log = conversation(page);
    await expect(log.getByRole('heading', { name: 'Agent said' }).first()).toBeVisible();
    const tail = async () => (await log.innerText()).slice(-400);
    const before = await tail();
    // The scripted agent writes a chunk every 0.25-1.5 s of simulated time.
    await sim(page).clock.advance(3_000);
    await expect.poll(tail, { message: 'new output appears in the conversation' }).not.toBe(before);
    // The reader was at the end, so the view followed the new output.
    await expect.poll(() => distanceFromEnd(log)).toBeLessThanOrEqual(48);
    await expect(jumpToLatest(page)).toHaveCount(0);
  });
});

test.describe('lineage', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  const cases = [
    {
      kind: 'retry',
      topic: 'Investigate memory growth in the log shipper',
      row: /^Investigate memory growth in the log shipper ,.*attempt 2/,
      sourceText: '↩ attempt 2',
      parentState: 'Failed',
    },
    {
      kind: 'fork',
      topic: 'Add a progress bar to the CSV export',
      row: 'Add a progress bar to the CSV export',
      sourceText: '⑂ from Make the CSV export stream instead of buffering',
      parentState: 'Completed',
    },
  ] as const;

  for (const c of cases) {
    test(`a ${c.kind} shows its Source; the ids copy whole; the parent link opens the parent`, async ({ page }) => {
      await openSim(page);
      await openProject(page, 'lookout-web');
      const child = (await sim(page).world.sessions(c.topic)).find((s) => s.parentTaskId !== null);
      expect(child, `the ${c.kind} in the simulated world`).toBeDefined();
      const parentTask = await sim(page).world.task(child!.parentTaskId!);
      expect(parentTask?.sessionId, 'the parent task has a session').toBeTruthy();
      const parent = { sessionId: parentTask!.sessionId!, title: parentTask!.title };

      await openSession(page, c.row);
      await expect(chatTitle(page)).toHaveText(c.topic);
      await chatHeader(page).getByRole('button', { name: 'Details' }).click();
      await expect(
        chatHeader(page)
          .getByRole('term')
          .filter({ hasText: /^Source$/ }),
      ).toBeVisible();
      const source = chatHeader(page)
        .getByRole('definition')
        .filter({ has: page.getByRole('button', { name: /^Copy parent task id/ }) });
      await expect(source).toContainText(c.sourceText);

      // Each id shows short; its Copy button puts the whole id on the clipboard.
      expect(await copied(page, source.getByRole('button', { name: /^Copy parent task id/ }))).toBe(child!.parentTaskId);
      expect(await copied(page, source.getByRole('button', { name: /^Copy parent session id/ }))).toBe(parent.sessionId);
      expect(await copied(page, chatHeader(page).getByRole('button', { name: /^Copy task id/ }))).toBe(child!.taskId);
      expect(await copied(page, chatHeader(page).getByRole('button', { name: /^Copy session id/ }))).toBe(child!.id);

      await source.getByRole('link', { name: parent.title }).click();
      await expect(page).toHaveURL(new RegExp(`/chat/${parent.sessionId}$`));
      await expect(chatTitle(page)).toHaveText(parent.title);
      await expect(chatHeader(page)).toContainText(c.parentState);
    });
  }
});

test.describe('one state everywhere', () => {
  test('a task that failed while its row still says active shows Failed in the sidebar, header and composer (stale-active)', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page, { scenario: 'stale-active' });
    await openProject(page, 'lookout-web');
    const topic = 'Split the monolithic router into feature modules';
    await openSession(page, topic);
    await expect(chatHeader(page)).toContainText('Working');

    // The scripted agent fails about half a minute in; SAM's row stays `active`.
    await sim(page).clock.advance(90_000);
    const session = await onlySession(page, topic);
    expect(session.taskStatus).toBe('failed');
    expect(session.status).toBe('active');

    await expect(chatHeader(page)).toContainText('Failed');
    // Said once: the composer, beside Retry and Fork, says why (the header keeps the badge).
    await expect(endedNotice(page)).toContainText('Tests failed after 3 attempts');
    await expect(page).toHaveTitle(new RegExp(`${topic} \\(Failed\\)`));
    await expect(endedNotice(page)).toContainText(/Failed\s*This chat has ended/);
    await expect(chatRegion(page).getByRole('textbox', { name: 'Message the agent' })).toHaveCount(0);
    await expect(chatRegion(page).getByRole('button', { name: 'Retry' })).toBeVisible();
    await expectSidebarRowState(page, topic, 'Failed');
  });

  test('fleet.failNow with the session kept active: Failed in the sidebar, header and composer at once', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page);
    await openProject(page, 'lookout-web');
    const topic = 'Fix flaky session list test on CI';
    await openSession(page, topic);
    await expect(chatHeader(page)).toContainText('Working');
    const session = await onlySession(page, topic);

    await sim(page).faults.keepSessionActiveAfterTaskFailure(true);
    await sim(page).fleet.failNow(session.id, 'Agent crashed: the VM ran out of disk');
    expect((await onlySession(page, topic)).status).toBe('active');

    await expect(chatHeader(page)).toContainText('Failed');
    await expect(endedNotice(page)).toContainText('the VM ran out of disk');
    await expect(endedNotice(page)).toContainText(/Failed\s*This chat has ended/);
    await expect(chatRegion(page).getByRole('button', { name: 'Stop the agent' })).toHaveCount(0);
    await expectSidebarRowState(page, topic, 'Failed');
  });
});

test.describe('sending', () => {
  test('a follow-up sent while the project socket is down is neither lost nor doubled', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page);
    await openProject(page, 'lookout-web');
    const topic = 'Add a progress bar to the CSV export';
    await openSession(page, topic);
    const session = await onlySession(page, topic);
    const box = chatRegion(page).getByRole('textbox', { name: 'Message the agent' });
    await expect(box).toBeEnabled();

    await sim(page).faults.blockSockets('project');
    expect(await sim(page).faults.dropSockets('project')).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: /^Connection: (Reconnecting|Offline|Connecting)/ })).toBeVisible();

    const text = `Please also show the row count (${test.info().project.name})`;
    await box.fill(text);
    await chatRegion(page).getByRole('button', { name: 'Send message' }).click();
    await expect(box).toHaveValue('');
    const mine = conversation(page).getByText(text, { exact: true });
    await expect(mine).toHaveCount(1);
    // SAM accepted it over HTTP while the stream was down.
    await expect.poll(async () => (await sim(page).world.messages(session.id)).filter((m) => m.content === text).length).toBe(1);

    await sim(page).faults.unblockSockets('project');
    await expectLive(page, 10_000);
    await expect(mine).toHaveCount(1);
    await expect(chatRegion(page).getByText('Not sent')).toHaveCount(0);
    await expect(chatRegion(page).getByText('Sending…')).toHaveCount(0);
    expect((await sim(page).world.messages(session.id)).filter((m) => m.content === text)).toHaveLength(1);

    // The agent answers over the restored stream; the follow-up is still there once, before the answer.
    const agentSaid = conversation(page).getByRole('heading', { name: 'Agent said' });
    const answersBefore = await agentSaid.count();
    await sim(page).clock.advance(15_000);
    await expect.poll(() => agentSaid.count(), { message: 'the agent answered' }).toBeGreaterThan(answersBefore);
    await expect(mine).toHaveCount(1);
  });
});

test.describe('long conversations', () => {
  test('loading earlier messages keeps the reader in place (long-chat)', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page, { scenario: 'long-chat' });
    await openProject(page, 'monorepo');
    await openSession(page, 'Long-running refactor of the queue worker');
    const log = conversation(page);
    await expect(log.getByRole('heading', { name: /Agent said|You said/ }).first()).toBeVisible();
    await expect.poll(() => distanceFromEnd(log), { message: 'the chat opens at its latest message' }).toBeLessThanOrEqual(48);

    /** The rows the reader sees (below the "earlier" bar): their text and their distance from the top. */
    const onScreen = () =>
      log.evaluate(async (el) => {
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll<HTMLElement>('[data-index]')]
          .map((row) => ({ row, rect: row.getBoundingClientRect() }))
          .filter(({ rect }) => rect.top >= box.top + 40 && rect.top < box.bottom - 40)
          .slice(0, 2)
          .map(({ row, rect }) => ({ text: row.innerText.slice(0, 300), top: Math.round(rect.top - box.top) }));
      });

    // The earlier page is held on its way, so the reader's view can be read before it lands.
    await sim(page).faults.holdResponses();
    const heightBefore = await log.evaluate((el) => el.scrollHeight);
    // Home in the conversation: to the oldest loaded message, which asks for the page before it.
    await log.focus();
    await page.keyboard.press('Home');
    await expect(log.getByRole('status').filter({ hasText: 'Loading earlier messages' })).toBeAttached();
    const seen = await onScreen();
    expect(seen.length, 'rows are on screen at the top').toBeGreaterThan(0);
    await sim(page).faults.releaseResponses();

    await expect.poll(() => log.evaluate((el) => el.scrollHeight), { message: 'earlier messages were added above' }).toBeGreaterThan(heightBefore + 200);
    await expect(log.getByRole('button', { name: 'Load earlier messages' })).toBeAttached();
    // What the reader was looking at is still there, where it was: nothing jumped.
    const after = await onScreen();
    expect(after[0]?.text).toBe(seen[0]?.text);
    expect(Math.abs((after[0]?.top ?? 0) - (seen[0]?.top ?? 0))).toBeLessThanOrEqual(24);
  });

  test('"Jump to latest" appears when scrolled up while output streams, and goes back down', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page);
    await openProject(page, 'lookout-web');
    await openSession(page, 'Add retry with backoff to the webhook dispatcher');
    const log = conversation(page);
    await expect(log.getByRole('heading', { name: 'Agent said' }).first()).toBeVisible();
    await expect.poll(() => distanceFromEnd(log), { message: 'the chat opens at its latest message' }).toBeLessThanOrEqual(48);
    await expect(jumpToLatest(page)).toHaveCount(0);

    // Read back up with the mouse wheel.
    await log.hover();
    await page.mouse.wheel(0, -1_500);
    await expect(jumpToLatest(page)).toBeVisible();
    await expect(jumpToLatest(page)).toHaveAccessibleName('Jump to latest');
    const away = await distanceFromEnd(log);

    // The agent keeps writing while the reader is up there: the view stays, the button counts.
    await sim(page).clock.advance(30_000);
    await expect(jumpToLatest(page)).toHaveAccessibleName(/^\d+ new messages?, jump to latest$/);
    expect(await distanceFromEnd(log)).toBeGreaterThan(away);

    await jumpToLatest(page).click();
    await expect.poll(() => distanceFromEnd(log)).toBeLessThanOrEqual(48);
    await expect(jumpToLatest(page)).toHaveCount(0);
  });

  test('opening the header details does not lose the latest output from view', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page);
    await openProject(page, 'lookout-web');
    await openSession(page, 'Add retry with backoff to the webhook dispatcher');
    const log = conversation(page);
    await expect(log.getByRole('heading', { name: 'Agent said' }).first()).toBeVisible();
    await expect.poll(() => distanceFromEnd(log), { message: 'the chat opens at its latest message' }).toBeLessThanOrEqual(48);

    // The reader does not scroll; they open the details (the conversation gets shorter) and close them.
    const details = chatHeader(page).getByRole('button', { name: 'Details' });
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    await sim(page).clock.advance(20_000);
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'false');
    await sim(page).clock.advance(20_000);

    // New output arrived: it is either in view, or the way to it is offered.
    await expect
      .poll(async () => (await distanceFromEnd(log)) <= 48 || (await jumpToLatest(page).isVisible()), {
        message: 'the latest output is in view or "Jump to latest" is offered',
      })
      .toBe(true);
  });
});

test.describe('questions', () => {
  test('answering the agent by one of its options resolves the question everywhere', async ({ page }) => {
    await freezePageClock(page);
    await openSim(page);
    await openProject(page, 'lookout-web');
    const topic = 'Migrate settings page to the new form components';
    await openSession(page, topic);
    const session = await onlySession(page, topic);
    expect(session.attention).not.toBeNull();
    const { reason, options } = session.attention!;

    await expect(chatHeader(page)).toContainText('Needs you');
    const ask = chatRegion(page).getByRole('region', { name: 'The agent asks' });
    await expect(ask).toContainText(reason);
    for (const option of options) await expect(ask.getByRole('button', { name: option, exact: true })).toBeVisible();

    const choice = options[options.length - 1]!;
    await ask.getByRole('button', { name: choice, exact: true }).click();
    await expect(ask).toHaveCount(0);
    await expect(chatHeader(page)).not.toContainText('Needs you');
    await expect(conversation(page).getByText(choice, { exact: true })).toBeVisible();
    expect((await onlySession(page, topic)).attention).toBeNull();
    await expectSidebarRowState(page, topic, '(Working|Idle)');
  });
});
