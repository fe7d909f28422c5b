import { test } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE, alive } from '../../../scripts/sam/server.mjs';
import { ensureSamUp } from './sam';

/*
 * SAM's offline dev server is wrangler dev, whose proxy in front of SAM's worker now and then loses a
 * request on its way in (cloudflare/workers-sdk#15451): wrangler 4.118 then exited, which the harness
 * now prevents (scripts/sam/wrangler-patch.mjs), but the one request still fails with a 500 "Network
 * connection lost." that never reached SAM. playwright.sam.config.ts retries a check up to twice, and
 * this guard lets a retry run only when the toolchain failed during the attempt before it: SAM went down, or the
 * proxy logged a dropped request. A check that failed with neither fails again at once on its retry,
 * with the first attempt's failure reported.
 */

/** Cleared by scripts/test-sam.mjs at the start of each run. */
export const CRASHES = join('test-results', 'sam-crashes.json');
const pidOf = () => (existsSync(join(STATE, 'wrangler.pid')) ? readFileSync(join(STATE, 'wrangler.pid'), 'utf8').trim() : '');
/** Each attempt of a check is judged on its own: a retry runs only after an attempt the toolchain failed. */
const attemptKey = (testId: string, retry: number) => `${testId}#${retry}`;
const crashed = (): Record<string, string> => (existsSync(CRASHES) ? JSON.parse(readFileSync(CRASHES, 'utf8')) : {});
/** The mark wrangler-patch.mjs makes wrangler log for each request its proxy dropped. */
const DROPPED = "[lookout] a request to the worker failed in wrangler's proxy";
const droppedSoFar = () => {
  const log = join(STATE, 'wrangler.log');
  return existsSync(log) ? readFileSync(log, 'utf8').split(DROPPED).length - 1 : 0;
};

export function retryOnlyWhenSamWentDown(): void {
  let pidBefore = '';
  let droppedBefore = 0;
  // A refused retry runs no check: its failure says nothing of the toolchain and must not allow the next.
  let refused = false;
  // Playwright reads fixtures from a destructuring pattern; these hooks use none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeEach(async ({}, testInfo) => {
    refused = testInfo.retry > 0 && !crashed()[attemptKey(testInfo.testId, testInfo.retry - 1)];
    if (refused) {
      throw new Error(`not retried: attempt ${testInfo.retry} failed while SAM stayed up and its proxy dropped nothing (see its failure above)`);
    }
    await ensureSamUp();
    pidBefore = pidOf();
    droppedBefore = droppedSoFar();
  });
  // eslint-disable-next-line no-empty-pattern
  test.afterEach(async ({}, testInfo) => {
    if (refused || testInfo.status === testInfo.expectedStatus) return;
    const wentDown = pidOf() !== pidBefore || !(await alive());
    const dropped = !wentDown && droppedSoFar() > droppedBefore;
    if (!wentDown && !dropped) return;
    testInfo.annotations.push({
      type: 'sam',
      description: wentDown ? 'SAM went down during this attempt' : "wrangler's proxy dropped a request during this attempt",
    });
    mkdirSync('test-results', { recursive: true });
    writeFileSync(CRASHES, JSON.stringify({ ...crashed(), [attemptKey(testInfo.testId, testInfo.retry)]: new Date().toISOString() }));
  });
}
