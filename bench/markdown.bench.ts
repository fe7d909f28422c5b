// @vitest-environment jsdom
/*
 * The hostile markdown corpus (issue 13): the time to render each case as the chat renders an agent's
 * message, on one thread, in node (react-dom/server: parse + React render, no layout), in CPU time of
 * the process. Prints figures only; `src/features/chat/markdown/hostileCorpus.test.tsx` proves every case renders.
 *   npx vitest bench --run bench/markdown.bench.ts
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { bench, describe } from 'vitest';
import MarkdownRenderer from '../src/features/chat/markdown/MarkdownRenderer';
import { HOSTILE_CORPUS, ordinaryAnswer } from '../src/features/chat/markdown/hostileCorpus';
import * as blocks from '../src/features/chat/markdown/blocks';
import * as tables from '../src/features/chat/markdown/tableSlices';

/**
 * Milliseconds of CPU time of this process (user + system): rendering is single-threaded, and unlike
 * wall time it does not count the time neighbours on a shared machine take the core away.
 */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

interface Timing {
  min: number;
  median: number;
  runs: number;
  htmlBytes: number;
  error: string | null;
}

/** Renders `text` up to 5 times (once when a render takes over a second) and keeps fastest and median. */
function time(text: string): Timing {
  const values: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < 5; i += 1) {
    const start = cpuNow();
    try {
      htmlBytes = renderToStaticMarkup(createElement(MarkdownRenderer, { text })).length;
    } catch (error) {
      return { min: cpuNow() - start, median: NaN, runs: 1, htmlBytes: 0, error: String(error).split('\n')[0] ?? 'error' };
    }
    values.push(cpuNow() - start);
    if (values.reduce((a, b) => a + b, 0) > 1_000) break;
  }
  values.sort((a, b) => a - b);
  return { min: values[0] ?? NaN, median: values[Math.floor(values.length / 2)] ?? NaN, runs: values.length, htmlBytes, error: null };
}

/**
 * In the app a message is rendered block by block, and a long one in an interruptible (sliced) render:
 * the longest single block is then the longest piece of main-thread work. Absent before the blocks.
 */
function longestBlock(text: string): string {
  const split = (blocks as Partial<typeof blocks>).splitBlocks;
  if (!split) return '';
  const parts = split(text).blocks;
  const sliced = parts.length === 1 ? (tables as Partial<typeof tables>).tableSlices?.(text) : null;
  if (sliced) {
    // A long table is formatted slice by slice in the interruptible render: its longest piece is one slice.
    let longestSlice = 0;
    for (const rows of sliced.slices) {
      const start = cpuNow();
      renderToStaticMarkup(createElement(MarkdownRenderer, { text: `${sliced.head}\n${rows}` }));
      longestSlice = Math.max(longestSlice, cpuNow() - start);
    }
    return `; one table in ${sliced.slices.length} slices, longest ${longestSlice.toFixed(1)} ms`;
  }
  if (parts.length < 2) return '; one block';
  let longest = 0;
  for (const part of parts) {
    const start = cpuNow();
    renderToStaticMarkup(createElement(MarkdownRenderer, { text: part.text }));
    longest = Math.max(longest, cpuNow() - start);
  }
  return `; ${parts.length} blocks, longest ${longest.toFixed(1)} ms`;
}

const kb = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);
time('warm **up** [the](https://example.com) parser\n\n- a\n- b\n\n| a |\n| - |\n| 1 |');
console.log(`  React build: ${process.env.NODE_ENV === 'production' ? 'production' : `development (NODE_ENV=${process.env.NODE_ENV})`}`);

// MD_BENCH_CASES=1,2: only those cases (by position); each case is printed as soon as it is measured.
const chosen = process.env.MD_BENCH_CASES?.split(',').map(Number);
const rows: Array<readonly [string, string]> = HOSTILE_CORPUS.filter((_, i) => !chosen || chosen.includes(i)).map((c) => {
  const text = c.text();
  const t = time(text);
  const value = t.error
    ? `threw after ${t.min.toFixed(1)} ms: ${t.error}`
    : `${t.min.toFixed(1)} ms (median ${t.median.toFixed(1)}, ${t.runs} runs); html ${kb(t.htmlBytes)}`;
  const row = [`${c.name} (${kb(text.length)})`, `${value}${longestBlock(text)}`] as const;
  console.log(`  measured ${row[0]}: ${row[1]}`);
  return row;
});
/**
 * A streamed answer of `chunks` chunks (the corpus's ordinary answer, ~26 characters a chunk), rendered
 * into a DOM (jsdom) chunk by chunk, each render flushed: the mean cost of a chunk over the first
 * `window` chunks and over the last `window`. The chunks between are rendered in one step (untimed).
 */
function streamingCost(chunks: number, window: number): { first: number; last: number } {
  const answer = ordinaryAnswer(150 * 1024);
  const size = Math.ceil(answer.length / chunks);
  const host = document.createElement('div');
  const root = createRoot(host);
  const render = (upTo: number) => {
    const start = cpuNow();
    flushSync(() => root.render(createElement(MarkdownRenderer, { text: answer.slice(0, upTo * size) })));
    return cpuNow() - start;
  };
  const mean = (from: number, to: number) => {
    let total = 0;
    for (let i = from; i < to; i += 1) total += render(i + 1);
    return total / (to - from);
  };
  const first = mean(0, window);
  render(chunks - window);
  const last = mean(chunks - window, chunks);
  root.unmount();
  return { first, last };
}

if (process.env.MD_BENCH_STREAM !== '0') {
  streamingCost(400, 100); // warm the JIT on the same path first
  const { first, last } = streamingCost(6_000, 100);
  rows.push([
    'streamed answer, 6,000 chunks (150 KB): render per chunk, first 100 / last 100 chunks (jsdom)',
    `${first.toFixed(2)} ms / ${last.toFixed(2)} ms; ratio ${(last / first).toFixed(2)}`,
  ]);
}
const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nLookout markdown corpus figures (node ${process.version})\n${rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`);

describe('markdown', () => {
  const table = HOSTILE_CORPUS.find((c) => c.name.startsWith('50 x 10'))?.text() ?? '';
  bench(
    'render a 50 x 10 GFM table',
    () => {
      renderToStaticMarkup(createElement(MarkdownRenderer, { text: table }));
    },
    { time: 500 },
  );
});
