/*
 * Load: what the first screen and a chat page make the browser download, and how fast the first screen
 * shows. The byte figures are gzip sizes (level 9, as scripts/check-bundle.mjs counts them) of the
 * JavaScript files the page actually requested, cold (an empty cache); the test server sends them
 * uncompressed, so timings are a loopback's and only the sizes compare with a real network.
 */
import type { Browser } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { closePage, openPage, sleep } from './browser';
import { createSimulator, onlyProject, simulatorApi } from './data';
import type { BenchServer } from './server';

export const EAGER_BUDGET_BYTES = 110 * 1024;

export interface BundleFigures {
  eager: Array<{ file: string; raw: number; gzip: number }>;
  eagerGzip: number;
  lazy: Array<{ file: string; raw: number; gzip: number }>;
  css: Array<{ file: string; raw: number; gzip: number }>;
}

const gzipOf = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The same reading of index.html as scripts/check-bundle.mjs: the entry script and its modulepreloads. */
export function bundleFigures(root: string): BundleFigures {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const eagerFiles = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
  const size = (file: string) => {
    const bytes = readFileSync(join(root, file));
    return { file, raw: bytes.length, gzip: gzipOf(bytes) };
  };
  const eager = eagerFiles.map(size);
  const all = readdirSync(join(root, 'assets')).map((f) => `assets/${f}`);
  const lazy = all
    .filter((f) => f.endsWith('.js') && !eagerFiles.includes(f))
    .map(size)
    .sort((a, b) => b.gzip - a.gzip);
  const css = all.filter((f) => f.endsWith('.css')).map(size);
  return { eager, eagerGzip: eager.reduce((sum, s) => sum + s.gzip, 0), lazy, css };
}

export interface LoadRun {
  /** First contentful paint of `/`. */
  fcpMs: number;
  /** Until the projects list is on screen (its REST answer included). */
  projectsShownMs: number;
  firstScreenJsGzip: number;
  firstScreenFiles: string[];
  /** Opening a project and one of its chats from there: every JavaScript file requested by then. */
  chatPageJsGzip: number;
  chatPageFiles: string[];
}

export async function loadBenchmark(
  browser: Browser,
  server: BenchServer,
  root: string,
  options: { runs: number; log: (line: string) => void },
): Promise<LoadRun[]> {
  const sim = createSimulator({ scenario: 'default', seed: 1, now: Date.now() });
  const projectId = onlyProject(sim);
  const session = sim.world.sessions.list(projectId).find((s) => sim.world.messages.all(s.id).length > 20);
  if (!session) throw new Error('the default scenario has no chat with messages');
  server.setApi(simulatorApi(sim));
  const gzipCache = new Map<string, number>();
  const gzipOfFile = (file: string) => {
    let n = gzipCache.get(file);
    if (n === undefined) gzipCache.set(file, (n = gzipOf(readFileSync(join(root, file)))));
    return n;
  };
  const scripts = async (page: Awaited<ReturnType<typeof openPage>>) => {
    const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    return [...new Set(names.filter((n) => n.endsWith('.js')).map((n) => n.replace(/^\//, '')))].sort();
  };
  const runs: LoadRun[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const page = await openPage(browser);
    try {
      await page.goto(`${server.origin}/`);
      const link = page.locator(`a[href="/projects/${projectId}"], a[href^="/projects/${projectId}/"]`).first();
      await link.waitFor();
      const projectsShownMs = await page.evaluate(
        () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))),
      );
      const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      const firstScreenFiles = await scripts(page);
      await link.click();
      await page.locator(`[data-roving-id="${session.id}"]`).click();
      await page.waitForSelector('[role="log"] [data-item-id]');
      await sleep(1_500); // the markdown renderer and anything else the chat asks for
      const chatPageFiles = await scripts(page);
      const result: LoadRun = {
        fcpMs,
        projectsShownMs,
        firstScreenJsGzip: firstScreenFiles.reduce((sum, f) => sum + gzipOfFile(f), 0),
        firstScreenFiles,
        chatPageJsGzip: chatPageFiles.reduce((sum, f) => sum + gzipOfFile(f), 0),
        chatPageFiles,
      };
      runs.push(result);
      options.log(
        `  load ${run + 1}/${options.runs}: FCP ${fcpMs.toFixed(0)} ms, projects shown ${projectsShownMs.toFixed(0)} ms, first screen JS ${(result.firstScreenJsGzip / 1024).toFixed(1)} KB gzip, chat page JS ${(result.chatPageJsGzip / 1024).toFixed(1)} KB gzip`,
      );
    } finally {
      await closePage(page);
    }
  }
  return runs;
}
