import { expect, test, type Locator, type Page } from '@playwright/test';
import { chatRegion, expectLive, freezePageClock, openSim, sim, type NotificationInfo } from './support/sim';

/*
 * The notification center (issue: "a Priority item arrives live and the badge grows"): the bell, the
 * panel's tabs and their counts, opening an item, losing the socket without losing items, refusing
 * foreign links, and answering a question from the panel.
 */

/** Long enough for a scripted agent to take its next step (each waits 0.25-1.5 s of simulated time). */
const AGENT_STEP_MS = 2_000;

type Tab = 'Priority' | 'Updates' | 'All';
const TABS: readonly Tab[] = ['Priority', 'Updates', 'All'];

/** SAM's journal: Priority = input requests and finished work; everything else is an Update. */
const PRIORITY_TYPES = new Set(['needs_input', 'task_complete']);
const inTab = (n: NotificationInfo, tab: Tab) => tab === 'All' || (tab === 'Priority') === PRIORITY_TYPES.has(n.type);

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications, / });
const panel = (page: Page) => page.getByRole('dialog', { name: 'Notifications' });
const tab = (page: Page, name: Tab) => panel(page).getByRole('tab', { name: new RegExp(`^${name} \\(`) });
const tabPanel = (page: Page) => panel(page).getByRole('tabpanel');
/** An item's row, found by its title (its first paragraph; unread ones are announced "Unread: …"). */
const item = (page: Page, title: string) =>
  tabPanel(page)
    .getByRole('listitem')
    .filter({
      has: page
        .locator('p')
        .first()
        .getByText(new RegExp(`^(Unread: )?${escapeRegExp(title)}$`)),
    });

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the world holds that the panel must show: shown (not dismissed) items, unread counts per tab. */
async function expected(page: Page) {
  const shown = (await sim(page).world.notifications()).filter((n) => !n.dismissed);
  const per = (name: Tab) => shown.filter((n) => inTab(n, name));
  return {
    shown,
    titles: (name: Tab) => per(name).map((n) => n.title),
    unread: (name: Tab) => per(name).filter((n) => !n.read).length,
  };
}

async function expectBell(page: Page, count: number) {
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${count} need attention`);
  await expect(page).toHaveTitle(count > 0 ? new RegExp(`^\\(${count}\\) `) : /^[^(]/);
}

async function openPanel(page: Page) {
  await bell(page).click();
  await expect(panel(page)).toBeVisible();
  await expect(tab(page, 'Priority')).toHaveAttribute('aria-selected', 'true');
}

/** The titles the open tab lists, in order, without the "Unread: " that screen readers hear. */
async function listedTitles(list: Locator): Promise<string[]> {
  const titles = await list
    .getByRole('listitem')
    .evaluateAll((rows) => rows.map((row) => (row.querySelector('p')?.textContent ?? '').replace(/^Unread: /, '')));
  return titles;
}

async function sessionIdOf(page: Page, topic: string): Promise<string> {
  const [session] = await sim(page).world.sessions(topic);
  expect(session, `session "${topic}" in the simulated world`).toBeDefined();
  return session!.id;
}

test('a Priority item arriving live grows the badge; an Update does not', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  const start = (await expected(page)).unread('Priority');
  await expectBell(page, start);
  await expect(page.getByTestId('bell-badge')).toHaveText(String(start));

  // An error is an Update: the badge stays. (A failure is written at once.)
  await sim(page).fleet.failNow(await sessionIdOf(page, 'Add rate limiting to the public API'));
  // A question is Priority. The agent asks on its next step, so let a few simulated seconds pass.
  await sim(page).fleet.askNow(await sessionIdOf(page, 'Fix flaky session list test on CI'), 'Merge the fix now?', ['Merge', 'Wait']);
  await sim(page).clock.advance(AGENT_STEP_MS);
  const asked = await expected(page);
  expect(asked.unread('Priority'), 'the world holds one more unread Priority item').toBe(start + 1);
  expect(asked.unread('Updates')).toBeGreaterThan(0);
  // Frames arrive in order: once the question shows, the error has been seen too and was not counted.
  await expectBell(page, start + 1);
  await expect(page.getByTestId('bell-badge')).toHaveText(String(start + 1));

  await sim(page).fleet.completeNow(await sessionIdOf(page, 'Add an audit log for project membership changes'));
  await sim(page).clock.advance(AGENT_STEP_MS);
  const completed = (await expected(page)).unread('Priority');
  expect(completed).toBe(start + 2);
  await expectBell(page, completed);
});

test('the panel opens on Priority; each tab lists and counts its own items', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  await openPanel(page);
  const world = await expected(page);
  for (const name of TABS) {
    await tab(page, name).click();
    await expect(tab(page, name)).toHaveAttribute('aria-selected', 'true');
    await expect(tab(page, name)).toHaveAccessibleName(`${name} (${world.unread(name)} unread)`);
    const list = tabPanel(page);
    await expect(list.getByRole('listitem')).toHaveCount(world.titles(name).length);
    expect((await listedTitles(list)).sort()).toEqual([...world.titles(name)].sort());
    await expect(list.getByText(/^Unread: /)).toHaveCount(world.unread(name));
  }
});

test('clicking an item opens its session and marks it read', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  const world = await expected(page);
  const target = world.shown.find((n) => n.type === 'task_complete' && !n.read && n.actionUrl?.startsWith('/projects/'));
  expect(target, 'an unread task_complete item with an in-app link').toBeDefined();
  const priorityBefore = world.unread('Priority');

  await openPanel(page);
  await tabPanel(page)
    .getByRole('link', { name: `Unread: ${target!.title}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(target!.actionUrl!)}$`));
  await expect(panel(page)).toHaveCount(0);
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toBeVisible();
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(target!.title.replace(/^Task completed: /, ''));
  await expectBell(page, priorityBefore - 1);
  await expect.poll(async () => (await sim(page).world.notifications()).find((n) => n.id === target!.id)?.read).toBe(true);

  await openPanel(page);
  await expect(tabPanel(page).getByRole('link', { name: target!.title, exact: true })).toBeVisible();
  await expect(tab(page, 'Priority')).toHaveAccessibleName(`Priority (${priorityBefore - 1} unread)`);
});

test('items created while the notification socket is down each appear exactly once after it reconnects', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  const before = await expected(page);

  await sim(page).faults.blockSockets('notifications');
  expect(await sim(page).faults.dropSockets('notifications')).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: /^Connection: (Reconnecting|Offline|Connecting)/ })).toBeVisible();

  await sim(page).fleet.askNow(await sessionIdOf(page, 'Fix flaky session list test on CI'), 'Ship it on Friday?', ['Yes', 'No']);
  await sim(page).fleet.completeNow(await sessionIdOf(page, 'Add an audit log for project membership changes'));
  await sim(page).fleet.failNow(await sessionIdOf(page, 'Add rate limiting to the public API'), 'VM lost while offline');
  await sim(page).clock.advance(AGENT_STEP_MS);
  const after = await expected(page);
  const created = after.shown.filter((n) => !before.shown.some((b) => b.id === n.id));
  expect(created.map((n) => n.type)).toEqual(expect.arrayContaining(['error', 'needs_input', 'task_complete']));

  await sim(page).faults.unblockSockets('notifications');
  await expectLive(page, 15_000);
  await expectBell(page, after.unread('Priority'));

  await openPanel(page);
  for (const name of TABS) {
    await tab(page, name).click();
    await expect(tab(page, name)).toHaveAccessibleName(`${name} (${after.unread(name)} unread)`);
    await expect(tabPanel(page).getByRole('listitem')).toHaveCount(after.titles(name).length);
  }
  for (const n of created) await expect(item(page, n.title)).toHaveCount(1);
  expect((await listedTitles(tabPanel(page))).sort()).toEqual([...after.titles('All')].sort());
});

test.describe('hostile', () => {
  test('an item whose actionUrl leaves the app is shown as text and never followed', async ({ page, context }) => {
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) outside.push(request.url());
    });
    const popups: string[] = [];
    context.on('page', (opened) => popups.push(opened.url()));

    await openSim(page, { scenario: 'hostile' });
    const phishing = (await sim(page).world.notifications()).find((n) => n.actionUrl === 'https://evil.example/phish');
    expect(phishing, 'the phishing item of the hostile scenario').toBeDefined();
    const urlBefore = page.url();

    await openPanel(page);
    await tab(page, 'All').click();
    const row = item(page, phishing!.title);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Link (not opened by Lookout): https://evil.example/phish');
    await expect(row.getByRole('link')).toHaveCount(0);

    // Every link the panel offers stays inside the app.
    const hrefs = await tabPanel(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of hrefs) expect(href).toMatch(/^\/projects\//);

    // Clicking the item (its corner: the link text in its middle sits above the row's button) only marks it read.
    await row.getByRole('button', { name: `Unread: ${phishing!.title}` }).click({ position: { x: 4, y: 4 } });
    await expect(row.getByRole('button', { name: `Unread: ${phishing!.title}` })).toHaveCount(0);
    await expect(row.getByText(/^Unread: /)).toHaveCount(0);
    expect(page.url()).toBe(urlBefore);
    await expect(panel(page)).toBeVisible();
    expect(popups).toEqual([]);
    expect(outside).toEqual([]);
  });
});

test('answering a needs_input item from the panel resolves the question', async ({ page }) => {
  await freezePageClock(page);
  await openSim(page);
  const topic = 'Migrate settings page to the new form components';
  const [session] = await sim(page).world.sessions(topic);
  expect(session?.attention, 'the session waits for an answer').toBeTruthy();
  const world = await expected(page);
  const question = world.shown.find((n) => n.type === 'needs_input' && n.sessionId === session!.id && !n.read);
  expect(question).toBeDefined();
  const choice = session!.attention!.options[0]!;

  await openPanel(page);
  const row = item(page, question!.title);
  const answers = row.getByRole('group', { name: `Answer: ${question!.title}` });
  for (const option of session!.attention!.options) await expect(answers.getByRole('button', { name: option, exact: true })).toBeVisible();
  await answers.getByRole('button', { name: choice, exact: true }).click();

  await expect(row).toContainText(`Answered: ${choice}`);
  await expect(answers).toHaveCount(0);
  await expect(row.getByText(/^Unread: /)).toHaveCount(0);
  await expectBell(page, world.unread('Priority') - 1);
  await expect.poll(async () => (await sim(page).world.sessions(topic))[0]?.attention ?? null).toBeNull();

  // The session itself no longer asks.
  await row.getByRole('link', { name: question!.title, exact: true }).click();
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(topic);
  await expect(chatRegion(page).locator('header')).not.toContainText('Needs you');
  await expect(chatRegion(page).getByRole('region', { name: 'The agent asks' })).toHaveCount(0);
});
