/*
 * The Changes benchmark (issue 17 item 1): open a chat's workspace changes with a diff of about 2,000 lines
 * (the default scenario's "Migrate settings page…" chat: 11 files, one of them 166 hunks / 1,996 diff lines)
 * on a 375 x 667 viewport with Chromium's CPU throttled 4x (CDP Emulation.setCPUThrottlingRate), two ways:
 * - click: the app is loaded on that chat (project view, stream live, the project view's chunk in memory);
 *   from the click on the header's "Changes" link (the click event's timeStamp) to the first animation
 *   frame in which a hunk header (`[data-kind="hunk"]`) of the diff intersects the viewport;
 * - cold: a fresh tab navigated straight to /projects/:p/chat/:s/changes; from navigation start (time
 *   origin 0) to that same frame.
 * Long tasks (PerformanceObserver 'longtask', over 50 ms) are counted in [start, first hunk] and in
 * [start, first hunk + 3 s] (the remaining diff requests, their parsing and the highlighting worker's replies).
 * The API is the simulator's, answered from node over HTTP with no added latency.
 */
import type { Browser, Page } from '@playwright/test';
import { callApi } from '../../mocks/http';
import { clickElement, closePage, openPage, pageNow, sleep, throttleCpu, windowStats } from './browser';
import { createSimulator, simulatorApi } from './data';
import type { BenchServer } from './server';
import { figure, show, type Figure } from './stats';

export interface ChangesRun {
  firstHunkMs: number;
  longTasksToHunk: number;
  longTaskMsToHunk: number;
  longTasksSettled: number;
  longTaskMsSettled: number;
  longestTaskMs: number;
}

export interface ChangesResults {
  click: ChangesRun[];
  cold: ChangesRun[];
  /** Lines of the chat's unstaged diffs (the 2,000-line file and the others), as the simulator serves them. */
  diffLines: number;
}

const PHONE = { width: 375, height: 667 };
const THROTTLE = 4;
const SETTLE_MS = 3_000;
const TOPIC = 'Migrate settings page to the new form components';

/** Resolves with the page time of the first frame in which a hunk header is on screen. */
function watchFirstHunk(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = (time: number) => {
          const onScreen = [...document.querySelectorAll('[data-kind="hunk"]')].some((el) => {
            const r = el.getBoundingClientRect();
            return r.bottom > 0 && r.top < innerHeight && r.height > 0;
          });
          if (onScreen) resolve(time);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
  );
}

async function runOnce(browser: Browser, server: BenchServer, cold: boolean): Promise<{ run: ChangesRun; diffLines: number }> {
  const sim = createSimulator({ scenario: 'default', seed: 1 });
  server.setApi(simulatorApi(sim));
  const session = [...sim.world.projects.values()].flatMap((p) => sim.world.sessions.list(p.id)).find((s) => s.topic === TOPIC);
  if (!session) throw new Error(`no chat "${TOPIC}"`);
  const chat = `/projects/${session.projectId}/chat/${session.id}`;
  const page = await openPage(browser);
  try {
    await page.setViewportSize(PHONE);
    let start: number;
    let hunkAt: number;
    if (cold) {
      await throttleCpu(page, THROTTLE);
      const watched = page.waitForFunction(() => document.querySelector('[data-kind="hunk"]') !== null, null, { timeout: 120_000, polling: 200 });
      await page.goto(`${server.origin}${chat}/changes`, { waitUntil: 'commit' });
      await watched;
      hunkAt = await watchFirstHunk(page);
      start = 0;
    } else {
      await page.goto(`${server.origin}${chat}`);
      await page.getByRole('link', { name: 'Changes' }).waitFor();
      await sleep(1_000);
      await throttleCpu(page, THROTTLE);
      await page.evaluate(() => {
        addEventListener('click', (event) => ((window as unknown as { __clickAt: number }).__clickAt = event.timeStamp), { capture: true, once: true });
      });
      const watched = watchFirstHunk(page);
      await clickElement(page, 'a[aria-label="Changes"]');
      hunkAt = await watched;
      start = await page.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
    }
    await sleep(SETTLE_MS);
    const settledAt = Math.min(await pageNow(page), hunkAt + SETTLE_MS);
    const toHunk = await windowStats(page, start, hunkAt);
    const settled = await windowStats(page, start, settledAt);
    const status = callApi(sim, 'GET', `/api/projects/${session.projectId}/sessions/${session.id}/git/status`).body as { unstaged: { path: string }[] };
    let diffLines = 0;
    for (const file of status.unstaged) {
      const answer = callApi(
        sim,
        'GET',
        `/api/projects/${session.projectId}/sessions/${session.id}/git/diff?path=${encodeURIComponent(file.path)}&staged=false`,
      );
      diffLines += ((answer.body as { diff?: string }).diff ?? '').split('\n').length - 1;
    }
    return {
      diffLines,
      run: {
        firstHunkMs: hunkAt - start,
        longTasksToHunk: toHunk.longTasks,
        longTaskMsToHunk: toHunk.longTaskMs,
        longTasksSettled: settled.longTasks,
        longTaskMsSettled: settled.longTaskMs,
        longestTaskMs: settled.longestTaskMs,
      },
    };
  } finally {
    await closePage(page);
  }
}

export async function changesBenchmark(browser: Browser, server: BenchServer, options: { runs: number; log: (line: string) => void }): Promise<ChangesResults> {
  const results: ChangesResults = { click: [], cold: [], diffLines: 0 };
  for (const cold of [false, true]) {
    for (let i = 0; i < options.runs; i++) {
      const { run, diffLines } = await runOnce(browser, server, cold);
      results.diffLines = diffLines;
      (cold ? results.cold : results.click).push(run);
      options.log(
        `  ${cold ? 'cold' : 'click'} #${i + 1}: first hunk ${run.firstHunkMs.toFixed(0)} ms; long tasks to it ${run.longTasksToHunk} (${run.longTaskMsToHunk.toFixed(0)} ms), ` +
          `to +3 s ${run.longTasksSettled} (${run.longTaskMsSettled.toFixed(0)} ms, longest ${run.longestTaskMs.toFixed(0)} ms)`,
      );
    }
  }
  const line = (name: string, runs: ChangesRun[]) => {
    const f = (pick: (r: ChangesRun) => number): Figure => figure(runs.map(pick));
    return (
      `  ${name}: first hunk ${show(
        f((r) => r.firstHunkMs),
        'ms',
      )}; long tasks to it ${show(f((r) => r.longTasksToHunk))} ` +
      `(${show(
        f((r) => r.longTaskMsToHunk),
        'ms',
      )}); to +3 s ${show(f((r) => r.longTasksSettled))} (${show(
        f((r) => r.longTaskMsSettled),
        'ms',
      )}, longest ${show(
        f((r) => r.longestTaskMs),
        'ms',
      )})`
    );
  };
  options.log(`  375 x 667, CPU 4x; the unstaged diffs hold ${results.diffLines} lines in all:`);
  options.log(line('click in the loaded app', results.click));
  options.log(line('cold navigation', results.cold));
  return results;
}
