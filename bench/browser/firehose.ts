/*
 * The firehose: the firehose scenario's 50 agents streaming at once, their frames sent by node over the
 * project socket at 1,000 frames per second in total, with one session open. Meanwhile a reader opens
 * another session every `clickEveryMs` (a real mouse click on its sidebar row) and the heap is read
 * (after forced collections) every minute. Figures per window of the run: long tasks, frame times;
 * per click: the delay from the click to the first paint of that session's conversation.
 *
 * REST comes from a simulator in node that stays at the start time and receives each frame's rows as
 * the frame is sent, so a chat opened during the run gets, over REST, exactly what the socket had sent.
 */
import type { Browser } from '@playwright/test';
import { loadavg } from 'node:os';
import {
  armPaintWatch,
  clickElement,
  closePage,
  cpu,
  cpuSince,
  heapMB,
  saveHeapSnapshot,
  openPage,
  pageNow,
  paintWatched,
  sleep,
  windowStats,
  type Cpu,
  type WindowStats,
} from './browser';
import { pace, projectSocket } from './chat';
import { createSimulator, firehoseFrames, onlyProject, rowsOf, simulatorApi } from './data';
import type { BenchServer } from './server';

export interface FirehoseOptions {
  durationMs: number;
  framesPerSecond: number;
  clickEveryMs: number;
  /** Heap readings, in ms after the firehose started. */
  heapAtMs: number[];
  windowMs: number;
  log: (line: string) => void;
}

export interface FirehoseClick {
  atMs: number;
  target: string | null;
  clickToPaintMs: number;
  responseToPaintMs: number;
  /** The session had been opened before in this run (its cache may still be held). */
  revisit: boolean;
}

export interface FirehoseResult {
  sessions: number;
  framesSent: number;
  simulatedMs: number;
  durationMs: number;
  windowMs: number;
  windows: WindowStats[];
  /** Main-thread CPU time spent in each window (ms). */
  windowCpu: Cpu[];
  /** The machine's 1-minute load average at the end of each window (other processes included). */
  windowLoad: number[];
  whole: WindowStats;
  clicks: FirehoseClick[];
  /** Clicks that hit no other session's row: the sidebar re-sorted between aiming and clicking. */
  misses: number;
  heapStartMB: number;
  heap: Array<{ atMs: number; mb: number }>;
}

export async function firehoseBenchmark(browser: Browser, server: BenchServer, options: FirehoseOptions): Promise<FirehoseResult> {
  const now = Date.now();
  const seed = 1;
  const sim = createSimulator({ scenario: 'firehose', seed, now });
  const projectId = onlyProject(sim);
  const sessions = sim.world.sessions.list(projectId);
  const total = Math.ceil((options.framesPerSecond * options.durationMs) / 1000);
  const started = performance.now();
  const { frames, rows, simulatedMs } = firehoseFrames(seed, now, total);
  options.log(
    `  firehose: ${frames.length.toLocaleString('en-US')} frames of ${sessions.length} sessions prepared in ${((performance.now() - started) / 1000).toFixed(1)} s (${(simulatedMs / 1000).toFixed(0)} s of simulated agent time)`,
  );
  server.setApi(simulatorApi(sim));

  const page = await openPage(browser);
  try {
    const first = sessions[0];
    if (!first) throw new Error('firehose has no session');
    await page.goto(`${server.origin}/projects/${encodeURIComponent(projectId)}/chat/${encodeURIComponent(first.id)}`);
    await page.waitForSelector('[role="log"] [data-item-id]');
    await projectSocket(server);
    await sleep(2_000);
    const heapStartMB = await heapMB(page);

    let stop = false;
    const from = await pageNow(page);
    const sending = pace(
      frames,
      options.framesPerSecond,
      (frame, i) => {
        for (const socket of server.sockets) if (socket.kind === 'project') socket.send(frame);
        const written = rows[i];
        if (!written?.sessionId || written.rows.length === 0) return;
        rowsOf(sim, written.sessionId).push(...written.rows);
        const session = sim.world.sessions.get(written.sessionId);
        if (session) {
          sim.world.sessions.touch(session, written.rows.at(-1)?.createdAt ?? 0);
          session.messageCount += written.rows.length;
        }
      },
      () => {
        for (const socket of server.sockets) if (socket.kind === 'project') socket.flush();
      },
      { tickMs: 5, stopped: () => stop },
    );

    const visited = new Set<string>([first.id]);
    let misses = 0;
    const clicks: FirehoseClick[] = [];
    const heap: FirehoseResult['heap'] = [];
    const heapAt = [...options.heapAtMs].sort((a, b) => a - b);
    let nextClick = options.clickEveryMs / 2;
    const t0 = performance.now();
    const elapsed = () => performance.now() - t0;
    // CPU marks net of the harness's own forced collections (heap readings).
    let harnessCpu: Cpu = { task: 0, script: 0, layout: 0, style: 0 };
    const netCpu = async () => cpuSince(harnessCpu, await cpu(page));
    const cpuMarks: Cpu[] = [await netCpu()];
    const windowLoad: number[] = [];
    // Until the duration is over and every reading due by then was taken (the last ones fall on the end).
    const pendingAtEnd = () => (heapAt[0] !== undefined && heapAt[0] <= options.durationMs) || cpuMarks.length * options.windowMs <= options.durationMs;
    while (elapsed() < options.durationMs || pendingAtEnd()) {
      if (elapsed() >= cpuMarks.length * options.windowMs && cpuMarks.length * options.windowMs <= options.durationMs) {
        cpuMarks.push(await netCpu());
        windowLoad.push(loadavg()[0] ?? NaN);
        continue;
      }
      const dueHeap = heapAt[0];
      if (dueHeap !== undefined && elapsed() >= dueHeap) {
        heapAt.shift();
        const before = await cpu(page);
        const mb = await heapMB(page);
        const spent = cpuSince(before, await cpu(page));
        harnessCpu = {
          task: harnessCpu.task + spent.task,
          script: harnessCpu.script + spent.script,
          layout: harnessCpu.layout + spent.layout,
          style: harnessCpu.style + spent.style,
        };
        heap.push({ atMs: Math.round(elapsed()), mb });
        if (process.env.LOOKOUT_BENCH_DEBUG) {
          const seen = await page.evaluate(() => {
            const root = document.getElementById('root') as unknown as Record<string, unknown>;
            const key = Object.keys(root).find((k) => k.startsWith('__reactContainer'));
            type HeldQuery = { queryHash: string; gcTime: number; observers: unknown[]; state: { fetchStatus: string } };
            type Client = { getQueryCache(): { getAll(): HeldQuery[] } };
            type Fiber = { child: unknown; sibling: unknown; memoizedProps?: { client?: Client } };
            // The query client, found through React's fibers: the page exposes no handle to it.
            const stack: unknown[] = [key ? root[key] : null];
            let client: Client | null = null;
            while (stack.length && !client) {
              const f = stack.pop() as Fiber | null;
              if (!f) continue;
              if (f.memoizedProps?.client && typeof f.memoizedProps.client.getQueryCache === 'function') client = f.memoizedProps.client;
              stack.push(f.sibling, f.child);
            }
            if (!client) return 'no client';
            return client
              .getQueryCache()
              .getAll()
              .filter((q) => q.queryHash.includes('"chat"'))
              .map((q) => `${q.queryHash.slice(-8)} gc=${q.gcTime} obs=${q.observers.length} ${q.state.fetchStatus}`)
              .join('; ');
          });
          options.log(`    chats held: ${seen}`);
        }
        // LOOKOUT_BENCH_HEAPSNAP=1: a heap snapshot at each reading, for a look at what the heap holds.
        if (process.env.LOOKOUT_BENCH_HEAPSNAP) await saveHeapSnapshot(page, `bench-results/firehose-heap-${Math.round(elapsed() / 1000)}s.heapsnapshot`);
        options.log(`    ${(elapsed() / 1000).toFixed(0)} s: heap ${mb.toFixed(1)} MB`);
        continue;
      }
      if (elapsed() >= nextClick && elapsed() < options.durationMs - 3_000) {
        nextClick += options.clickEveryMs;
        const candidate = sessions.find((s) => !visited.has(s.id)) ?? sessions[clicks.length % sessions.length];
        if (!candidate) continue;
        const atMs = Math.round(elapsed());
        await armPaintWatch(page, { kind: 'session', sessionId: candidate.id, resource: null }, 20_000);
        await clickElement(page, `[data-roving-id="${candidate.id}"]`);
        const painted = await paintWatched(page).catch((error: unknown) => {
          options.log(`    click at ${(atMs / 1000).toFixed(0)} s: ${String(error)}`);
          return null;
        });
        if (!painted) continue;
        if (painted.missed) {
          misses += 1;
          nextClick = elapsed() + 500;
          continue;
        }
        const target = painted.target;
        const resource = target ? `/api/projects/${projectId}/sessions/${target}` : null;
        const responseEnd = resource
          ? await page.evaluate(
              ({ resource, since }) =>
                (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
                  (e) => decodeURIComponent(e.name.split('?')[0] ?? '').endsWith(resource) && e.startTime >= since - 1,
                )?.responseEnd ?? null,
              { resource, since: painted.clickAt ?? 0 },
            )
          : null;
        const click: FirehoseClick = {
          atMs,
          target,
          clickToPaintMs: painted.paintedAt - (painted.clickAt ?? NaN),
          responseToPaintMs: responseEnd === null ? NaN : painted.paintedAt - responseEnd,
          revisit: target !== null && visited.has(target),
        };
        if (target) visited.add(target);
        clicks.push(click);
        options.log(`    ${(atMs / 1000).toFixed(0)} s: click -> first paint ${click.clickToPaintMs.toFixed(0)} ms${click.revisit ? ' (revisit)' : ''}`);
        continue;
      }
      await sleep(100);
    }
    stop = true;
    const framesSent = await sending;
    const to = from + options.durationMs;
    const windows: WindowStats[] = [];
    for (let start = from; start + options.windowMs <= to + 1; start += options.windowMs)
      windows.push(await windowStats(page, start, start + options.windowMs));
    const whole = await windowStats(page, from, to);
    return {
      sessions: sessions.length,
      framesSent,
      simulatedMs,
      durationMs: options.durationMs,
      windowMs: options.windowMs,
      windows,
      windowCpu: cpuMarks.slice(1).map((mark, i) => cpuSince(cpuMarks[i] as Cpu, mark)),
      windowLoad,
      whole,
      clicks,
      misses,
      heapStartMB,
      heap,
    };
  } finally {
    await closePage(page);
  }
}
