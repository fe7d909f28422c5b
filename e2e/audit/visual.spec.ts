import { expect, test } from '@playwright/test';
import { seriousViolations } from './axe';
import { auditLayout } from './layout';
import { JOURNEYS, journeyTimeout, walk } from './screens';
import { AUDIT_TRACE, isNarrow, isTouch, SIM_NOW, VISUAL_PROJECTS } from './support';

/**
 * The screen audit at 375 and 1280 px in both themes: every screen of every journey (screens.ts) is
 * reached once and checked three ways, each a soft assertion that names the screen:
 *
 * - a screenshot against its baseline (screens marked `visual`);
 * - the layout audit (layout.ts), as layout.spec.ts does at the other widths;
 * - axe: no serious or critical violation (a11y.spec.ts holds the behavioural accessibility checks).
 *
 * One walk instead of three keeps the audit suite within its time budget on a 2-core machine.
 *
 * Baselines come from deterministic worlds: seed 1, the simulator's clock frozen at SIM_NOW, the
 * page's Date pinned to the same instant (so "5 min ago" never drifts), UTC and en-US, animations
 * off, caret hidden, the bundled Inter font. Nothing is masked. After an intended visual change:
 *   npx playwright test e2e/audit --update-snapshots
 * then commit e2e/__screenshots__.
 */

test.use({ trace: AUDIT_TRACE, timezoneId: 'UTC', locale: 'en-US' });

// Skipped before any page exists (a hook without fixtures), so the other projects cost nothing.
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
test.beforeEach(async ({}, testInfo) => {
  test.skip(!VISUAL_PROJECTS.has(testInfo.project.name), 'baselines at 375 and 1280 px only');
});

for (const journey of JOURNEYS) {
  test(`screens: ${journey.name}`, async ({ page }, testInfo) => {
    const ctx = { narrow: isNarrow(testInfo) };
    const touch = isTouch(testInfo);
    test.setTimeout(journeyTimeout(journey, ctx, 6_000));
    await page.clock.setFixedTime(SIM_NOW);
    await walk(page, journey, ctx, async (screen) => {
      if (screen.visual) {
        await expect.soft(page, `screenshot of "${screen.name}"`).toHaveScreenshot(`${screen.name}.png`, {
          animations: 'disabled',
          caret: 'hide',
        });
      }
      expect.soft(await auditLayout(page, { touch }), `layout problems on "${screen.name}"`).toEqual([]);
      expect.soft(await seriousViolations(page), `axe on "${screen.name}"`).toEqual([]);
    });
  });
}
