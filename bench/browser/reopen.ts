/*
 * Instant reopen (issue #17 item 5, docs/persist.md), on the live build against the bench server:
 * a tab opens the long-chat scenario's 30,000-message session, waits for the kept cache to be written,
 * then reloads with SAM held (the bench server leaves every /api/ request but GET /api/auth/me unanswered)
 * and measures, from the reload's navigation start (performance.timeOrigin of the new document), until the chat's last message
 * is painted inside the visible part of the conversation; then SAM is released and the time until the
 * "Saved copy as of" mark goes is noted. Also: the IndexedDB read and write of the stored record.
 */
import type { Browser, Page } from '@playwright/test';
import { armPaintWatch, closePage, openPage, paintWatched, sleep } from './browser';
import { createSimulator, lastItemProbe, onlyProject, rowsOf, simulatorApi } from './data';
import type { BenchServer } from './server';

export interface ReopenRun {
  /** Reload's navigation start -> last message painted, SAM held. */
  reopenToLastMessageMs: number;
  /** The same, the first visit (nothing kept): SAM answering at once. */
  firstVisitToLastMessageMs: number;
  /** SAM released -> the "as of" mark gone. */
  releaseToConfirmedMs: number;
  /** The stored record: messages of the chat kept, structured-clone size estimate (JSON bytes). */
  keptMessages: number;
  recordJsonKB: number;
  /** IndexedDB get / put of that record, in the page. */
  idbReadMs: number;
  idbWriteMs: number;
  /** Where the reopen's time went: responseEnd of what it waited for, ms from navigation start. */
  breakdown: Record<string, number>;
}

/** responseEnd of the first resource whose URL contains each name; first contentful paint; long tasks. */
async function breakdown(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    for (const name of ['/api/auth/me', 'persistInBrowser', 'idbStorage', 'ProjectView', 'RestoredMark', 'MarkdownRenderer', 'CommentsLayer']) {
      const entry = resources.find((e) => e.name.includes(name));
      if (entry) out[name] = Math.round(entry.responseEnd);
    }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    if (nav) out.domContentLoaded = Math.round(nav.domContentLoadedEventEnd);
    // The main thread's long tasks (over 50 ms) so far: how much of the wait was the page's own work.
    const longTasks = (window as unknown as { __bench: { longTasks: Array<{ duration: number }> } }).__bench.longTasks;
    out.longTasks = longTasks.length;
    out.longTaskMs = Math.round(longTasks.reduce((sum, task) => sum + task.duration, 0));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (fcp) out.firstContentfulPaint = Math.round(fcp.startTime);
    return out;
  });
}

const STORE_READ = `new Promise((resolve, reject) => {
  const open = indexedDB.open('lookout');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('query-cache')) { db.close(); return resolve(null); }
    const tx = db.transaction('query-cache');
    const keys = tx.objectStore('query-cache').getAllKeys();
    keys.onsuccess = () => { db.close(); resolve(keys.result.length); };
  };
})`;

/** Times an IndexedDB read and a write (a put of what was read) of the kept record, in the page. */
async function idbCosts(page: Page): Promise<{ readMs: number; writeMs: number; keptMessages: number; recordJsonKB: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('lookout');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const t0 = performance.now();
          const tx = db.transaction('query-cache');
          const keys = tx.objectStore('query-cache').getAllKeys();
          keys.onsuccess = () => {
            const key = keys.result[0] as string;
            const read = tx.objectStore('query-cache').get(key);
            read.onsuccess = () => {
              const readMs = performance.now() - t0;
              const record = read.result as { client: { clientState: { queries: Array<{ state: { data: { messages?: unknown[] } } }> } } };
              const keptMessages = record.client.clientState.queries.reduce((n, q) => n + (q.state.data?.messages?.length ?? 0), 0);
              const recordJsonKB = JSON.stringify(record, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v)).length / 1024;
              const t1 = performance.now();
              const write = db.transaction('query-cache', 'readwrite');
              write.objectStore('query-cache').put(record, key);
              write.oncomplete = () => {
                db.close();
                resolve({ readMs, writeMs: performance.now() - t1, keptMessages, recordJsonKB });
              };
            };
          };
        };
      }),
  );
}

export async function reopenBenchmark(browser: Browser, server: BenchServer, options: { runs: number; log: (line: string) => void }): Promise<ReopenRun[]> {
  const sim = createSimulator({ scenario: 'long-chat', seed: 1, now: Date.now() });
  const projectId = onlyProject(sim);
  const session = sim.world.sessions.list(projectId)[0];
  if (!session) throw new Error('long-chat has no session');
  const rows = rowsOf(sim, session.id);
  const last = lastItemProbe(rows.slice(-500));
  server.setApi(simulatorApi(sim));
  const chatUrl = `${server.origin}/projects/${encodeURIComponent(projectId)}/chat/${encodeURIComponent(session.id)}`;
  const runs: ReopenRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const page = await openPage(browser);
    let release = () => {};
    try {
      await page.goto(chatUrl, { waitUntil: 'commit' });
      await armPaintWatch(page, { kind: 'item', itemId: last.id, probe: last.probe, resource: null });
      const first = await paintWatched(page);
      // The persister writes at most once a second: wait until the chat is stored.
      for (let waited = 0; ((await page.evaluate(STORE_READ)) ?? 0) === 0 && waited < 15_000; waited += 100) await sleep(100);
      await sleep(1_500);
      const costs = await idbCosts(page);

      // Held by the server, not by page.route: while any route is set, Playwright intercepts every
      // request of the page (chunks and `me` included) and each one waits for a trip through node.
      release = server.hold((path) => path !== '/api/auth/me');
      // LOOKOUT_BENCH_TRACE=1: a Chromium trace of the reopen (bench-results/reopen-RUN.trace.json), for
      // a look at the main thread's tasks; read it with scripts/trace-summary.mjs.
      const tracePath = process.env.LOOKOUT_BENCH_TRACE ? `bench-results/reopen-${process.env.LOOKOUT_BENCH_BUILD ?? 'build'}-${run + 1}.trace.json` : null;
      if (tracePath)
        await browser.startTracing(page, {
          path: tracePath,
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.execute'],
        });
      await page.reload({ waitUntil: 'commit' });
      await armPaintWatch(page, { kind: 'item', itemId: last.id, probe: last.probe, resource: null });
      const reopened = await paintWatched(page);
      if (tracePath) {
        await page.evaluate((at) => performance.mark('lookout:last-message-painted', { startTime: at }), reopened.paintedAt);
        await browser.stopTracing();
      }
      const reopenBreakdown = await breakdown(page);
      await page.waitForSelector('[data-testid="restored-mark"]');
      const releasedAt = await page.evaluate(() => performance.now());
      release();
      await page.waitForSelector('[data-testid="restored-mark"]', { state: 'detached', timeout: 30_000 });
      const confirmedAt = await page.evaluate(() => performance.now());
      const figures: ReopenRun = {
        reopenToLastMessageMs: reopened.paintedAt,
        firstVisitToLastMessageMs: first.paintedAt,
        releaseToConfirmedMs: confirmedAt - releasedAt,
        keptMessages: costs.keptMessages,
        recordJsonKB: costs.recordJsonKB,
        idbReadMs: costs.readMs,
        idbWriteMs: costs.writeMs,
        breakdown: reopenBreakdown,
      };
      runs.push(figures);
      options.log(
        `  run ${run + 1}: reopen -> last message ${figures.reopenToLastMessageMs.toFixed(0)} ms (first visit ${figures.firstVisitToLastMessageMs.toFixed(0)} ms); ` +
          `released -> confirmed ${figures.releaseToConfirmedMs.toFixed(0)} ms; kept ${figures.keptMessages} messages (${figures.recordJsonKB.toFixed(0)} KB as JSON); ` +
          `IndexedDB read ${figures.idbReadMs.toFixed(1)} ms, write ${figures.idbWriteMs.toFixed(1)} ms\n    reopen, ms from navigation start: ${JSON.stringify(figures.breakdown)}`,
      );
    } finally {
      release();
      await closePage(page);
    }
  }
  return runs;
}
