/*
 * The browser half of `npm run bench` (scripts/bench.mjs loads this file through Vite's module runner,
 * so it and the simulator it imports run as TypeScript in node).
 */
import { launch } from './browser';
import { changesBenchmark } from './changes';
import { chatBenchmarks } from './chat';
import { firehoseBenchmark } from './firehose';
import { bundleFigures, loadBenchmark } from './load';
import { reopenBenchmark } from './reopen';
import type { BrowserBench, BrowserResults } from './report';
import { startServer } from './server';

export { renderReport, type BrowserBench, type BrowserResults, type CoreResults, type Machine, type Results } from './report';
export { renderCompare, runCompare } from './compare';

export interface BrowserOptions {
  quick: boolean;
  only: ReadonlySet<string> | null;
  /** The live build to serve (vite build --mode live). */
  root: string;
  log: (line: string) => void;
}

export const FIREHOSE = {
  full: { durationMs: 300_000, heapAtMs: [60_000, 120_000, 180_000, 240_000, 300_000], windowMs: 60_000 },
  quick: { durationMs: 60_000, heapAtMs: [30_000, 60_000], windowMs: 20_000 },
  framesPerSecond: 1_000,
  clickEveryMs: 10_000,
} as const;

export async function runBrowser(options: BrowserOptions): Promise<BrowserResults> {
  const wanted = (name: BrowserBench) => !options.only || options.only.has(name);
  const results: BrowserResults = { bundle: null, load: null, chat: null, firehose: null, changes: null, seconds: {} };
  const timed = async <T>(name: BrowserBench, run: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    options.log(`\n${name}`);
    try {
      return await run();
    } finally {
      results.seconds[name] = (performance.now() - start) / 1000;
    }
  };
  if (wanted('bundle')) results.bundle = await timed('bundle', async () => bundleFigures(options.root));
  if (!wanted('load') && !wanted('chat') && !wanted('firehose') && !wanted('reopen') && !wanted('changes')) return results;

  const server = await startServer(options.root);
  const browser = await launch();
  try {
    const runs = options.quick ? 3 : 5;
    if (wanted('load')) results.load = await timed('load', () => loadBenchmark(browser, server, options.root, { runs, log: options.log }));
    if (wanted('reopen')) results.reopen = await timed('reopen', () => reopenBenchmark(browser, server, { runs, log: options.log }));
    if (wanted('chat')) results.chat = await timed('chat', () => chatBenchmarks(browser, server, { runs, log: options.log }));
    if (wanted('changes')) results.changes = await timed('changes', () => changesBenchmark(browser, server, { runs, log: options.log }));
    if (wanted('firehose')) {
      const mode = options.quick ? FIREHOSE.quick : FIREHOSE.full;
      results.firehose = await timed('firehose', () =>
        firehoseBenchmark(browser, server, {
          durationMs: mode.durationMs,
          heapAtMs: [...mode.heapAtMs],
          windowMs: mode.windowMs,
          framesPerSecond: FIREHOSE.framesPerSecond,
          clickEveryMs: FIREHOSE.clickEveryMs,
          log: options.log,
        }),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}
