/* BENCHMARKS.md from the figures of one `npm run bench` (plus the hand-written history of fixes). */
import { existsSync, readFileSync } from 'node:fs';
import { summarise, type WindowStats } from './browser';
import type { ChangesResults } from './changes';
import type { ChatResults, ChatRun } from './chat';
import type { FirehoseResult } from './firehose';
import { EAGER_BUDGET_BYTES, type BundleFigures, type LoadRun } from './load';
import { figure, percentile, show, type Figure } from './stats';

import type { ReopenRun } from './reopen';

export type BrowserBench = 'bundle' | 'load' | 'chat' | 'firehose' | 'reopen' | 'changes';

export interface BrowserResults {
  bundle: BundleFigures | null;
  load: LoadRun[] | null;
  chat: ChatResults | null;
  firehose: FirehoseResult | null;
  /** Instant reopen (bench/browser/reopen.ts); not in the report's tables yet: figures are printed. */
  reopen?: ReopenRun[] | null;
  /** Printed by the run and kept in the JSON; docs/changes.md holds the figures (not rendered in BENCHMARKS.md yet). */
  changes?: ChangesResults | null;
  seconds: Partial<Record<BrowserBench, number>>;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  chromium: string;
  playwright: string;
  /** 1-minute load average when the run started and ended: other processes share the machine. */
  loadStart: number;
  loadEnd: number;
}

export interface CoreResults {
  /** The core bench's own printed figures (fastest run, median in brackets), name -> text. */
  figures: Array<{ name: string; value: string }>;
  /** The hostile markdown corpus (bench/markdown.bench.ts), case -> its printed time. */
  markdown?: Array<{ name: string; value: string }>;
  /** vitest bench statistics per benchmark (ms per call). */
  stats: Array<{ name: string; hz: number; mean: number; median: number; min: number; max: number; p99: number; samples: number }>;
  ok: boolean;
  seconds: number;
}

export interface Results {
  label: string;
  mode: 'quick' | 'full';
  date: string;
  totalSeconds: number;
  machine: Machine;
  core: CoreResults | null;
  browser: BrowserResults;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (f: Figure, digits = 0) => show(f, 'ms', digits);
const mb = (f: Figure) => show(f, 'MB', 1);
const num = (f: Figure) => show(f);
const fig = (values: readonly (number | null | undefined)[]) => figure(values.filter((v): v is number => typeof v === 'number'));

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function streamFigures(runs: readonly ChatRun[]) {
  const streams = runs.map((r) => r.stream).filter((s): s is WindowStats => s !== null);
  return streams.length ? summarise(streams) : null;
}

function machineSection(m: Machine, r: Results): string {
  return [
    '## Machine',
    '',
    table(
      ['', ''],
      [
        ['CPU', `${m.cpu}, ${m.cores} cores`],
        ['Memory', `${m.memoryGB.toFixed(0)} GB`],
        ['OS', m.os],
        ['Node', m.node],
        ['Chromium', `${m.chromium} (headless, software rendering: \`--disable-gpu\`), driven by Playwright ${m.playwright}`],
        ['Viewport', '1280 x 800, device scale factor 1'],
        [
          'Load average (1 min)',
          `${m.loadStart.toFixed(1)} at the start, ${m.loadEnd.toFixed(1)} at the end (${m.cores} cores; other jobs shared the machine: see "Caveats")`,
        ],
        ['Run', `${r.date}, \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\`, ${(r.totalSeconds / 60).toFixed(1)} min`],
      ],
    ),
  ].join('\n');
}

function summarySection(r: Results): string {
  const rows: string[][] = [];
  const { bundle, load, chat, firehose } = r.browser;
  if (bundle) rows.push(['First screen: eager JavaScript (gzip)', kb(bundle.eagerGzip), `budget ${kb(EAGER_BUDGET_BYTES)} (CI check); SAM's dashboard 218 KB`]);
  if (load?.length)
    rows.push(['Chat page: all JavaScript fetched (gzip)', show(fig(load.map((l) => l.chatPageJsGzip / 1024)), 'KB', 1), "SAM's chat page 446 KB"]);
  const byName = (prefix: string) => chat?.cases.find((c) => c.chatCase.name.startsWith(prefix));
  const all = byName('open 30,000 (all');
  const page = byName('open 30,000 (Lookout');
  const cold = byName('cold navigation');
  const samOpen =
    "SAM 3,800 ms, the issue author's figure for opening this session on SAM's dashboard (how it was opened is not recorded: compare with both rows); goal <= 1,267 ms";
  if (page)
    rows.push([
      'Open the 30,000-message chat by a **click inside the loaded app** -> last message painted (Lookout: newest 500)',
      ms(fig(page.runs.map((x) => x.clickToPaintMs))),
      samOpen,
    ]);
  if (cold)
    rows.push([
      'Open the 30,000-message chat by a **cold navigation** to its address (fresh tab, empty cache) -> last message painted',
      ms(fig(cold.runs.map((x) => x.clickToPaintMs))),
      samOpen,
    ]);
  if (all) {
    rows.push(['Click inside the loaded app, all 30,000 rows in the answer and held', ms(fig(all.runs.map((x) => x.clickToPaintMs))), samOpen]);
    rows.push(['  longest task while opening (all 30,000)', ms(fig(all.runs.map((x) => x.open.longestTaskMs))), "SAM 1,600 ms (issue author's figure)"]);
  }
  const s3000 = byName('3,000');
  const sf = s3000 ? streamFigures(s3000.runs) : null;
  if (sf)
    rows.push([
      'Mixed agent stream (thinking, tools, plans, short answers): 500 chunks at 100/s into 3,000 messages: long tasks (count, total)',
      `${num(sf.longTasks)}, ${ms(sf.longTaskMs)}`,
      "SAM 90, 8,400 ms (issue author's figure, stream shape not recorded); goal 0",
    ]);
  for (const name of ['open 30,000 (all', '300 ']) {
    const c = byName(name);
    const f = c ? streamFigures(c.runs) : null;
    if (c && f)
      rows.push([
        `Mixed agent stream: 1,000 chunks at 100/s into ${c.chatCase.messages.toLocaleString('en-US')} messages: long tasks; frame p99; main-thread CPU per chunk`,
        `${num(f.longTasks)} (${ms(f.longTaskMs)}); ${ms(f.frameP99, 1)}; ${ms(fig(c.runs.map((x) => x.streamCpuPerChunk?.task)), 2)}`,
        'goal 0; cost flat in the length',
      ]);
  }
  for (const c of chat?.cases.filter((x) => x.chatCase.shape === 'answer') ?? []) {
    const f = streamFigures(c.runs);
    if (!f) continue;
    const cost = c.chatCase.costWindow
      ? `; CPU per chunk last / first ${c.chatCase.costWindow}: ${show(fig(c.runs.map((x) => (x.chunkCost ? x.chunkCost.end / x.chunkCost.start : NaN))), '', 2)}`
      : '';
    rows.push([
      `One answer (assistant chunks only), ${c.chatCase.chunks.toLocaleString('en-US')} chunks at 100/s into ${c.chatCase.messages.toLocaleString('en-US')} messages, ${c.chatCase.cpuThrottle ?? 1}x CPU: long tasks; last chunk on screen after sent`,
      `${num(f.longTasks)} (${ms(f.longTaskMs)}); ${ms(fig(c.runs.map((x) => x.lastChunkPaintMs)))}${cost}`,
      c.chatCase.costWindow ? 'goal 0; last chunk <= 100 ms; ratio <= 1.3' : 'goal 0; last chunk <= 100 ms',
    ]);
  }
  if (firehose) {
    const w = summarise(firehose.windows);
    const perMin = 60_000 / firehose.windowMs;
    rows.push([
      `Firehose, per ${firehose.windowMs / 1000} s window: long tasks (count, total)`,
      `${num(w.longTasks)}, ${ms(w.longTaskMs)}`,
      `(x${perMin} for a minute)`,
    ]);
    rows.push(['Firehose: frame time p50 / p99', `${ms(w.frameP50, 1)} / ${ms(w.frameP99, 1)}`, '16.7 ms = every frame']);
    rows.push([
      'Firehose: main-thread CPU per frame produced',
      show(figure((firehose.windowCpu ?? []).map((c, i) => c.task / (firehose.windows[i]?.frames ?? NaN))), 'ms', 1),
      '',
    ]);
    rows.push([
      'Firehose: main thread busy (CPU time / wall time)',
      show(figure((firehose.windowCpu ?? []).map((c) => (100 * c.task) / firehose.windowMs)), '%'),
      '',
    ]);
    const clicks = firehose.clicks.filter((c) => !c.revisit);
    rows.push(['Firehose: click on another session -> its first paint', ms(fig(clicks.map((c) => c.clickToPaintMs))), '']);
    const heap = firehose.heap.map((h) => `${(h.atMs / 60_000).toFixed(1)} min: ${h.mb.toFixed(1)} MB`).join(', ');
    rows.push(['Firehose: JS heap after forced GC', heap, 'must level off']);
  }
  return ['## Summary', '', table(['Figure', 'Lookout (median [min–max])', 'Reference / goal'], rows)].join('\n');
}

function bundleSection(r: Results): string {
  const { bundle, load } = r.browser;
  if (!bundle) return '';
  const lines = ['## 1. Load', '', '### Bundle (deterministic; `scripts/check-bundle.mjs` fails `npm run build` and `npm test` above the budget)', ''];
  lines.push(
    table(
      ['File', 'Raw', 'Gzip', ''],
      [
        ...bundle.eager.map((s) => [s.file, kb(s.raw), kb(s.gzip), 'eager (entry + modulepreload)']),
        [
          '**eager total**',
          kb(bundle.eager.reduce((a, s) => a + s.raw, 0)),
          `**${kb(bundle.eagerGzip)}**`,
          `budget ${kb(EAGER_BUDGET_BYTES)}, ${kb(EAGER_BUDGET_BYTES - bundle.eagerGzip)} to spare`,
        ],
        ...bundle.lazy.map((s) => [s.file, kb(s.raw), kb(s.gzip), 'lazy']),
        ...bundle.css.map((s) => [s.file, kb(s.raw), kb(s.gzip), 'stylesheet']),
      ],
    ),
  );
  if (load?.length) {
    lines.push('', `### In the browser (cold cache, ${load.length} runs)`, '');
    lines.push(
      table(
        ['Figure', 'Lookout', 'SAM'],
        [
          ['First contentful paint of `/`', ms(fig(load.map((l) => l.fcpMs))), ''],
          ['Projects list on screen', ms(fig(load.map((l) => l.projectsShownMs))), ''],
          ['JavaScript fetched by the first screen (gzip)', show(fig(load.map((l) => l.firstScreenJsGzip / 1024)), 'KB', 1), '218 KB'],
          ['JavaScript fetched once a chat is open (gzip)', show(fig(load.map((l) => l.chatPageJsGzip / 1024)), 'KB', 1), '446 KB'],
        ],
      ),
    );
    const last = load.at(-1);
    if (last)
      lines.push(
        '',
        `First screen: ${last.firstScreenFiles.map((f) => `\`${f}\``).join(', ')}. Chat page adds: ${last.chatPageFiles
          .filter((f) => !last.firstScreenFiles.includes(f))
          .map((f) => `\`${f}\``)
          .join(', ')}.`,
      );
  }
  return lines.join('\n');
}

function chatSection(r: Results): string {
  const chat = r.browser.chat;
  if (!chat) return '';
  const openRows = chat.cases.map(({ chatCase, runs }) => [
    `${chatCase.name} (${chatCase.cold ? 'cold navigation: from the navigation start' : 'click inside the loaded app: from the click'})`,
    ms(fig(runs.map((x) => x.clickToPaintMs))),
    ms(fig(runs.map((x) => x.responseToPaintMs))),
    `${num(fig(runs.map((x) => x.open.longTasks)))}; ${ms(fig(runs.map((x) => x.open.longestTaskMs)))}`,
    ms(fig(runs.map((x) => x.openCpu?.task))),
    `${mb(fig(runs.map((x) => x.heapAfterOpenMB)))} (before: ${mb(fig(runs.map((x) => x.heapBeforeMB)))})`,
  ]);
  const streamRows = chat.cases
    .filter(({ chatCase }) => chatCase.chunks > 0)
    .map(({ chatCase, runs }) => {
      const f = streamFigures(runs);
      if (!f) return [chatCase.name, '', '', 'n/a', '', '', '', '', '', ''];
      const cost = chatCase.costWindow
        ? `; first / last ${chatCase.costWindow} chunks: ${ms(fig(runs.map((x) => x.chunkCost?.start)), 2)} / ${ms(fig(runs.map((x) => x.chunkCost?.end)), 2)}, ratio ${show(fig(runs.map((x) => (x.chunkCost ? x.chunkCost.end / x.chunkCost.start : NaN))), '', 2)}`
        : '';
      return [
        `${chatCase.chunks.toLocaleString('en-US')} chunks into ${chatCase.messages.toLocaleString('en-US')}`,
        chatCase.shape === 'answer' ? 'one answer' : 'mixed',
        `${chatCase.cpuThrottle ?? 1}x`,
        `${num(f.longTasks)}; ${ms(f.longTaskMs)}`,
        ms(f.longestTaskMs),
        `${ms(f.frameP50, 1)} / ${ms(f.frameP95, 1)} / ${ms(f.frameP99, 1)}`,
        ms(fig(runs.map((x) => x.lastChunkPaintMs))),
        `${ms(fig(runs.map((x) => x.streamCpuPerChunk?.task)), 2)} (script ${ms(fig(runs.map((x) => x.streamCpuPerChunk?.script)), 2)})${cost}`,
        mb(fig(runs.map((x) => x.heapAfterStreamMB))),
        num(fig(runs.map((x) => x.followBreaks))),
      ];
    });
  const runs = chat.cases[0]?.runs.length ?? 0;
  return [
    '## 2. Chat',
    '',
    `Each figure: median [min–max] of ${runs} runs, a fresh browser context each, the cases interleaved. Machine load average during the runs: ${show(fig(chat.cases.flatMap((c) => c.runs.map((x) => x.load))), '', 1)}. "Main-thread CPU" is the renderer main thread's CPU time (Chromium's own counters, in thread time), which neighbours on the machine do not inflate the way they inflate long tasks.`,
    '',
    '### Opening a session (click on its sidebar row -> its last message painted)',
    '',
    table(
      [
        'Case',
        'Click -> last message painted',
        'REST answer arrived -> painted',
        'Long tasks while opening; longest',
        'Main-thread CPU (click to 2 s after paint)',
        'JS heap after opening',
      ],
      openRows,
    ),
    '',
    "SAM's dashboard, same data and machine class: 3.8 s to show the last message of the 30,000-message session, with a 1.6 s task. Goal: a third (1.27 s).",
    '',
    '### Streaming chunks at 100 per second (the open session, following the end)',
    '',
    table(
      [
        'Case',
        'Stream shape',
        'CPU',
        'Long tasks > 50 ms; total',
        'Longest task',
        'Frame time p50 / p95 / p99',
        'Last chunk on screen after it was sent',
        'Main-thread CPU per chunk',
        'JS heap after',
        'List stopped following',
      ],
      streamRows,
    ),
    '',
    'Stream shapes: **mixed** is an agent at work (thinking, tool calls with their updates, plan updates, and answers of about 40 chunks each); **one answer** is a user row and then assistant chunks only, joined into one answer that grows to the end (the shape SAM streams for a long reply). A claim here covers only the shape it was measured with. "CPU 4x": Chromium\'s CPU throttling (CDP `Emulation.setCPUThrottlingRate`) while streaming, as DevTools imitates a phone. "Last chunk on screen" runs from the moment node sent the last frame (on the same machine: its arrival) to the first frame that shows its words.',
    '',
    "SAM's dashboard: 500 chunks at 100/s into a 3,000-message chat caused 90 long tasks (8.4 s in all), the issue author's figure; the shape of that stream is not recorded. Goal: none, and a cost per chunk that does not grow with the session or with the answer.",
  ].join('\n');
}

function firehoseSection(r: Results): string {
  const f = r.browser.firehose;
  if (!f) return '';
  const w = summarise(f.windows);
  const windowRows = f.windows.map((x, i) => [
    `${((i * f.windowMs) / 1000).toFixed(0)}–${(((i + 1) * f.windowMs) / 1000).toFixed(0)} s`,
    `${x.longTasks}; ${x.longTaskMs.toFixed(0)} ms`,
    `${x.longestTaskMs.toFixed(0)} ms`,
    `${x.frameP50.toFixed(1)} / ${x.frameP95.toFixed(1)} / ${x.frameP99.toFixed(1)} ms`,
    `${x.frames}; ${x.framesOver50}`,
    f.windowCpu?.[i]
      ? `${((100 * f.windowCpu[i].task) / f.windowMs).toFixed(0)} % (script ${((100 * f.windowCpu[i].script) / f.windowMs).toFixed(0)} %, layout+style ${((100 * (f.windowCpu[i].layout + f.windowCpu[i].style)) / f.windowMs).toFixed(0)} %)`
      : 'n/a',
    f.windowLoad?.[i]?.toFixed(1) ?? 'n/a',
  ]);
  const busy = figure((f.windowCpu ?? []).map((c) => (100 * c.task) / f.windowMs));
  windowRows.push([
    '**median [min–max]**',
    `${num(w.longTasks)}; ${ms(w.longTaskMs)}`,
    ms(w.longestTaskMs),
    `${ms(w.frameP50, 1)} / ${ms(w.frameP95, 1)} / ${ms(w.frameP99, 1)}`,
    `${num(w.frames)}; ${num(w.framesOver50)}`,
    show(busy, '%'),
    show(figure(f.windowLoad ?? []), '', 1),
  ]);
  const fresh = f.clicks.filter((c) => !c.revisit);
  const clickTimes = fresh.map((c) => c.clickToPaintMs);
  return [
    '## 3. Firehose',
    '',
    `${f.sessions} sessions streaming, ${f.framesSent.toLocaleString('en-US')} frames in ${(f.durationMs / 1000).toFixed(0)} s (${(f.framesSent / (f.durationMs / 1000)).toFixed(0)} per second) on the project socket, one session open. One run, split into windows of ${f.windowMs / 1000} s; each window is one sample of the spread.`,
    '',
    table(
      [
        'Window',
        'Long tasks > 50 ms; total',
        'Longest task',
        'Frame time p50 / p95 / p99',
        'Frames; frames > 50 ms',
        'Main thread busy (CPU time)',
        'Load average',
      ],
      windowRows,
    ),
    '',
    `Whole run: ${f.whole.longTasks} long tasks, ${(f.whole.longTaskMs / 1000).toFixed(1)} s in all (${((100 * f.whole.longTaskMs) / f.durationMs).toFixed(0)} % of the time), frame p50 ${f.whole.frameP50.toFixed(1)} ms, p99 ${f.whole.frameP99.toFixed(1)} ms.`,
    '',
    `**Click on another session -> its first paint** (${fresh.length} sessions opened during the run, one every ${10} s; ${f.misses} clicks hit no other row because the list moved under the pointer and were repeated): median ${show(figure(clickTimes), 'ms')}, p90 ${percentile(clickTimes, 90).toFixed(0)} ms; REST answer -> paint ${show(fig(fresh.map((c) => c.responseToPaintMs)), 'ms')}.`,
    '',
    `**JS heap** (after two forced collections): ${f.heapStartMB.toFixed(1)} MB before the firehose; ${f.heap.map((h) => `${(h.atMs / 60_000).toFixed(1)} min: ${h.mb.toFixed(1)} MB`).join('; ')}.`,
  ].join('\n');
}

function markdownSection(r: Results): string {
  const rows = r.core?.markdown ?? [];
  if (!rows.length) return '';
  return [
    '## 4. Hostile markdown (node, `bench/markdown.bench.ts`)',
    '',
    'Each case of `src/features/chat/markdown/hostileCorpus.ts` rendered as the chat renders an agent\'s message (`MarkdownRenderer`, through `react-dom/server`: budget, block split, parse and React render; no layout), the fastest of up to 5 runs, the median in brackets. The whole message in one synchronous render is an upper bound: in the app a message over 16 KB first shows as plain text and is formatted in an interruptible render, whose longest piece of work is one block ("longest"). `src/features/chat/markdown/hostileCorpus.test.tsx` renders every case in jsdom and checks its words are shown (not timed). Goal: every case under 50 ms.',
    '',
    table(
      ['Case (size)', 'Render'],
      rows.map((x) => [x.name.trim(), x.value]),
    ),
  ].join('\n');
}

function coreSection(r: Results): string {
  const c = r.core;
  if (!c) return '';
  const lines = ['## 5. Core (node, `bench/core.bench.ts` through `vitest bench`)', ''];
  if (!c.ok) lines.push('The core bench did not finish: see the console output.', '');
  if (c.figures.length) {
    lines.push('The bench prints its own figures: the fastest of several runs, the median in brackets.', '');
    lines.push(
      table(
        ['Figure', 'Value'],
        c.figures.map((x) => [x.name.trim(), x.value]),
      ),
    );
  }
  if (c.stats.length) {
    lines.push('', 'vitest bench statistics (time per call):', '');
    lines.push(
      table(
        ['Benchmark', 'Median', 'Min–max', 'p99', 'Samples'],
        c.stats.map((s) => [s.name, `${s.median.toFixed(4)} ms`, `${s.min.toFixed(4)}–${s.max.toFixed(4)} ms`, `${s.p99.toFixed(4)} ms`, String(s.samples)]),
      ),
    );
  }
  return lines.join('\n');
}

const METHOD = `## Method

- **Build and server.** \`npm run bench\` builds the live bundle (\`vite build --mode live\`, the bundle users get, without
  MSW) into \`bench-results/build\` and serves it from a small node server (\`bench/browser/server.ts\`) that also answers
  \`/api/*\` and speaks WebSocket on the two stream paths. REST answers and socket frames come from the simulator of
  \`mocks/\` running **in node** (the same scenarios as \`?scenario=long-chat\` and \`?scenario=firehose\`), so none of
  the simulator's work runs in the page; frames arrive over a real socket, as SAM's would.
- **Browser.** Debian Chromium, headless, the flags of the toolchain notes plus \`--enable-precise-memory-info\` and
  \`--js-flags=--expose-gc\`; 1280 x 800; a fresh context (empty cache) per run.
- **What the page records** (an init script, before Lookout's own code): every long task (PerformanceObserver
  'longtask': tasks over 50 ms), the timestamp of every animation frame (frame time = difference of consecutive
  frames), and the spans where the harness forced garbage collection to read the heap; those spans are left out
  of every figure. Heap = \`performance.memory.usedJSHeapSize\` after two \`gc()\`.
- **Paint times.** A click is a real mouse click (trusted input); its time is the event's \`timeStamp\` (when the
  input happened, so a busy main thread counts against Lookout). "Painted" is checked on every animation frame
  (the awaited element exists, is inside the visible part of the conversation, and its text ends with the
  expected words); the time is taken by a message posted from that frame, which runs once the frame is produced.
  "REST answer arrived" is the resource timing \`responseEnd\` of the session request.
- **Chat.** The long-chat scenario's 30,000-message session, opened from the sidebar: (a) as Lookout asks for it
  (SAM's default page, the newest 500; older pages load on scroll) and (b) with all 30,000 rows in the answer
  (\`limit=50000\`, what SAM's dashboard loads), all held and folded. The 3,000- and 300-message sessions are the
  newest rows of the same chat, renumbered. Streams: \`message.new\` frames from node at 100 per second (thinking,
  tool calls, plan updates and answer chunks, from the simulator's corpus), after a \`session.activity\` frame
  that starts the agent's turn. The harness reads like someone following the output: whenever the list shows
  "jump to latest" by itself, it presses it (counted in "List stopped following"). Two stream shapes: *mixed*
  (above) and *one answer* (a user row, then assistant chunks of 2 to 6 words that join into one answer made of
  the corpus's answers, one after another). The one-answer cases run at 1x and at 4x CPU throttling (CDP
  \`Emulation.setCPUThrottlingRate\` from just before the stream to its last paint); the 6,000-chunk case (60 s)
  also reads main-thread CPU after the first 500 chunks and before the last 500, for the cost per chunk at the
  start and at the end of the answer.
- **Opening a chat: two different measurements.** *Click inside the loaded app*: the app is loaded and shows the
  chat list; the time runs from the click on the session's row. *Cold navigation*: a fresh tab with an empty cache
  goes to the chat's address; the time runs from the navigation's start (it includes loading and starting the app).
- **Firehose.** The firehose scenario (50 agents): its frames are generated in node beforehand by a second
  simulator from the same seed (identical history), then sent at 1,000 frames per second in total (a
  \`messages.batch\` frame counts as one). The REST simulator stays at the start time and receives each frame's rows
  as it is sent, so a chat opened during the run gets over REST exactly what the socket had sent. Every 10 s the
  harness opens a session not opened before (mouse click on its sidebar row) and times click -> first paint of its
  conversation; every minute (every 30 s in quick mode) it reads the heap. The run is one long run split into
  windows (1 min in full mode, 20 s in quick mode); each window is a sample for median and spread.
- **Runs.** Full mode: load and chat figures over 5 runs, the firehose 5 minutes. Quick (\`-- --quick\`): 3 runs, the
  firehose 1 minute (no 5-minute heap figure).
- **Core and markdown.** \`vitest bench --run bench/\`: their printed figures and vitest's statistics, as they come.
- No figure is asserted anywhere; only the bundle budget is a check (in \`npm run build\` and \`npm test\`).`;

const CAVEATS = `## Caveats

- This machine is shared: other jobs (type checks, unit and browser tests) ran during the benchmarks (see the load
  average above). They only ever add time: a figure here is an upper bound for this machine class, and the spread
  shows how much the neighbours moved it. Before/after comparisons in "Fixes" were run back to back.
- Software rendering (\`--disable-gpu\`): paint and raster run on the CPU, more expensive than on a phone's GPU.
- SAM's figures were measured on its own dashboard by the issue's author (Chromium, 1280x800, 2 cores, same data),
  not re-run here.`;

export function renderReport(r: Results, fixesPath = 'bench/browser/FIXES.md'): string {
  const fixes = existsSync(fixesPath) ? readFileSync(fixesPath, 'utf8').trim() : '';
  return [
    '# Lookout benchmarks',
    '',
    `Written by \`npm run bench\` (\`scripts/bench.mjs\`) on ${r.date}. Every figure is a median over several runs with its spread [min–max]; see "Method". Raw figures: \`bench-results/${r.label}.json\`.`,
    '',
    summarySection(r),
    '',
    machineSection(r.machine, r),
    '',
    bundleSection(r),
    '',
    chatSection(r),
    '',
    firehoseSection(r),
    '',
    markdownSection(r),
    '',
    coreSection(r),
    '',
    METHOD,
    '',
    fixes,
    '',
    CAVEATS,
    '',
  ]
    .filter((part, i, parts) => part !== '' || parts[i - 1] !== '')
    .join('\n');
}
