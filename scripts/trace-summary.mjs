// What the renderer's main thread did in a Chromium trace (`LOOKOUT_BENCH_TRACE=1` of the reopen bench), from
// the document's navigation start to the bench's `lookout:last-message-painted` mark:
//   node scripts/trace-summary.mjs TRACE.json [--tasks 5]
// Prints the time by kind of work (script, style and layout, paint, parse, idle between tasks) and every task
// longer than --tasks ms with its start, so the critical path's gaps and its busy stretches can be told apart.
import { readFileSync } from 'node:fs';

const [path, ...rest] = process.argv.slice(2);
if (!path) {
  console.error('usage: node scripts/trace-summary.mjs TRACE.json [--tasks MS]');
  process.exit(2);
}
const i = rest.indexOf('--tasks');
const minTaskMs = i >= 0 ? Number(rest[i + 1]) : 5;

const trace = JSON.parse(readFileSync(path, 'utf8'));
const events = trace.traceEvents ?? trace;
const threadName = new Map();
for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
const mark = events.find((e) => e.name === 'lookout:last-message-painted');
if (!mark) throw new Error('no lookout:last-message-painted mark in the trace');
const main = `${mark.pid}:${mark.tid}`;
if (threadName.get(main) !== 'CrRendererMain') console.warn(`the mark is on ${threadName.get(main)}, not CrRendererMain`);
// The mark's startTime is from its document's time origin, the navigation start (other frames of the renderer
// have navigationStart events of their own).
const from = mark.ts - mark.args.data.startTime * 1000;
const to = mark.ts;
const ms = (us) => us / 1000;

const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts + (e.dur ?? 0) > from && e.ts < to);
const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
const KIND = [
  [
    /^(FunctionCall|EvaluateScript|v8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|V8\.|v8\.run|ScheduledAction|CompileScript|CompileCode|v8.compile)/,
    'script',
  ],
  [/^(UpdateLayoutTree|Layout|RecalculateStyles|ParseAuthorStyleSheet|HitTest|IntersectionObserverController)/, 'style + layout'],
  [/^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers|Commit|RasterTask|PaintImage|ScrollLayer)/, 'paint + commit'],
  [/^(ParseHTML|ResourceReceivedData|ResourceFinish|ResourceSendRequest)/, 'parse + loading'],
];
/** Self time of each event under the tasks, by kind (children's time counted once, at the deepest level). */
const byKind = new Map();
const sorted = onMain.filter((e) => e.dur).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const stack = [];
for (const e of sorted) {
  while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) parent.self -= Math.min(e.dur, parent.ts + parent.dur - e.ts);
  e.self = e.dur;
  stack.push(e);
}
for (const e of sorted) {
  const start = Math.max(e.ts, from);
  const end = Math.min(e.ts + e.dur, to);
  if (end <= start) continue;
  const share = (e.self * (end - start)) / e.dur;
  const kind =
    KIND.find(([re]) => re.test(e.name))?.[1] ?? (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' ? 'task (other)' : `other: ${e.name}`);
  byKind.set(kind, (byKind.get(kind) ?? 0) + share);
}
const busy = tasks.reduce((sum, t) => sum + Math.max(0, Math.min(t.ts + t.dur, to) - Math.max(t.ts, from)), 0);
console.log(
  `navigation start -> last message painted: ${ms(to - from).toFixed(0)} ms; main thread in tasks ${ms(busy).toFixed(0)} ms, between tasks ${ms(to - from - busy).toFixed(0)} ms`,
);
for (const [kind, us] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${ms(us).toFixed(1).padStart(7)} ms  ${kind}`);
console.log(`tasks over ${minTaskMs} ms (start, from navigation start):`);
for (const t of tasks) {
  if (ms(t.dur) < minTaskMs) continue;
  const inner = onMain
    .filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur && e.dur && ms(e.dur) >= minTaskMs / 2)
    .map(
      (e) =>
        `${e.name}${e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : ''}${e.args?.data?.type ? ` ${e.args.data.type}` : ''} ${ms(e.dur).toFixed(0)}`,
    )
    .slice(0, 6)
    .join(', ');
  console.log(
    `  ${ms(t.ts - from)
      .toFixed(0)
      .padStart(5)} +${ms(t.dur).toFixed(0).padStart(3)} ms  ${inner}`,
  );
}
