import { expect, test, type Page } from '@playwright/test';
import {
  expectConnection,
  expectLive,
  fontsReady,
  holdRequests,
  holdRequestsFromStart,
  installFetchGate,
  openScenario,
  releaseRequests,
  settle,
} from './support';

/**
 * The one place that knows how to reach each screen deterministically: a seeded world on a frozen
 * clock (seed 1, `clock=frozen&now=SIM_NOW`), reached the way a person would, by clicking.
 *
 * Screens come in journeys. A journey's first screen loads the app; every later one is reached from
 * the screen before it (a click or two), which costs a fraction of a fresh load. visual.spec.ts (375
 * and 1280 px) and layout.spec.ts (the other widths) walk every journey and check every screen on the
 * way; each screen is a `test.step` and every assertion names it. The same journey always walks the
 * same way, so screenshots repeat.
 *
 * Loading and error states are made to stay put: a fetch gate (support.ts) holds the request, then a
 * simulator fault (`faults.failNextRequests`) is armed and the request let go; Retry then loads.
 */

export interface ScreenContext {
  /** Under 768 px: the sessions list is a drawer over the chat, the notification panel a full sheet. */
  narrow: boolean;
}

export interface Screen {
  name: string;
  /** Screens that exist only under 768 px (skipped on wider projects). */
  only?: 'narrow';
  /** Part of the screenshot baselines (visual.spec.ts). */
  visual: boolean;
  /** Reaches the screen: from nothing for a journey's first screen, else from the screen before. */
  go(page: Page, ctx: ScreenContext): Promise<void>;
}

export interface Journey {
  name: string;
  screens: readonly Screen[];
}

const DEFAULT_PROJECT = 'lookout-web';

export interface ChatRef {
  topic: RegExp;
  /** Text that tells apart rows sharing a topic (a retry shares its parent's). */
  hasText?: string;
}

/** A retry (attempt 2) that is working: its header carries a Source row when expanded. */
export const RETRY_CHAT: ChatRef = { topic: /^Investigate memory growth in the log shipper/, hasText: 'attempt 2' };
const NEEDS_INPUT_CHAT: ChatRef = { topic: /^Migrate settings page to the new form components/ };
const FAILED_CHAT: ChatRef = { topic: /^Speed up the cold start of the worker/ };
/** Chats not opened before in the default journey, so their first page really is requested. */
const UNOPENED_CHAT: ChatRef = { topic: /^Upgrade the ORM and fix the breaking changes/ };

const RECOVERY_CHAT: ChatRef = { topic: /^Add a health check endpoint to the API/ };
const RETRYING_CHAT: ChatRef = { topic: /^Write the migration guide for v3/ };
const IDLE_CHAT: ChatRef = { topic: /^Tidy the README badges/ };
const machineStrip = (page: Page) => page.getByRole('region', { name: 'Chat' }).getByRole('region', { name: 'Machine' });

// ---------- steps ----------
/** A scenario's first project and its first chat, opened by clicking, with the stream live. */
async function openFirstChat(page: Page, scenario: 'long-chat' | 'hostile'): Promise<void> {
  await openScenario(page, scenario, '/');
  await projectsLoaded(page);
  await page.getByRole('main').getByRole('listitem').getByRole('link').first().click();
  await chatsLoaded(page);
  await page.getByRole('complementary', { name: 'Chats' }).getByRole('link').first().click();
  await page.getByRole('log', { name: 'Conversation' }).waitFor();
  await expectLive(page);
}

/**
 * The held request of the screen before fails (`NAME-error`: its error card), then Retry loads it
 * (`NAME`). 403 is not retried, so the card shows at once; faults.spec.ts covers a 5xx, retried first.
 */
function failedThenRetried(step: { name: string; request: string; alert: string; loaded(page: Page): Promise<void> }): Screen[] {
  return [
    {
      name: `${step.name}-error`,
      visual: true,
      async go(page) {
        await failNext(page, 403, 1, step.request);
        await releaseRequests(page);
        await alertShown(page, step.alert);
      },
    },
    {
      name: step.name,
      visual: true,
      async go(page) {
        await page.getByRole('button', { name: 'Retry' }).click();
        await step.loaded(page);
      },
    },
  ];
}

export function projectCard(page: Page, name: string) {
  return page
    .getByRole('main')
    .getByRole('link')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** The projects page shows its cards. */
export async function projectsLoaded(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Projects', level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Loading projects' }).waitFor({ state: 'detached' });
}

/** A project's chats list, loaded, with its stream live. */
export async function chatsLoaded(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Chats', level: 2 }).waitFor();
  await page.getByRole('status', { name: 'Loading chats' }).waitFor({ state: 'detached' });
  await expectLive(page);
}

/**
 * The sessions list wherever it is: the sidebar (wide), the full-screen list (narrow, no chat open)
 * or the Chats drawer (narrow, a chat open; opened first if closed).
 */
export async function sessionList(page: Page) {
  const aside = page.getByRole('complementary', { name: 'Chats' });
  if (await aside.isVisible()) return aside;
  const drawer = page.getByRole('dialog', { name: 'Chats' });
  if (!(await drawer.isVisible())) await page.getByRole('button', { name: 'Chats', exact: true }).click();
  await drawer.waitFor();
  return drawer;
}

/** Clicks a chat in the sessions list (see `sessionList`). */
export async function clickChat(page: Page, chat: ChatRef): Promise<void> {
  const links = (await sessionList(page)).getByRole('link', { name: chat.topic });
  await (chat.hasText ? links.filter({ hasText: chat.hasText }) : links).first().click();
}

async function chatShown(page: Page, chat: ChatRef): Promise<void> {
  await page.getByRole('region', { name: 'Chat' }).getByRole('heading', { level: 1, name: chat.topic }).waitFor();
  await page.getByRole('log', { name: 'Conversation' }).waitFor();
  await expectLive(page);
}

async function openChat(page: Page, chat: ChatRef): Promise<void> {
  await clickChat(page, chat);
  await chatShown(page, chat);
}

async function showTab(page: Page, tab: 'Priority' | 'Updates' | 'All'): Promise<void> {
  const panel = page.getByRole('dialog', { name: 'Notifications' });
  const button = panel.getByRole('tab', { name: new RegExp(`^${tab}`) });
  if ((await button.getAttribute('aria-selected')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('status', { name: 'Loading notifications' })).toHaveCount(0);
  await expect(panel.getByRole('tabpanel').getByRole('listitem').first()).toBeVisible();
}

/** Any GET of one chat: the session (with its first page of messages) and further message pages. */
const CHAT_REQUESTS = '^GET /api/projects/[^/]+/sessions/[^/]+(/messages)?$';
const PROJECTS_REQUEST = '^GET /api/projects$';
const SESSIONS_REQUEST = '^GET /api/projects/[^/]+/sessions$';

/** Arms `faults.failNextRequests` (the simulator's REST fault) for requests matching `match`. */
async function failNext(page: Page, status: number, count: number, match: string): Promise<void> {
  await page.evaluate(([s, c, m]) => window.__lookoutSim?.faults.failNextRequests(s, c, new RegExp(m)), [status, count, match] as const);
}

async function alertShown(page: Page, title: string): Promise<void> {
  await page.getByRole('alert').filter({ hasText: title }).waitFor();
}

/** In-app navigation without a reload (a reload would rebuild the simulated world). */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** The worker has highlighted the code in view: a keyword token is drawn. */
async function codeHighlighted(region: ReturnType<Page['getByRole']>): Promise<void> {
  await region.locator('span[class*="6639ba"]').first().waitFor();
}

/** A one-screen journey. */
const single = (screen: Screen): Journey => ({ name: screen.name, screens: [screen] });

// ---------- the journeys ----------

export const JOURNEYS: readonly Journey[] = [
  {
    // The default world's projects page (loading, error, loaded after Retry), the notification panel
    // on each tab and its alert settings, and the project's chats list (loading, error, loaded after Retry).
    name: 'projects',
    screens: [
      {
        name: 'projects-loading',
        visual: true,
        async go(page) {
          await installFetchGate(page);
          await holdRequestsFromStart(page, { match: PROJECTS_REQUEST, count: 1, phase: 'request' });
          await openScenario(page, 'default', '/');
          await page.getByRole('list', { name: 'Loading projects' }).waitFor();
        },
      },
      ...failedThenRetried({ name: 'projects', request: PROJECTS_REQUEST, alert: 'Projects could not be loaded', loaded: projectsLoaded }),
      {
        name: 'notifications-priority',
        visual: true,
        async go(page) {
          await page.getByRole('button', { name: /^Notifications, / }).click();
          await showTab(page, 'Priority');
        },
      },
      { name: 'notifications-updates', visual: true, go: (page) => showTab(page, 'Updates') },
      { name: 'notifications-all', visual: true, go: (page) => showTab(page, 'All') },
      {
        name: 'notifications-alert-settings',
        visual: true,
        async go(page) {
          const panel = page.getByRole('dialog', { name: 'Notifications' });
          await panel.getByRole('button', { name: 'Alert settings' }).click();
          await panel.getByRole('switch', { name: /^Sound and vibration/ }).waitFor();
          await panel.getByRole('group', { name: 'What SAM pushes' }).waitFor();
        },
      },
      {
        name: 'project-loading',
        visual: true,
        async go(page) {
          await page.getByRole('button', { name: 'Close notifications' }).click();
          await page.getByRole('dialog', { name: 'Notifications' }).waitFor({ state: 'detached' });
          await holdRequests(page, { match: SESSIONS_REQUEST, count: 1, phase: 'request' });
          await projectCard(page, DEFAULT_PROJECT).click();
          await page.getByRole('status', { name: 'Loading chats' }).waitFor();
          // The stream is open; its catch-up waits on the held list.
          await expectConnection(page, 'Catching up');
        },
      },
      ...failedThenRetried({ name: 'project', request: SESSIONS_REQUEST, alert: 'Chats could not be loaded', loaded: chatsLoaded }),
      {
        name: 'project-new-chat',
        visual: false,
        async go(page) {
          await page.getByRole('button', { name: 'New chat' }).first().click();
          await page.getByRole('textbox', { name: 'What should the agent do?' }).waitFor();
        },
      },
    ],
  },
  {
    // The default world's chats: a retry (with its Source row), the drawer on phones, a question, a
    // failure, then a chat that is loading and one that fails to load; and a page that does not exist.
    name: 'chats',
    screens: [
      {
        name: 'chat',
        visual: true,
        async go(page) {
          await installFetchGate(page); // chat-loading holds a request
          await openScenario(page, 'default', '/');
          await projectsLoaded(page);
          await projectCard(page, DEFAULT_PROJECT).click();
          await chatsLoaded(page);
          await openChat(page, RETRY_CHAT);
        },
      },
      {
        name: 'chat-details',
        visual: true,
        async go(page) {
          await page.getByRole('button', { name: 'Details' }).click();
          await page.getByText('Source', { exact: true }).waitFor();
        },
      },
      {
        name: 'chat-drawer',
        only: 'narrow',
        visual: true,
        async go(page) {
          await page.getByRole('button', { name: 'Chats', exact: true }).click();
          await page.getByRole('dialog', { name: 'Chats' }).waitFor();
        },
      },
      { name: 'chat-needs-input', visual: true, go: (page) => openChat(page, NEEDS_INPUT_CHAT) },
      { name: 'chat-failed', visual: true, go: (page) => openChat(page, FAILED_CHAT) },
      {
        name: 'chat-loading',
        visual: true,
        async go(page) {
          await holdRequests(page, { match: CHAT_REQUESTS, count: 50, phase: 'request' });
          await clickChat(page, UNOPENED_CHAT);
          await page.getByRole('status').filter({ hasText: 'Loading the chat' }).waitFor();
        },
      },
      {
        name: 'chat-error',
        visual: true,
        async go(page) {
          // A 4xx is not retried, so the chat's first page fails at once; not a 404, which says the chat
          // is gone (its own screen, with the ways back), but a refusal that Retry may get past.
          await failNext(page, 403, 50, CHAT_REQUESTS);
          await releaseRequests(page);
          await alertShown(page, 'This chat could not be loaded');
          await page.evaluate(() => window.__lookoutSim?.faults.reset());
        },
      },
      {
        name: 'not-found',
        visual: true,
        async go(page) {
          await navigateInApp(page, '/no/such/page');
          await page.getByRole('heading', { name: 'Page not found' }).waitFor();
        },
      },
      {
        // Cmd/Ctrl+K over the chats of every project and the messages loaded on the way here.
        name: 'find',
        visual: true,
        async go(page) {
          await page.keyboard.press('Control+k');
          const palette = page.getByRole('dialog', { name: 'Find' });
          await palette.getByRole('combobox').fill('retry');
          await palette.getByRole('option').first().waitFor();
          await expect(palette.getByRole('status')).not.toContainText('Loading');
        },
      },
      {
        name: 'shortcuts',
        visual: true,
        async go(page) {
          await page.keyboard.press('Escape');
          await page.getByRole('dialog', { name: 'Find' }).waitFor({ state: 'detached' });
          await page.keyboard.press('?');
          await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
        },
      },
    ],
  },
  {
    // The Needs-you queue across projects, reached from the home screen; and with nothing waiting.
    name: 'needs-you',
    screens: [
      {
        name: 'needs-you',
        visual: true,
        async go(page) {
          await openScenario(page, 'default', '/');
          await projectsLoaded(page);
          await page.getByRole('link', { name: 'everything that needs you' }).click();
          await page.getByRole('list', { name: /waiting, longest first$/ }).waitFor();
          await expectLive(page);
        },
      },
    ],
  },
  {
    // A chat's workspace (issue 17 item 1): the diff, the files, a file, and a stopped workspace's error.
    name: 'changes',
    screens: [
      {
        name: 'changes',
        visual: true,
        async go(page) {
          await openScenario(page, 'default', '/');
          await projectsLoaded(page);
          await projectCard(page, 'billing-service').click();
          await chatsLoaded(page);
          await openChat(page, { topic: /^Fix timezone bug in the billing report/ });
          await page.getByRole('region', { name: 'Chat' }).getByRole('link', { name: 'Changes' }).click();
          await page.getByRole('button', { name: 'Changed files (10)' }).waitFor();
          await page.getByText(/^10 files · \+\d+ −\d+ \(1 not loaded\)$/).waitFor();
          await codeHighlighted(page.getByRole('region', { name: 'Diff' }));
        },
      },
      {
        // Lines chosen for a comment (issue 17 item 2): the range's tint and the comment being written.
        name: 'changes-lines',
        visual: true,
        async go(page) {
          const chooseByTouch = page.getByRole('button', { name: 'Choose lines' });
          if (await chooseByTouch.isVisible()) await chooseByTouch.click();
          const listToggle = page.getByRole('button', { name: 'Changed files (10)' });
          if ((await listToggle.getAttribute('aria-expanded')) === 'false') await listToggle.click();
          await page
            .getByRole('navigation', { name: 'Changed files' })
            .getByRole('button', { name: /src\/server\/retry\.ts/ })
            .click();
          const diff = page.getByRole('region', { name: 'Diff' });
          await diff.getByRole('button', { name: 'Removed line 5 of src/server/retry.ts', exact: true }).click();
          await diff.getByRole('button', { name: 'Added line 6 of src/server/retry.ts', exact: true }).click({ modifiers: ['Shift'] });
          await page.getByRole('region', { name: 'Chosen lines' }).getByRole('button', { name: 'Comment on lines 5–6' }).click();
          await page.getByRole('textbox', { name: 'Your comment on these lines' }).fill('Is this bound required?');
          await codeHighlighted(diff);
        },
      },
      {
        name: 'changes-files',
        visual: true,
        async go(page) {
          await page.getByRole('navigation', { name: 'Workspace views' }).getByRole('link', { name: 'Files' }).click();
          await page.getByRole('list', { name: 'Files in the workspace' }).waitFor();
        },
      },
      {
        name: 'changes-file',
        visual: true,
        async go(page) {
          await page
            .getByRole('list', { name: 'Files in the workspace' })
            .getByRole('link', { name: /^src \(folder\)/ })
            .click();
          await page
            .getByRole('list', { name: 'Files in src' })
            .getByRole('link', { name: /^server \(folder\)/ })
            .click();
          await page
            .getByRole('list', { name: 'Files in src/server' })
            .getByRole('link', { name: /^retry\.ts/ })
            .click();
          await codeHighlighted(page.getByRole('region', { name: 'Contents of src/server/retry.ts' }));
        },
      },
      {
        name: 'changes-stopped',
        visual: true,
        async go(page) {
          const path = await page.evaluate(() => {
            const { world } = window.__lookoutSim!;
            for (const project of world.projects.values()) {
              const session = world.sessions.list(project.id).find((s) => s.topic === 'Upgrade the ORM and fix the breaking changes');
              if (session) return `/projects/${project.id}/chat/${session.id}/changes`;
            }
            throw new Error('no ORM chat');
          });
          await navigateInApp(page, path);
          await alertShown(page, 'The workspace is stopped');
        },
      },
    ],
  },
  single({
    name: 'needs-you-empty',
    visual: true,
    async go(page) {
      await openScenario(page, 'empty', '/needs-you');
      await page.getByText('Nothing needs you').waitFor();
    },
  }),
  single({
    name: 'project-empty',
    visual: true,
    async go(page) {
      await openScenario(page, 'empty', '/');
      await projectsLoaded(page);
      await projectCard(page, 'fresh-start').click();
      await chatsLoaded(page);
      await page.getByText('No chats yet').waitFor();
    },
  }),
  single({
    name: 'long-chat',
    visual: true,
    async go(page) {
      await openFirstChat(page, 'long-chat');
    },
  }),
  single({
    name: 'signed-out',
    visual: true,
    async go(page) {
      await openScenario(page, 'signed-out', '/');
      await page.getByRole('heading', { name: 'You are signed out of SAM' }).waitFor();
    },
  }),
  {
    // The machine behind a chat (docs/machine.md): a recovery container and its boot log (a failed build as
    // plain text), a prompt the agent retries, an idle chat's cleanup countdown with Keep alive.
    name: 'machine',
    screens: [
      {
        name: 'chat-recovery',
        visual: true,
        async go(page) {
          await openScenario(page, 'machine', '/');
          await projectsLoaded(page);
          await projectCard(page, 'machine-room').click();
          await chatsLoaded(page);
          await openChat(page, RECOVERY_CHAT);
          await machineStrip(page).getByText('Recovery container').waitFor();
        },
      },
      {
        name: 'chat-recovery-boot-log',
        visual: true,
        async go(page) {
          await machineStrip(page).getByRole('button', { name: 'Boot log' }).click();
          await machineStrip(page).getByRole('region', { name: 'Boot log' }).getByText('Workspace is ready').waitFor();
        },
      },
      {
        name: 'chat-retrying',
        visual: true,
        async go(page) {
          await openChat(page, RETRYING_CHAT);
          await machineStrip(page)
            .getByText(/retrying \(2\/5\)/)
            .waitFor();
        },
      },
      {
        name: 'chat-idle-countdown',
        visual: true,
        async go(page) {
          await openChat(page, IDLE_CHAT);
          await machineStrip(page).getByRole('button', { name: 'Keep alive' }).waitFor();
        },
      },
    ],
  },
  single({
    // Not a baseline: the hostile world is a stress test for layout (a 5,000-character token, raw HTML as text).
    name: 'hostile-chat',
    visual: false,
    async go(page) {
      await openFirstChat(page, 'hostile');
    },
  }),
];

export function screensOf(journey: Journey, ctx: ScreenContext): Screen[] {
  return journey.screens.filter((s) => !s.only || ctx.narrow);
}

/** A test timeout for walking a journey: a load, then `perScreenMs` for each screen's checks. */
export function journeyTimeout(journey: Journey, ctx: ScreenContext, perScreenMs: number): number {
  return 20_000 + screensOf(journey, ctx).length * perScreenMs;
}

/**
 * Walks a journey: reaches each screen, waits until it is at rest (fonts loaded, layout settled, the
 * pointer parked where it hovers nothing), then calls `check`. Each screen is a test step.
 */
export async function walk(page: Page, journey: Journey, ctx: ScreenContext, check: (screen: Screen) => Promise<void>): Promise<void> {
  for (const screen of screensOf(journey, ctx)) {
    await test.step(screen.name, async () => {
      await screen.go(page, ctx);
      await page.mouse.move(0, 0);
      await fontsReady(page);
      await settle(page);
      await check(screen);
    });
  }
}
