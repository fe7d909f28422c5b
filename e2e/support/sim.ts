import { expect, type Page } from '@playwright/test';
// Types only: brings in `window.__lookoutSim` (declared by the simulator) for the callbacks below.
import type {} from '../../mocks/browser';

/*
 * Helpers for driving Lookout on the simulated SAM (see mocks/README.md): open a scenario, reach into
 * `window.__lookoutSim` (faults, clock, fleet, world) and navigate to a project or a session by name.
 * Tests assert what a person sees; these helpers only set the stage and change the world behind it.
 */

/** 2026-11-21T12:00:00Z: the simulator's default start of time (mocks/simulator.ts DEFAULT_NOW). */
export const SIM_NOW = 1_795_262_400_000;

export type Scenario = 'default' | 'empty' | 'long-chat' | 'stale-active' | 'hostile' | 'firehose' | 'signed-out' | 'requeued' | 'machine';
export type SocketKind = 'project' | 'notifications';

export interface OpenSimOptions {
  scenario?: Scenario;
  seed?: number;
  /** `frozen` (the default): simulated time moves only through `sim(page).clock.advance`. */
  clock?: 'frozen' | 'real';
  /** Start of simulated time (epoch ms); SIM_NOW when frozen, the real time when real. */
  now?: number;
  /** Virtual ms per real ms on the real clock. */
  speed?: number;
  /** The path to open (default `/`). */
  path?: string;
  /** Wait for the connection indicator to say Live (default: yes, except signed-out). */
  waitForLive?: boolean;
}

/** Opens Lookout on a simulated world and waits until the app is up (and live). */
export async function openSim(page: Page, options: OpenSimOptions = {}): Promise<void> {
  const { scenario = 'default', seed = 1, clock = 'frozen', path = '/' } = options;
  const params = new URLSearchParams({ scenario, seed: String(seed), clock });
  const now = options.now ?? (clock === 'frozen' ? SIM_NOW : undefined);
  if (now !== undefined) params.set('now', String(now));
  if (options.speed !== undefined) params.set('speed', String(options.speed));
  await page.goto(`${path}?${params.toString()}`);
  await page.waitForFunction(() => window.__lookoutSim !== undefined);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Lookout' })).toBeVisible();
  if (options.waitForLive ?? scenario !== 'signed-out') await expectLive(page);
}

/** The header's connection indicator says Live (its name carries the state at every width). */
export async function expectLive(page: Page, timeout?: number): Promise<void> {
  await expect(page.getByRole('button', { name: /^Connection: Live\b/ })).toBeVisible({ timeout });
}

/**
 * Pins the page's Date.now to `now` (timers keep running), so "5 min ago" is measured against the
 * simulated time and does not drift. Call before `openSim`, and only with the frozen simulator clock:
 * the real-time simulator clock reads Date.now and would stand still.
 */
export async function freezePageClock(page: Page, now: number = SIM_NOW): Promise<void> {
  await page.clock.setFixedTime(now);
}

export interface SessionInfo {
  id: string;
  projectId: string;
  topic: string | null;
  status: string;
  taskId: string | null;
  taskStatus: string | null;
  parentTaskId: string | null;
  attention: { markerId: string; reason: string; options: string[] } | null;
}

export interface MessageInfo {
  id: string;
  role: string;
  content: string;
}

export interface NotificationInfo {
  id: string;
  type: string;
  title: string;
  sessionId: string | null;
  actionUrl: string | null;
  read: boolean;
  dismissed: boolean;
}

export interface TaskInfo {
  id: string;
  title: string;
  status: string;
  parentTaskId: string | null;
  /** The session that runs this task, if any. */
  sessionId: string | null;
}

/** Typed wrappers around `window.__lookoutSim` in the page (each call is one `page.evaluate`). */
export function sim(page: Page) {
  return {
    faults: {
      /** Closes open sockets (of one kind) like a restarting durable object; resolves to how many. */
      dropSockets: (kind?: SocketKind) => page.evaluate((k) => window.__lookoutSim!.faults.dropSockets(k ?? undefined), kind ?? null),
      /** New connections are refused until `unblockSockets`. */
      blockSockets: (kind?: SocketKind) => page.evaluate((k) => window.__lookoutSim!.faults.blockSockets(k ?? undefined), kind ?? null),
      unblockSockets: (kind?: SocketKind) => page.evaluate((k) => window.__lookoutSim!.faults.unblockSockets(k ?? undefined), kind ?? null),
      /** While on, a failing task leaves its session row `active` (SAM's stale row). */
      keepSessionActiveAfterTaskFailure: (on = true) => page.evaluate((value) => window.__lookoutSim!.faults.keepSessionActiveAfterTaskFailure(value), on),
      /** Real-time latency added to every HTTP response. */
      setLatency: (ms: number) => page.evaluate((value) => window.__lookoutSim!.faults.setLatency(value), ms),
      /** HTTP answers wait until `releaseResponses` (a request stays on its way for as long as a test looks). */
      holdResponses: () => page.evaluate(() => window.__lookoutSim!.faults.holdResponses()),
      releaseResponses: () => page.evaluate(() => window.__lookoutSim!.faults.releaseResponses()),
      reset: () => page.evaluate(() => window.__lookoutSim!.faults.reset()),
    },
    clock: {
      now: () => page.evaluate(() => window.__lookoutSim!.clock.now()),
      /** Moves simulated time on; agents write whatever falls due. */
      advance: (ms: number) => page.evaluate((value) => window.__lookoutSim!.clock.advance(value), ms),
    },
    fleet: {
      /** The session's task fails at once (and its session, unless the stale-active fault is on). */
      failNow: (sessionId: string, error?: string) =>
        page.evaluate(([id, message]) => window.__lookoutSim!.fleet.failNow(id, message ?? undefined), [sessionId, error ?? null] as const),
      /** The agent asks on its next step (advance the clock a couple of seconds). */
      askNow: (sessionId: string, reason?: string, options?: string[]) =>
        page.evaluate(([id, why, choices]) => window.__lookoutSim!.fleet.askNow(id, why ?? undefined, choices ?? undefined), [
          sessionId,
          reason ?? null,
          options ?? null,
        ] as const),
      /** The agent completes its task on its next step (advance the clock a couple of seconds). */
      completeNow: (sessionId: string) => page.evaluate((id) => window.__lookoutSim!.fleet.completeNow(id), sessionId),
    },
    world: {
      projectNames: () => page.evaluate(() => [...window.__lookoutSim!.world.projects.values()].map((p) => p.name)),
      /** Every session whose topic is `topic` (a retry shares its parent's topic), oldest first. */
      sessions: (topic: string) =>
        page.evaluate((wanted): SessionInfo[] => {
          const { world } = window.__lookoutSim!;
          return [...world.projects.values()]
            .flatMap((project) => world.sessions.list(project.id))
            .filter((session) => session.topic === wanted)
            .sort((a, b) => a.createdAt - b.createdAt)
            .map((session) => {
              const task = session.taskId ? world.tasks.get(session.taskId) : undefined;
              const attention = session.attention;
              return {
                id: session.id,
                projectId: session.projectId,
                topic: session.topic,
                status: session.status,
                taskId: session.taskId,
                taskStatus: task?.status ?? null,
                parentTaskId: task?.parentTaskId ?? null,
                attention: attention ? { markerId: attention.markerId, reason: attention.reason, options: [...attention.options] } : null,
              };
            });
        }, topic),
      /** A project's sessions with when each started, in the world's creation order. */
      projectSessions: (projectName: string) =>
        page.evaluate((name): { id: string; topic: string | null; startedAt: number | null; createdAt: number }[] => {
          const { world } = window.__lookoutSim!;
          const project = [...world.projects.values()].find((p) => p.name === name);
          if (!project) return [];
          return world.sessions.list(project.id).map((s) => ({ id: s.id, topic: s.topic, startedAt: s.startedAt, createdAt: s.createdAt }));
        }, projectName),
      task: (taskId: string) =>
        page.evaluate((id): TaskInfo | null => {
          const { world } = window.__lookoutSim!;
          const task = world.tasks.get(id);
          if (!task) return null;
          const session = world.sessions.byTask(id);
          return { id, title: task.title, status: task.status, parentTaskId: task.parentTaskId, sessionId: session?.id ?? null };
        }, taskId),
      messages: (sessionId: string) =>
        page.evaluate(
          (id): MessageInfo[] => window.__lookoutSim!.world.messages.all(id).map((m) => ({ id: m.id, role: m.role, content: m.content })),
          sessionId,
        ),
      notifications: () =>
        page.evaluate((): NotificationInfo[] =>
          window.__lookoutSim!.world.notifications.all().map((n) => ({
            id: n.id,
            type: n.type,
            title: n.title,
            sessionId: n.sessionId,
            actionUrl: n.actionUrl,
            read: n.readAt !== null,
            dismissed: n.dismissedAt !== null,
          })),
        ),
    },
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A session row's link in the sidebar. Its name reads "topic , 5 min ago , Working …", so a string
 * matches the topic at the start; pass a RegExp to tell apart rows that share a topic.
 */
export function sessionLinkName(topic: string | RegExp): RegExp {
  return typeof topic === 'string' ? new RegExp(`^${escapeRegExp(topic)} ,`) : topic;
}

/** The chat column (right of the sidebar, or the whole screen on a phone). */
export const chatRegion = (page: Page) => page.getByRole('region', { name: 'Chat' });

/** From the projects page, opens a project by its name and waits for its chat list. */
export async function openProject(page: Page, name: string): Promise<void> {
  await page
    .getByRole('main')
    .getByRole('link', { name: new RegExp(`^${escapeRegExp(name)} `) })
    .click();
  await expect(page.getByRole('heading', { name: 'Chats', level: 2 })).toBeVisible();
}

/**
 * In a project, opens a session from the sidebar (desktop), the full-screen list (phone, nothing
 * open) or the Chats drawer (phone, a chat open), and waits for its chat to show.
 */
export async function openSession(page: Page, topic: string | RegExp): Promise<void> {
  let list = page.getByRole('complementary', { name: 'Chats' });
  if (!(await list.isVisible())) {
    await page.getByRole('button', { name: 'Chats', exact: true }).click();
    list = page.getByRole('dialog', { name: 'Chats' });
  }
  const link = list.getByRole('link', { name: sessionLinkName(topic) });
  await link.click();
  const heading = chatRegion(page).getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  if (typeof topic === 'string') await expect(heading).toHaveText(topic);
}

/** The default scenario's chat whose scripted agent streams an answer from the start. */
export const STREAMING_CHAT = 'Add retry with backoff to the webhook dispatcher';

/**
 * Opens the streaming chat with the page's clock installed at the simulator's start: the page's clock is the
 * app's one clock and the simulator's stays frozen, so the agent writes nothing while a test moves time on.
 * Returns the chat's header, which says "Working" and not yet "silent".
 */
export async function openFrozenWorkingChat(page: Page) {
  await page.clock.install({ time: SIM_NOW });
  await openSim(page);
  await openProject(page, 'lookout-web');
  await openSession(page, STREAMING_CHAT);
  const header = chatRegion(page).locator('header');
  await expect(header).toContainText('Working');
  await expect(header).not.toContainText('silent');
  return header;
}

/** A chat's row says `state` (a RegExp source): beside the chat on a desktop, in the Chats drawer on a phone. */
export async function expectSidebarRowState(page: Page, topic: string | RegExp, state: string): Promise<void> {
  const isPhone = (page.viewportSize()?.width ?? 1280) < 768;
  if (isPhone) await page.getByRole('button', { name: 'Chats', exact: true }).click();
  const list = isPhone ? page.getByRole('dialog', { name: 'Chats' }) : page.getByRole('complementary', { name: 'Chats' });
  await expect(list.getByRole('link', { name: sessionLinkName(topic) })).toHaveAccessibleName(new RegExp(`, ${state}\\b`));
  if (isPhone) await page.getByRole('button', { name: 'Close chats' }).click();
}
