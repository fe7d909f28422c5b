import { test } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE, alive } from '../../../scripts/sam/server.mjs';
import { ensureSamUp } from './sam';

/*
 * SAM's dev server (wrangler dev, workerd) has died under these checks: seconds to minutes after a task
 * fails offline, and after connections are cut. playwright.sam.config.ts retries a check once, and this
 * guard makes that retry count only when SAM went down during the failed attempt: a check that failed
 * with SAM up fails again at once on its retry, with the first attempt's failure reported.
 */

/** Cleared by scripts/test-sam.mjs at the start of each run. */
export const CRASHES = join('test-results', 'sam-crashes.json');
const pidOf = () => (existsSync(join(STATE, 'wrangler.pid')) ? readFileSync(join(STATE, 'wrangler.pid'), 'utf8').trim() : '');
const crashed = (): Record<string, string> => (existsSync(CRASHES) ? JSON.parse(readFileSync(CRASHES, 'utf8')) : {});

export function retryOnlyWhenSamWentDown(): void {
  let pidBefore = '';
  // Playwright reads fixtures from a destructuring pattern; these hooks use none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(async ({}, testInfo) => {
    if (testInfo.retry > 0 && !crashed()[testInfo.testId]) {
      throw new Error('not retried: the first attempt failed while SAM stayed up (see its failure above)');
    }
    await ensureSamUp();
    pidBefore = pidOf();
  });
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    const wentDown = pidOf() !== pidBefore || !(await alive());
    if (!wentDown) return;
    testInfo.annotations.push({ type: 'sam', description: 'SAM went down during this attempt' });
    mkdirSync('test-results', { recursive: true });
    writeFileSync(CRASHES, JSON.stringify({ ...crashed(), [testInfo.testId]: new Date().toISOString() }));
  });
}
