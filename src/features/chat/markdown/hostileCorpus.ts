/*
 * Messages that once froze or crashed the chat (issue 13), plus their neighbours: each one a text an
 * agent (or anyone who can write a message row) could send. Used by the render test (every case renders
 * without throwing and its words are visible) and by `bench/markdown.bench.ts` (time to render each).
 * Built on demand: some are megabytes.
 */

export interface CorpusCase {
  name: string;
  text: () => string;
  /** Words the rendered message must show (plain or formatted). */
  probe: string;
}

const KB = 1024;

/** Ordinary agent prose: headings, lists, code, links and a table, repeated to `size` characters. */
export function ordinaryAnswer(size: number): string {
  const section = [
    '## What I changed',
    'The parser now reads the **header** once and keeps it; see [the notes](https://example.com/notes) for why.',
    '- moved `readHeader` into `src/io/header.ts`\n- added a test for empty files\n- removed the old cache',
    '```ts\nexport function readHeader(bytes: Uint8Array): Header {\n  return decode(bytes.subarray(0, 16));\n}\n```',
    '| file | lines |\n| --- | --- |\n| header.ts | 42 |\n| cache.ts | -120 |',
    '> Note: the cache was never hit in production.',
  ].join('\n\n');
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    parts.push(section);
    length += section.length + 2;
  }
  return parts.join('\n\n').slice(0, size);
}

function table(rows: number, columns: number): string {
  const line = (cell: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => cell(c)).join(' | ')} |`;
  const body = Array.from({ length: rows }, (_, r) => line((c) => `r${r}c${c}`));
  return [line((c) => `h${c}`), line(() => '---'), ...body].join('\n');
}

export const HOSTILE_CORPUS: readonly CorpusCase[] = [
  { name: '4 KB of `>`', text: () => `${'>'.repeat(4 * KB)} deep quote`, probe: 'deep quote' },
  { name: '100 KB of `>`', text: () => `${'>'.repeat(100 * KB)} deep quote`, probe: 'deep quote' },
  { name: '100 KB of `*a`', text: () => `${'*a'.repeat(50 * KB)} stars end`, probe: 'stars end' },
  { name: '100 KB of `_a`', text: () => `${'_a'.repeat(50 * KB)} underscores end`, probe: 'underscores end' },
  { name: '25,000 x `[a](`', text: () => `${'[a]('.repeat(25_000)} links end`, probe: 'links end' },
  { name: '100 KB of `[`', text: () => `${'['.repeat(100 * KB)} brackets end`, probe: 'brackets end' },
  { name: '2,000 nested list markers on one line', text: () => `${'- '.repeat(2_000)}list end`, probe: 'list end' },
  {
    name: '1,000 list levels by indentation',
    text: () => Array.from({ length: 1_000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
    probe: 'level 999',
  },
  { name: '300 x 300 GFM table', text: () => table(300, 300), probe: 'r299c299' },
  { name: '50 x 10 GFM table (ordinary)', text: () => table(50, 10), probe: 'r49c9' },
  { name: '100 KB ordinary answer', text: () => ordinaryAnswer(100 * KB), probe: 'What I changed' },
  { name: '1 MB ordinary answer', text: () => ordinaryAnswer(1024 * KB), probe: 'What I changed' },
  { name: '3 MiB of plain words (one message.new)', text: () => 'word '.repeat((3 * KB * KB) / 5), probe: 'word word' },
];
