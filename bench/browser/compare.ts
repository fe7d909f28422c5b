/*
 * Before/after on a shared, noisy machine: two builds measured in alternation (A, B, A, B, ...), so
 * that whatever else runs on the machine weighs on both alike. Used for the "Fixes" section.
 *   node scripts/bench.mjs --compare bench-results/ab/before,bench-results/ab/after --only chat,firehose --rounds 3
 */
import { launch, summarise, type WindowStats } from './browser';
import { CHAT_CASES, chatBenchmarks, type ChatCase, type ChatRun } from './chat';
import { firehoseBenchmark, type FirehoseResult } from './firehose';
import { reopenBenchmark, type ReopenRun } from './reopen';
import { startServer } from './server';
import { figure, show } from './stats';

export interface CompareOptions {
  roots: string[];
  rounds: number;
  only: ReadonlySet<string> | null;
  /** Chat cases by index in CHAT_CASES (default: all). */
  cases: number[] | null;
  firehoseMs: number;
  log: (line: string) => void;
}

export interface CompareResults {
  roots: string[];
  chat: Array<{ chatCase: ChatCase; runs: ChatRun[][] }>;
  firehose: FirehoseResult[][];
  reopen: ReopenRun[][];
}

export async function runCompare(options: CompareOptions): Promise<CompareResults> {
  const wanted = (name: string) => !options.only || options.only.has(name);
  const cases = options.cases ? options.cases.map((i) => CHAT_CASES[i]).filter((c): c is ChatCase => c !== undefined) : [...CHAT_CASES];
  const results: CompareResults = {
    roots: options.roots,
    chat: cases.map((chatCase) => ({ chatCase, runs: options.roots.map(() => []) })),
    firehose: options.roots.map(() => []),
    reopen: options.roots.map(() => []),
  };
  const browser = await launch();
  try {
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [r, root] of options.roots.entries()) {
        options.log(`\nround ${round + 1}/${options.rounds}: ${root}`);
        const server = await startServer(root);
        try {
          process.env.LOOKOUT_BENCH_BUILD = root.split('/').pop();
          if (wanted('chat')) {
            const chat = await chatBenchmarks(browser, server, { runs: 1, cases, log: options.log });
            chat.cases.forEach((c, i) => results.chat[i]?.runs[r]?.push(...c.runs));
          }
          if (wanted('reopen')) {
            results.reopen[r]?.push(...(await reopenBenchmark(browser, server, { runs: 1, log: options.log })));
          }
          if (wanted('firehose')) {
            try {
              const firehose = await firehoseBenchmark(browser, server, {
                durationMs: options.firehoseMs,
                framesPerSecond: 1_000,
                clickEveryMs: 10_000,
                heapAtMs: [options.firehoseMs / 2, options.firehoseMs],
                windowMs: 20_000,
                log: options.log,
              });
              results.firehose[r]?.push(firehose);
            } catch (error) {
              options.log(`  firehose FAILED, left out: ${String(error).split('\n')[0]}`);
            }
          }
        } finally {
          await server.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** A markdown table per benchmark: one column per build. */
export function renderCompare(c: CompareResults): string {
  const head = ['Figure', ...c.roots.map((root) => `\`${root.split('/').pop()}\``)];
  const row = (name: string, cells: string[]) => `| ${name} | ${cells.join(' | ')} |`;
  const lines = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const { chatCase, runs } of c.chat) {
    if (runs.every((r) => r.length === 0)) continue;
    lines.push(
      row(
        `**${chatCase.name}**: click -> painted`,
        runs.map((r) => show(figure(r.map((x) => x.clickToPaintMs)), 'ms')),
      ),
    );
    lines.push(
      row(
        '  longest task while opening',
        runs.map((r) => show(figure(r.map((x) => x.open.longestTaskMs)), 'ms')),
      ),
    );
    lines.push(
      row(
        '  main-thread CPU to open (+2 s)',
        runs.map((r) => show(figure(r.map((x) => x.openCpu.task)), 'ms')),
      ),
    );
    if (chatCase.chunks > 0) {
      const streams = runs.map((r) => summarise(r.map((x) => x.stream).filter((s): s is WindowStats => s !== null)));
      lines.push(
        row(
          '  stream: long tasks',
          streams.map((s) => `${show(s.longTasks)}; ${show(s.longTaskMs, 'ms')}`),
        ),
      );
      lines.push(
        row(
          '  stream: frame p50 / p99',
          streams.map((s) => `${show(s.frameP50, 'ms', 1)} / ${show(s.frameP99, 'ms', 1)}`),
        ),
      );
      lines.push(
        row(
          '  stream: main-thread CPU per chunk (all; script; layout+style)',
          runs.map(
            (r) =>
              `${show(figure(r.map((x) => x.streamCpuPerChunk?.task ?? NaN)), 'ms', 2)}; ${show(figure(r.map((x) => x.streamCpuPerChunk?.script ?? NaN)), 'ms', 2)}; ${show(figure(r.map((x) => (x.streamCpuPerChunk ? x.streamCpuPerChunk.layout + x.streamCpuPerChunk.style : NaN))), 'ms', 2)}`,
          ),
        ),
      );
      lines.push(
        row(
          '  stream: list stopped following',
          runs.map((r) => show(figure(r.map((x) => x.followBreaks ?? NaN)))),
        ),
      );
      lines.push(
        row(
          '  stream: longest task',
          streams.map((s) => show(s.longestTaskMs, 'ms')),
        ),
      );
      lines.push(
        row(
          '  stream: last chunk on screen after it was sent',
          runs.map((r) => show(figure(r.map((x) => x.lastChunkPaintMs ?? NaN)), 'ms')),
        ),
      );
      if (chatCase.costWindow) {
        const cost = (pick: (c: { start: number; end: number }) => number, digits: number) =>
          runs.map((r) => show(figure(r.map((x) => (x.chunkCost ? pick(x.chunkCost) : NaN))), '', digits));
        const starts = cost((c) => c.start, 2);
        const ends = cost((c) => c.end, 2);
        const ratios = cost((c) => c.end / c.start, 2);
        lines.push(
          row(
            `  stream: CPU per chunk, first / last ${chatCase.costWindow} chunks (ms); ratio last / first`,
            starts.map((s, i) => `${s} / ${ends[i]}; ${ratios[i]}`),
          ),
        );
      }
    }
  }
  if (c.reopen.some((r) => r.length > 0)) {
    lines.push(
      row(
        '**reopen** the 30,000 chat, SAM held: navigation start -> last message painted',
        c.reopen.map((r) => show(figure(r.map((x) => x.reopenToLastMessageMs)), 'ms')),
      ),
    );
    lines.push(
      row(
        '  first visit (nothing kept, SAM answering)',
        c.reopen.map((r) => show(figure(r.map((x) => x.firstVisitToLastMessageMs)), 'ms')),
      ),
    );
    lines.push(
      row(
        '  main thread: long tasks; their time (reopen)',
        c.reopen.map((r) => `${show(figure(r.map((x) => x.breakdown.longTasks ?? NaN)))}; ${show(figure(r.map((x) => x.breakdown.longTaskMs ?? NaN)), 'ms')}`),
      ),
    );
  }
  if (c.firehose.some((r) => r.length > 0)) {
    const windows = c.firehose.map((runs) => summarise(runs.flatMap((run) => run.windows)));
    lines.push(
      row(
        '**firehose** (20 s windows): long tasks',
        windows.map((w) => `${show(w.longTasks)}; ${show(w.longTaskMs, 'ms')}`),
      ),
    );
    lines.push(
      row(
        '  longest task',
        windows.map((w) => show(w.longestTaskMs, 'ms')),
      ),
    );
    const busy = (pick: (c: FirehoseResult['windowCpu'][number]) => number) =>
      c.firehose.map((runs) => show(figure(runs.flatMap((run) => run.windowCpu.map((x) => (100 * pick(x)) / run.windowMs))), '%', 0));
    lines.push(
      row(
        '  main thread busy (CPU % of wall time)',
        busy((x) => x.task),
      ),
    );
    lines.push(
      row(
        '  main-thread CPU per frame produced',
        c.firehose.map((runs) => show(figure(runs.flatMap((run) => run.windowCpu.map((x, i) => x.task / (run.windows[i]?.frames ?? NaN)))), 'ms', 1)),
      ),
    );
    lines.push(
      row(
        '  of which script / layout+style',
        busy((x) => x.script).map((v, i) => `${v} / ${busy((x) => x.layout + x.style)[i]}`),
      ),
    );
    lines.push(
      row(
        '  frame p50 / p95 / p99',
        windows.map((w) => `${show(w.frameP50, 'ms', 1)} / ${show(w.frameP95, 'ms', 1)} / ${show(w.frameP99, 'ms', 1)}`),
      ),
    );
    lines.push(
      row(
        '  frames per window',
        windows.map((w) => show(w.frames)),
      ),
    );
    lines.push(
      row(
        '  click -> first paint',
        c.firehose.map((runs) => show(figure(runs.flatMap((run) => run.clicks.filter((k) => !k.revisit).map((k) => k.clickToPaintMs))), 'ms')),
      ),
    );
    lines.push(
      row(
        '  machine load average (1 min) during',
        c.firehose.map((runs) => show(figure(runs.flatMap((run) => run.windowLoad)), '', 1)),
      ),
    );
    lines.push(
      row(
        '  heap at the end',
        c.firehose.map((runs) => show(figure(runs.flatMap((run) => run.heap.map((h) => h.mb))), 'MB', 1)),
      ),
    );
  }
  return lines.join('\n');
}
