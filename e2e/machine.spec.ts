import { expect, test, type Page } from '@playwright/test';
import { IDLE_CLEANUP_IN_MS, MACHINE_TOPICS, NEXT_RETRY_AFTER_MS, WAKE_AFTER_MS } from '../mocks/scenarios/machine';
import { seriousViolations } from './audit/axe';
import { SIM_NOW, chatRegion, openProject, openSession, openSim, sim } from './support/sim';

/*
 * The machine behind a chat (issue 17 item 3, docs/machine.md): a wake's phases advance with the
 * simulator's clock, a recovery container leads to its boot log, the boot log streams as plain text, a
 * prompt the agent retries says so, and the idle cleanup counts down on the app's clock until Keep alive.
 */

const MIN = 60_000;
/** Lookout's poll of the node's events while the agent works (src/live/react/machine.ts RETRY_POLL_MS). */
const RETRY_POLL_MS = 10_000;

const strip = (page: Page) => chatRegion(page).getByRole('region', { name: 'Machine' });
const bootLog = (page: Page) => strip(page).getByRole('region', { name: 'Boot log' });

async function openMachineChat(page: Page, topic: string) {
  await openSim(page, { scenario: 'machine' });
  await openProject(page, 'machine-room');
  await openSession(page, topic);
}

/** The simulated session's wake phase right now (what SAM last sent), by topic. */
function wakePhaseOf(page: Page, topic: string) {
  return page.evaluate((wanted) => {
    const { world } = window.__lookoutSim!;
    for (const project of world.projects.values()) {
      const session = world.sessions.list(project.id).find((s) => s.topic === wanted);
      if (session) return { status: session.state.recoveryStatus, phase: session.state.wakePhase };
    }
    return null;
  }, topic);
}

test('a sleeping chat wakes phase by phase on the clock, and the new machine’s boot log streams in', async ({ page }) => {
  // Many small steps of simulated time, each checked on screen: slower than one load on a shared machine.
  test.setTimeout(120_000);
  await openMachineChat(page, MACHINE_TOPICS.waking);
  await expect(chatRegion(page).locator('header')).toContainText('Asleep');
  await expect(strip(page)).toHaveCount(0);

  await sim(page).clock.advance(WAKE_AFTER_MS);
  const wake = strip(page).getByRole('status');
  const seen: number[] = [];
  let logOpened = false;
  for (let i = 0; i < 40; i++) {
    const now = await wakePhaseOf(page, MACHINE_TOPICS.waking);
    if (now?.status === 'restored') break;
    if (now?.status === 'waking' && now.phase) {
      await expect(wake).toContainText(/Waking, step \d of 9: /);
      const step = Number(/step (\d) of 9/.exec((await wake.textContent()) ?? '')?.[1]);
      if (seen.at(-1) !== step) seen.push(step);
      // Once the workspace is being created, its boot log can be opened while the wake goes on.
      if (!logOpened && step >= 5) {
        await strip(page).getByRole('button', { name: 'Boot log' }).click();
        await expect(bootLog(page)).toContainText('Creating workspace volume');
        // Mid-wake, with the banner, its progress bar and the streaming log on screen: no serious axe finding.
        expect(await seriousViolations(page)).toEqual([]);
        logOpened = true;
      }
    }
    await sim(page).clock.advance(500);
  }
  // Phases only move forward, and the banner walked through several of them to the last.
  expect(seen.length).toBeGreaterThanOrEqual(4);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  expect(logOpened).toBe(true);

  // The wake is over: no banner; the log the person opened stays, with every line the agent streamed since.
  await expect(wake).toHaveCount(0);
  await expect(bootLog(page)).toContainText('Boot finished');
  await expect(bootLog(page).getByRole('listitem')).toHaveCount(8);
  await expect(bootLog(page).getByRole('listitem').last()).toHaveText('Workspace is ready');
  await expect(chatRegion(page).locator('header')).not.toContainText('Asleep');
});

test('a recovery container says why, and its badge leads to the failed build in the boot log, as plain text', async ({ page }) => {
  await openMachineChat(page, MACHINE_TOPICS.recovery);
  await expect(strip(page)).toContainText('Recovery container');
  await expect(strip(page)).toContainText('The devcontainer build failed');
  await strip(page).getByRole('button', { name: 'Boot log' }).click();
  const log = bootLog(page);
  await expect(log.getByRole('listitem').filter({ hasText: 'Devcontainer build failed' })).toContainText('exit code: 1');
  // The wire's markup stays text, its colour codes are gone, and nothing it carried became an element.
  await expect(log).toContainText('could not resolve <script>alert(1)</script>');
  expect(await log.textContent()).not.toContain('\u001b');
  await expect(log.locator('script, img')).toHaveCount(0);
  await expect(log.getByRole('listitem').last()).toHaveText('Workspace is ready');
  // The log follows its tail: the newest line is in view.
  await expect(log.getByRole('listitem').last()).toBeInViewport();
  await strip(page).getByRole('button', { name: 'Hide boot log' }).click();
  await expect(log).toHaveCount(0);
});

test('a prompt the agent retries after provider overloads reads "capacity, retrying (2/5)", then (3/5)', async ({ page }) => {
  await page.clock.install({ time: SIM_NOW });
  await openMachineChat(page, MACHINE_TOPICS.retrying);
  await expect(strip(page)).toContainText('capacity, retrying (2/5)');
  await sim(page).clock.advance(NEXT_RETRY_AFTER_MS);
  await page.clock.fastForward(RETRY_POLL_MS);
  await expect(strip(page)).toContainText('capacity, retrying (3/5)');
});

test('the idle cleanup counts down on the app’s clock, and Keep alive pushes it back', async ({ page }) => {
  await page.clock.install({ time: SIM_NOW });
  await openMachineChat(page, MACHINE_TOPICS.idle);
  const countdown = strip(page);
  await expect(countdown).toContainText(`Workspace cleanup in ${IDLE_CLEANUP_IN_MS / MIN} min`);

  // Five minutes pass for everyone: SAM's clock and the app's.
  await sim(page).clock.advance(5 * MIN);
  await page.clock.fastForward(5 * MIN);
  await expect(countdown).toContainText(`Workspace cleanup in ${IDLE_CLEANUP_IN_MS / MIN - 5} min`);

  await countdown.getByRole('button', { name: 'Keep alive' }).click();
  await expect(countdown).toContainText('Workspace cleanup in 15 min');
});
