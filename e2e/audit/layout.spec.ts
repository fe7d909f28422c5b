import { expect, test } from '@playwright/test';
import { auditLayout } from './layout';
import { JOURNEYS, journeyTimeout, walk } from './screens';
import { AUDIT_TRACE, isNarrow, isTouch, VISUAL_PROJECTS } from './support';

/**
 * The layout audit (layout.ts) of every screen of every journey (screens.ts): no sideways scrolling,
 * nothing clipped, touch-sized targets up to 768 px, nothing interactive outside the viewport. A
 * failure lists the offending elements of each screen (soft assertions: one bad screen does not hide
 * the next).
 *
 * Here: 320, 390 and 768 px. At 375 and 1280 px (both themes) visual.spec.ts runs the same audit in
 * its walk, next to the screenshots and axe, so those screens are reached once, not twice. The colour
 * scheme changes colours, not geometry, so the dark variants of 320, 390 and 768 px are skipped
 * (dark is audited at 375 and 1280 px).
 */

test.use({ trace: AUDIT_TRACE });

// Skipped before any page exists (a hook without fixtures), so skipped projects cost nothing.
// eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a hook needs from this pattern
test.beforeEach(async ({}, testInfo) => {
  const name = testInfo.project.name;
  test.skip(VISUAL_PROJECTS.has(name), 'audited in visual.spec.ts, in the same walk as the screenshots');
  test.skip(name.endsWith('-dark'), 'geometry does not depend on the colour scheme: dark is audited at 375 and 1280 px');
});

for (const journey of JOURNEYS) {
  test(`layout: ${journey.name}`, async ({ page }, testInfo) => {
    const touch = isTouch(testInfo);
    const ctx = { narrow: isNarrow(testInfo) };
    test.setTimeout(journeyTimeout(journey, ctx, 3_000));
    await walk(page, journey, ctx, async (screen) => {
      const problems = await auditLayout(page, { touch });
      expect.soft(problems, `layout problems on "${screen.name}" (${testInfo.project.name})`).toEqual([]);
    });
  });
}
