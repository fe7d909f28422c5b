import { expect, test, type Page } from '@playwright/test';
import { openSim, sim, SIM_NOW } from './support/sim';

/*
 * Issues 12.9 and 14.5: SAM's projects list sends empty task counts, so cards said "0 running" for every
 * project and never changed. Each card now shows needs you / working / failed from the project's own
 * route and its active sessions, and asks again as time passes.
 */

interface Expected {
  needsYou: number;
  working: number;
  failed: number;
  workingSessionId: string | null;
}

/** What the simulated world holds for a project, counted the way a person would. */
function expectedCounts(page: Page, name: string): Promise<Expected> {
  return page.evaluate((projectName): Expected => {
    const { world, fleet } = window.__lookoutSim!;
    const project = [...world.projects.values()].find((p) => p.name === projectName)!;
    const tasks = world.tasks.list(project.id);
    const sessions = world.sessions.list(project.id);
    const now = world.now();
    const working = sessions.find((s) => s.taskId && fleet.agent(s.id)?.busy && world.tasks.get(s.taskId)?.status === 'in_progress');
    return {
      needsYou: sessions.filter((s) => s.status === 'active' && s.attention && (s.attention.expiresAt === null || s.attention.expiresAt > now)).length,
      working: tasks.filter((t) => ['queued', 'delegated', 'in_progress'].includes(t.status)).length,
      failed: tasks.filter((t) => t.status === 'failed').length,
      workingSessionId: working?.id ?? null,
    };
  }, name);
}

const card = (page: Page, name: string) => page.getByRole('main').getByRole('link', { name: new RegExp(`^${name} `) });
const countsText = (c: Expected) => new RegExp(`Needs you ${c.needsYou} Working ${c.working} Failed ${c.failed}\\b`);

test('a project card shows who needs you, what works and what failed, and stays current', async ({ page }) => {
  await page.clock.install({ time: SIM_NOW });
  await openSim(page);
  const before = await expectedCounts(page, 'lookout-web');
  expect(before.working, 'the scenario has work in progress').toBeGreaterThan(0);
  expect(before.needsYou, 'the scenario has a question open').toBeGreaterThan(0);
  await expect(card(page, 'lookout-web')).toHaveAccessibleName(countsText(before));

  // A task fails behind the page's back; the card learns it on the next tick of the app's clock.
  expect(before.workingSessionId).not.toBeNull();
  await sim(page).fleet.failNow(before.workingSessionId!, 'tests did not pass');
  const after = await expectedCounts(page, 'lookout-web');
  expect(after.failed).toBe(before.failed + 1);
  await page.clock.fastForward(31_000);
  await expect(card(page, 'lookout-web')).toHaveAccessibleName(countsText(after));
});
