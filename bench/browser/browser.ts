/*
 * Chromium for the benchmarks, and what the page records about itself. The page keeps, from its first
 * script on: every long task (the 'longtask' PerformanceObserver reports tasks over 50 ms), the
 * timestamp of every animation frame (frame times are the differences), and the moments the harness
 * forced a garbage collection (to read the heap), so that those are not counted as Lookout's pauses.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { existsSync, writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS as OFFLINE_CHROMIUM_ARGS } from '../../scripts/ensure-chromium.mjs';
import { figure, percentile, type Figure } from './stats';

/** The offline flags every launch here uses, plus exact heap figures and `window.gc`. */
export const CHROMIUM_ARGS = [...OFFLINE_CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

export const VIEWPORT = { width: 1280, height: 800 };

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path} (set CHROMIUM_PATH, or run scripts/ensure-chromium.mjs)`);
  return path;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

interface LongTask {
  start: number;
  duration: number;
}
interface Span {
  start: number;
  end: number;
}
export interface Painted {
  clickAt: number | null;
  responseEnd: number | null;
  paintedAt: number;
  target: string | null;
  /** A 'session' watch whose click hit no other session's row (the list moved under the pointer). */
  missed: boolean;
}
interface BenchGlobal {
  longTasks: LongTask[];
  frames: number[];
  gcSpans: Span[];
  pending: Promise<Painted> | null;
  /** While true, a reader who wants the latest: "jump to latest" is pressed whenever it shows. */
  follow: boolean;
  jumps: number;
}

/** The page's globals as the harness sees them (no global augmentation: e2e/ shares this program). */
type BenchWindow = Window & { __bench: BenchGlobal; gc?: () => void };
type MemoryPerformance = Performance & { memory?: { usedJSHeapSize: number } };

/** Runs in the page before any of its scripts. */
function instrument() {
  const bench: BenchGlobal = { longTasks: [], frames: [], gcSpans: [], pending: null, follow: false, jumps: 0 };
  (window as unknown as BenchWindow).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const frame = (t: number) => {
    bench.frames.push(t);
    if (bench.follow) {
      const jump = [...document.querySelectorAll('button')].find((b) => /jump to latest/i.test(b.textContent ?? ''));
      if (jump) {
        bench.jumps += 1;
        jump.click();
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const cdpSessions = new WeakMap<Page, CDPSession>();

export async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(instrument);
  const cdp = await context.newCDPSession(page);
  // Durations in the main thread's CPU time: what other processes on the machine do does not count.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  cdpSessions.set(page, cdp);
  page.on('pageerror', (error) => console.error(`    page error: ${error.message}`));
  return page;
}

/** Starts V8's sampling profiler on the page (for one look at where a run's time goes, not a figure). */
export async function startProfile(page: Page): Promise<void> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error('not a page of openPage()');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/** Writes a heap snapshot of the page (open it in DevTools' Memory panel, or scripts/heap-summary.mjs). */
export async function saveHeapSnapshot(page: Page, path: string): Promise<void> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error('not a page of openPage()');
  const parts: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => parts.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  writeFileSync(path, parts.join(''));
}

/** Stops the profiler and writes the profile (open it in DevTools' Performance panel). */
export async function saveProfile(page: Page, path: string): Promise<void> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error('not a page of openPage()');
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(path, JSON.stringify(profile));
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/**
 * Follow mode: the reader wants the newest output, and presses "jump to latest" whenever the list
 * stopped following the end by itself. Returns, when turned off, how often that was needed.
 */
export async function setFollow(page: Page, on: boolean): Promise<number> {
  return page.evaluate((on) => {
    const bench = (window as unknown as BenchWindow).__bench;
    const jumps = bench.jumps;
    bench.follow = on;
    bench.jumps = 0;
    return jumps;
  }, on);
}

/** CPU time (ms) the page's main thread spent, in total and by kind, since it opened. */
export interface Cpu {
  task: number;
  script: number;
  layout: number;
  style: number;
}

export async function cpu(page: Page): Promise<Cpu> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error('not a page of openPage()');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration') };
}

/** Slows the page's CPU by `rate` (1 = none), as DevTools does to imitate a phone. */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = cdpSessions.get(page);
  if (!cdp) throw new Error('not a page of openPage()');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

export const cpuSince = (a: Cpu, b: Cpu): Cpu => ({
  task: b.task - a.task,
  script: b.script - a.script,
  layout: b.layout - a.layout,
  style: b.style - a.style,
});

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/** The JS heap in MB after two full collections (the collections are kept out of the pause figures). */
export async function heapMB(page: Page): Promise<number> {
  const bytes = await page.evaluate(async () => {
    const w = window as unknown as BenchWindow;
    const start = performance.now();
    const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
    w.gc?.();
    await settle();
    w.gc?.();
    await settle();
    const used = (performance as MemoryPerformance).memory?.usedJSHeapSize ?? NaN;
    // Leave one more frame inside the span: the collection's pause may end a frame late.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    w.__bench.gcSpans.push({ start, end: performance.now() });
    return used;
  });
  return bytes / (1024 * 1024);
}

export interface WindowStats {
  longTasks: number;
  longTaskMs: number;
  longestTaskMs: number;
  frames: number;
  frameP50: number;
  frameP95: number;
  frameP99: number;
  frameMax: number;
  /** Frames that took longer than 50 ms (missed at least two vsyncs). */
  framesOver50: number;
}

/** Long tasks and frame times between two page times, without the harness's forced collections. */
export async function windowStats(page: Page, from: number, to: number): Promise<WindowStats> {
  const { longTasks, frames, gcSpans } = await page.evaluate(() => {
    const { longTasks, frames, gcSpans } = (window as unknown as BenchWindow).__bench;
    return { longTasks, frames, gcSpans };
  });
  const overlapsGc = (start: number, end: number) => gcSpans.some((span) => start < span.end && end > span.start);
  const tasks = longTasks.filter((t) => t.start >= from && t.start < to && !overlapsGc(t.start, t.start + t.duration));
  const deltas: number[] = [];
  for (let i = 1; i < frames.length; i += 1) {
    const a = frames[i - 1] as number;
    const b = frames[i] as number;
    if (a >= from && b <= to && !overlapsGc(a, b)) deltas.push(b - a);
  }
  return {
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    frames: deltas.length,
    frameP50: percentile(deltas, 50),
    frameP95: percentile(deltas, 95),
    frameP99: percentile(deltas, 99),
    frameMax: deltas.length ? Math.max(...deltas) : NaN,
    framesOver50: deltas.filter((d) => d > 50).length,
  };
}

/** Figures of several windows (runs, or minutes of one run): each field as median [min–max]. */
export function summarise(windows: readonly WindowStats[]): Record<keyof WindowStats, Figure> {
  const keys = Object.keys(windows[0] ?? {}) as Array<keyof WindowStats>;
  return Object.fromEntries(keys.map((key) => [key, figure(windows.map((w) => w[key]))])) as Record<keyof WindowStats, Figure>;
}

export type PaintSpec =
  /** The conversation shows the item `itemId`, inside the visible part of the log, ending with `probe`. */
  | { kind: 'item'; itemId: string; probe: string; resource: string | null }
  /** The chat of `sessionId` replaced the previous one and shows at least one row. */
  | { kind: 'session'; sessionId: string | null; resource: string | null };

/**
 * Arms a watcher in the page: it notes the next click (its event time: when the input happened, so a
 * busy main thread counts against Lookout) and checks on every animation frame whether `spec` holds;
 * when it does, the moment after that frame (a message posted from the frame callback runs after the
 * frame was produced) is the paint time. `responseEnd` is when the REST answer named `resource` arrived.
 */
export async function armPaintWatch(page: Page, spec: PaintSpec, timeoutMs = 60_000): Promise<void> {
  await page.evaluate(
    ({ spec, timeoutMs }) => {
      const alnum = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
      const armedAt = performance.now();
      const previousLog = document.querySelector('[role="log"]');
      let clickAt: number | null = null;
      let target: string | null = spec.kind === 'session' ? spec.sessionId : null;
      let missed = false;
      const onClick = (event: MouseEvent) => {
        if (clickAt !== null) return;
        clickAt = event.timeStamp;
        if (spec.kind !== 'session') return;
        const row = (event.target as Element | null)?.closest?.('[data-roving-id]')?.getAttribute('data-roving-id') ?? null;
        target = row;
        missed = row === null || decodeURIComponent(location.pathname).endsWith(`/chat/${row}`);
      };
      document.addEventListener('click', onClick, { capture: true });
      const holds = (): boolean => {
        const log = document.querySelector('[role="log"]');
        if (!log) return false;
        if (spec.kind === 'session') {
          if (log === previousLog || !target) return false;
          if (!decodeURIComponent(location.pathname).endsWith(`/chat/${target}`)) return false;
          return log.querySelector('[data-item-id]') !== null;
        }
        const item = log.querySelector(`[data-item-id="${CSS.escape(spec.itemId)}"]`);
        if (!item) return false;
        const box = log.getBoundingClientRect();
        const rect = item.getBoundingClientRect();
        if (rect.bottom <= box.top || rect.top >= box.bottom) return false;
        return alnum(item.textContent ?? '').includes(spec.probe);
      };
      const responseEnd = (): number | null => {
        if (!spec.resource) return null;
        const since = clickAt ?? armedAt;
        const entries = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.split('?')[0]?.endsWith(spec.resource as string) && e.startTime >= since - 1) as PerformanceResourceTiming[];
        return entries[0]?.responseEnd ?? null;
      };
      (window as unknown as BenchWindow).__bench.pending = new Promise<Painted>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `paint watch timed out: ${JSON.stringify({ spec, clickAt, target, path: location.pathname, armedAt, now: performance.now(), sameLog: document.querySelector('[role="log"]') === previousLog, rows: document.querySelectorAll('[role="log"] [data-item-id]').length, text: document.querySelector('section[aria-label="Chat"]')?.textContent?.slice(0, 200) })}`,
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          if (missed) {
            clearTimeout(timer);
            document.removeEventListener('click', onClick, { capture: true });
            resolve({ clickAt, responseEnd: null, paintedAt: NaN, target, missed });
            return;
          }
          if (!holds()) {
            requestAnimationFrame(check);
            return;
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            clearTimeout(timer);
            document.removeEventListener('click', onClick, { capture: true });
            resolve({ clickAt, responseEnd: responseEnd(), paintedAt: performance.now(), target, missed });
          };
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(check);
      });
    },
    { spec, timeoutMs },
  );
}

export async function paintWatched(page: Page): Promise<Painted> {
  return page.evaluate(async () => {
    const bench = (window as unknown as BenchWindow).__bench;
    const pending = bench.pending;
    if (!pending) throw new Error('no paint watch armed');
    const result = await pending;
    bench.pending = null;
    return result;
  });
}

/** A real (trusted) mouse click in the middle of the element, as a person would give it. */
export async function clickElement(page: Page, selector: string): Promise<void> {
  const box = await page.evaluate((selector) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    el.scrollIntoView({ block: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!box) throw new Error(`nothing matches ${selector}`);
  await page.mouse.click(box.x, box.y);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
