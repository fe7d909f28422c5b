/*
 * The chat benchmarks (the chat issue, and SAM's own dashboard measured on the same data):
 * - open the long-chat scenario's 30,000-message session from the sidebar: click -> last message painted,
 *   REST answer arrived -> last message painted, long tasks, heap;
 *   once as Lookout asks for it (SAM's default page: the newest 500, older ones on scroll) and once with
 *   all 30,000 rows in the one answer (what SAM's dashboard loads; every row held and folded);
 * - stream agent chunks at 100 per second (message.new frames from node over the project socket) into
 *   sessions of 30,000 (all held), 3,000 (SAM's figure: 500 chunks) and 300 messages: long tasks, frame
 *   times, and how long after the last chunk was sent it was on screen.
 */
import type { Browser, Page } from '@playwright/test';
import { loadavg } from 'node:os';
import type { MessageRec } from '../../mocks/world/types';
import {
  armPaintWatch,
  clickElement,
  closePage,
  cpu,
  cpuSince,
  heapMB,
  throttleCpu,
  openPage,
  pageNow,
  paintWatched,
  saveProfile,
  startProfile,
  setFollow,
  sleep,
  windowStats,
  type Cpu,
  type WindowStats,
} from './browser';
import { agentFrames, answerFrames, createSimulator, lastItemProbe, onlyProject, rowsOf, simulatorApi, truncateSession, type Simulator } from './data';
import type { BenchServer, StreamSocket } from './server';

export interface ChatCase {
  name: string;
  /** Messages in the session. */
  messages: number;
  /** Ask SAM for every row at once (limit=50000) instead of Lookout's own request. */
  all: boolean;
  /** Chunks streamed after the open (0: none). */
  chunks: number;
  /** Open the chat by a cold navigation to its address (a fresh tab) instead of a click in the loaded app. */
  cold?: boolean;
  /**
   * What is streamed: 'mixed', an agent at work (thinking, tool calls, plans and answers of about 40
   * chunks); 'answer', one answer of assistant chunks only that grows to the end (the shape SAM streams).
   */
  shape?: 'mixed' | 'answer';
  /** Chromium's CPU throttling while streaming (4: a phone, as in DevTools); 1 or absent: none. */
  cpuThrottle?: number;
  /** Also measure main-thread CPU per chunk over the first and the last this many chunks. */
  costWindow?: number;
}

export const CHAT_CASES: readonly ChatCase[] = [
  { name: 'open 30,000 (Lookout: newest page)', messages: 30_000, all: false, chunks: 0 },
  { name: 'open 30,000 (all rows in one answer) + 1,000 chunks', messages: 30_000, all: true, chunks: 1_000 },
  { name: '3,000 messages + 500 chunks', messages: 3_000, all: true, chunks: 500 },
  { name: '300 messages + 1,000 chunks', messages: 300, all: true, chunks: 1_000 },
  { name: 'one answer: 500 chunks into 3,000, 1x CPU', messages: 3_000, all: true, chunks: 500, shape: 'answer' },
  { name: 'one answer: 500 chunks into 30,000, 1x CPU', messages: 30_000, all: true, chunks: 500, shape: 'answer' },
  { name: 'one answer: 500 chunks into 3,000, 4x CPU throttle', messages: 3_000, all: true, chunks: 500, shape: 'answer', cpuThrottle: 4 },
  { name: 'one answer: 500 chunks into 30,000, 4x CPU throttle', messages: 30_000, all: true, chunks: 500, shape: 'answer', cpuThrottle: 4 },
  { name: 'one answer: 6,000 chunks (60 s) into 3,000, 1x CPU', messages: 3_000, all: true, chunks: 6_000, shape: 'answer', costWindow: 500 },
  { name: 'cold navigation to the 30,000 chat (Lookout: newest page)', messages: 30_000, all: false, chunks: 0, cold: true },
];

export const CHUNKS_PER_SECOND = 100;

export interface ChatRun {
  clickToPaintMs: number;
  responseToPaintMs: number;
  open: WindowStats;
  heapBeforeMB: number;
  heapAfterOpenMB: number;
  /** Main-thread CPU time from the click until 2 s after the paint. */
  openCpu: Cpu;
  stream: WindowStats | null;
  /** Main-thread CPU time per chunk while streaming (ms). */
  streamCpuPerChunk: Cpu | null;
  /** Main-thread CPU per chunk (ms) over the first and the last `costWindow` chunks, when asked for. */
  chunkCost: { start: number; end: number } | null;
  /** From the moment the last chunk was sent until it was painted. */
  lastChunkPaintMs: number | null;
  heapAfterStreamMB: number | null;
  /** How often the list stopped following the stream by itself (the harness then jumped to latest). */
  followBreaks: number | null;
  /** The machine's 1-minute load average at the end of the run. */
  load: number;
  /** After the stream, the list was away from the end and showed no "jump to latest": the harness scrolled. */
  stranded: boolean;
}

interface Prepared {
  sim: Simulator;
  projectId: string;
  sessionId: string;
  rows: MessageRec[];
}

function prepare(chatCase: ChatCase, now: number): Prepared {
  const sim = createSimulator({ scenario: 'long-chat', seed: 1, now });
  const projectId = onlyProject(sim);
  const session = sim.world.sessions.list(projectId)[0];
  if (!session) throw new Error('long-chat has no session');
  if (chatCase.messages < rowsOf(sim, session.id).length) truncateSession(sim, session.id, chatCase.messages);
  return { sim, projectId, sessionId: session.id, rows: rowsOf(sim, session.id) };
}

export async function projectSocket(server: BenchServer, timeoutMs = 15_000): Promise<StreamSocket> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const socket = [...server.sockets].find((s) => s.kind === 'project' && !s.closed);
    if (socket) return socket;
    if (Date.now() > until) throw new Error('the page never opened its project socket');
    await sleep(50);
  }
}

/** Sends `frames` at `perSecond`, on time on average (a late timer sends what fell due meanwhile). */
export async function pace(
  frames: readonly string[],
  perSecond: number,
  send: (frame: string, index: number) => void,
  flush: () => void,
  options: { tickMs?: number; stopped?: () => boolean } = {},
): Promise<number> {
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(frames.length, Math.floor(((performance.now() - start) * perSecond) / 1000) + 1);
      for (; sent < due; sent += 1) send(frames[sent] as string, sent);
      flush();
      if (sent >= frames.length || options.stopped?.()) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, options.tickMs ?? Math.max(1, Math.floor(1000 / perSecond / 2)));
    tick();
  });
  return sent;
}

async function runOnce(browser: Browser, server: BenchServer, chatCase: ChatCase, data: Prepared, seed: number): Promise<ChatRun> {
  const { sim, projectId, sessionId, rows } = data;
  const detailPath = `/api/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}`;
  server.setApi(
    simulatorApi(sim, (path) => {
      // "All rows": the detail request without paging parameters gets SAM's ceiling instead of 500.
      if (!chatCase.all || path !== detailPath) return path;
      return `${path}?limit=50000`;
    }),
  );
  const page: Page = await openPage(browser);
  try {
    const shown = chatCase.all ? rows : rows.slice(-500);
    const last = lastItemProbe(shown);
    let heapBeforeMB = NaN;
    let cpuBeforeOpen: Cpu;
    let painted: Awaited<ReturnType<typeof paintWatched>>;
    let clickAt: number;
    if (chatCase.cold) {
      // A cold navigation: a fresh tab opens the chat's address; times are from the navigation's start.
      await page.goto(`${server.origin}/projects/${encodeURIComponent(projectId)}/chat/${encodeURIComponent(sessionId)}`, { waitUntil: 'commit' });
      cpuBeforeOpen = await cpu(page);
      await armPaintWatch(page, { kind: 'item', itemId: last.id, probe: last.probe, resource: null });
      painted = await paintWatched(page);
      clickAt = 0;
    } else {
      await page.goto(`${server.origin}/projects/${encodeURIComponent(projectId)}/chat`);
      const row = `[data-roving-id="${sessionId}"]`;
      await page.waitForSelector(row);
      await projectSocket(server);
      await sleep(1_500);
      heapBeforeMB = await heapMB(page);
      await armPaintWatch(page, { kind: 'item', itemId: last.id, probe: last.probe, resource: detailPath });
      cpuBeforeOpen = await cpu(page);
      await clickElement(page, row);
      painted = await paintWatched(page);
      clickAt = painted.clickAt ?? NaN;
    }
    await sleep(2_000);
    const openCpu = cpuSince(cpuBeforeOpen, await cpu(page));
    const open = await windowStats(page, clickAt, painted.paintedAt + 2_000);
    const heapAfterOpenMB = await heapMB(page);

    let stream: WindowStats | null = null;
    let lastChunkPaintMs: number | null = null;
    let heapAfterStreamMB: number | null = null;
    let followBreaks: number | null = null;
    let streamCpuPerChunk: Cpu | null = null;
    let chunkCost: ChatRun['chunkCost'] = null;
    let stranded = false;
    if (chatCase.chunks > 0) {
      const frames: string[] = [];
      const answer = chatCase.shape === 'answer';
      const source = answer ? answerFrames(sessionId, rows.at(-1), seed) : agentFrames(sessionId, rows.at(-1), seed);
      // The answer shape starts with the user's row, which is not one of the chunks.
      for (let i = 0; i < chatCase.chunks + (answer ? 1 : 0); i += 1) frames.push(source.next().value as string);
      const streamed: MessageRec[] = frames.map((f) => {
        const { messageId, ...rest } = (JSON.parse(f) as { payload: MessageRec & { messageId: string } }).payload;
        return { ...rest, id: messageId };
      });
      const final = lastItemProbe([...shown, ...streamed]);
      const socket = await projectSocket(server);
      // The agent starts a turn first: the composer turns to "working" (its height changes) before the
      // chunks come, as when a user opens a session that is already at work. (Both at once can make the
      // list stop following the end: see BENCHMARKS.md, "left".)
      const promptAt = (rows.at(-1)?.createdAt ?? Date.now()) + 1;
      socket.send(JSON.stringify({ type: 'session.activity', payload: { sessionId, activity: 'prompting', promptStartedAt: promptAt } }));
      socket.flush();
      await sleep(1_000);
      await setFollow(page, true);
      const throttle = chatCase.cpuThrottle ?? 1;
      if (throttle !== 1) await throttleCpu(page, throttle);
      const from = await pageNow(page);
      const cpuBeforeStream = await cpu(page);
      const costWindow = chatCase.costWindow ?? 0;
      const marks = new Map<number, Promise<Cpu>>();
      // LOOKOUT_BENCH_PROFILE=1: a V8 profile of the stream, for a look at where its time goes.
      // Named by build (a compare sets LOOKOUT_BENCH_BUILD) and stream shape, so that runs do not overwrite each other.
      const profilePath = process.env.LOOKOUT_BENCH_PROFILE
        ? `bench-results/stream-${process.env.LOOKOUT_BENCH_BUILD ?? 'build'}-${chatCase.messages}-${chatCase.shape ?? 'mixed'}-${throttle}x-${seed}.cpuprofile`
        : null;
      if (profilePath) await startProfile(page);
      await pace(
        frames,
        CHUNKS_PER_SECOND,
        (frame, index) => {
          socket.send(frame);
          if (costWindow > 0 && (index === costWindow || index === frames.length - costWindow)) marks.set(index, cpu(page));
        },
        () => socket.flush(),
      );
      const cpuAtLastSend = costWindow > 0 ? await cpu(page) : null;
      if (profilePath) await saveProfile(page, profilePath);
      const sentAt = await pageNow(page);
      await armPaintWatch(page, { kind: 'item', itemId: final.id, probe: final.probe, resource: null }, 10_000);
      let caughtUp = await paintWatched(page).catch(() => null);
      if (!caughtUp) {
        // Stranded: the list neither follows nor offers "jump to latest". Scroll to the end as a reader would.
        stranded = true;
        await armPaintWatch(page, { kind: 'item', itemId: final.id, probe: final.probe, resource: null }, 20_000);
        await page.evaluate(() => {
          const log = document.querySelector('[role="log"]');
          if (log) log.scrollTop = log.scrollHeight;
        });
      }
      caughtUp ??= await paintWatched(page).catch(async (error: unknown) => {
        const tail = await page.evaluate(() => {
          const log = document.querySelector('[role="log"]');
          const rows = [...document.querySelectorAll('[role="log"] [data-item-id]')]
            .slice(-3)
            .map((el) => `${el.getAttribute('data-index')} ${el.getAttribute('data-item-id')}: …${(el.textContent ?? '').slice(-80)}`);
          return [
            `scroll ${log?.scrollTop}/${log?.scrollHeight} client ${log?.clientHeight}; jump button: ${/jump to latest/i.test(document.body.textContent ?? '')}`,
            ...rows,
          ];
        });
        await page.screenshot({ path: 'node_modules/.cache/lookout-bench/failure.png' });
        throw new Error(`${String(error)}\n    the log ends with:\n    ${tail.join('\n    ')}`);
      });
      lastChunkPaintMs = stranded ? NaN : caughtUp.paintedAt - sentAt;
      if (throttle !== 1) await throttleCpu(page, 1);
      const startMark = await marks.get(costWindow);
      const endMark = await marks.get(frames.length - costWindow);
      if (cpuAtLastSend && startMark && endMark) {
        chunkCost = { start: (startMark.task - cpuBeforeStream.task) / costWindow, end: (cpuAtLastSend.task - endMark.task) / costWindow };
      }
      followBreaks = await setFollow(page, false);
      const used = cpuSince(cpuBeforeStream, await cpu(page));
      streamCpuPerChunk = {
        task: used.task / frames.length,
        script: used.script / frames.length,
        layout: used.layout / frames.length,
        style: used.style / frames.length,
      };
      await sleep(1_000);
      stream = await windowStats(page, from, (stranded ? sentAt : caughtUp.paintedAt) + 1_000);
      heapAfterStreamMB = await heapMB(page);
    }
    return {
      clickToPaintMs: painted.paintedAt - clickAt,
      responseToPaintMs: painted.responseEnd === null ? NaN : painted.paintedAt - painted.responseEnd,
      open,
      heapBeforeMB,
      heapAfterOpenMB,
      openCpu,
      stream,
      streamCpuPerChunk,
      chunkCost,
      load: loadavg()[0] ?? NaN,
      lastChunkPaintMs,
      heapAfterStreamMB,
      followBreaks,
      stranded,
    };
  } finally {
    await closePage(page);
  }
}

export interface ChatResults {
  cases: Array<{ chatCase: ChatCase; runs: ChatRun[] }>;
  /** Runs that failed and are left out of the figures. */
  failures: number;
}

/** Every case `runs` times, interleaved (case 1, 2, 3, 4, then again), so all see the same machine. */
export async function chatBenchmarks(
  browser: Browser,
  server: BenchServer,
  options: { runs: number; cases?: readonly ChatCase[]; log: (line: string) => void },
): Promise<ChatResults> {
  const cases = options.cases ?? CHAT_CASES;
  const now = Date.now();
  const prepared = cases.map((c) => prepare(c, now));
  const results: ChatResults = { cases: cases.map((chatCase) => ({ chatCase, runs: [] })), failures: 0 };
  for (let run = 0; run < options.runs; run += 1) {
    for (const [i, chatCase] of cases.entries()) {
      let result: ChatRun;
      try {
        result = await runOnce(browser, server, chatCase, prepared[i] as Prepared, 100 + run);
      } catch (error) {
        // One failed run (a timeout on an overloaded machine) must not lose the others: it is left out.
        options.log(`  chat ${run + 1}/${options.runs} ${chatCase.name}: FAILED, left out: ${String(error).split('\n')[0]}`);
        results.failures += 1;
        continue;
      }
      results.cases[i]?.runs.push(result);
      const stream = result.stream
        ? `; stream${chatCase.cpuThrottle ? ` (${chatCase.cpuThrottle}x throttle)` : ''}: ${result.stream.longTasks} long tasks (${result.stream.longTaskMs.toFixed(0)} ms), frames p50 ${result.stream.frameP50.toFixed(1)} / p99 ${result.stream.frameP99.toFixed(1)} ms, last chunk on screen after ${result.lastChunkPaintMs?.toFixed(0)} ms, follow breaks ${result.followBreaks}${result.stranded ? ' (stranded at the end)' : ''}, main thread ${result.streamCpuPerChunk?.task.toFixed(2)} ms CPU per chunk${result.chunkCost ? ` (first ${chatCase.costWindow}: ${result.chunkCost.start.toFixed(2)} ms, last ${chatCase.costWindow}: ${result.chunkCost.end.toFixed(2)} ms, ratio ${(result.chunkCost.end / result.chunkCost.start).toFixed(2)})` : ''}`
        : '';
      options.log(
        `  chat ${run + 1}/${options.runs} ${chatCase.name}: click->paint ${result.clickToPaintMs.toFixed(0)} ms (answer->paint ${result.responseToPaintMs.toFixed(0)} ms), ` +
          `${result.open.longTasks} long tasks (longest ${result.open.longestTaskMs.toFixed(0)} ms), ${result.openCpu.task.toFixed(0)} ms CPU, heap ${result.heapAfterOpenMB.toFixed(1)} MB${stream}`,
      );
    }
  }
  return results;
}
