/*
 * What a block of markdown may cost before it is handed to the parser. react-markdown (micromark +
 * GFM) recurses once per container level (4 KB of `>` overflow the stack) and grows faster than linearly
 * with emphasis and link delimiters and with table cells (100 KB of `*a`: over 40 s). One linear pass
 * counts those; a block beyond any limit is shown as plain text unless the reader asks for it formatted.
 * The limits keep every block under about 50 ms on a slow phone's main thread (see BENCHMARKS.md).
 */

/** A whole message above this is shown as plain text: even fine blocks cost about 1.5 s per MB to format. */
export const MAX_MARKDOWN_CHARS = 256 * 1024;
/** One block (a paragraph, list, table or quote) above this is shown as plain text. */
export const MAX_BLOCK_CHARS = 20_000;
/** Quote, list and indentation levels a block may nest. */
export const MAX_DEPTH = 24;
/** Emphasis and link delimiters (`*`, `_`, `~`, `[`, `]`) in one block. */
export const MAX_DELIMITERS = 2_000;
/**
 * Table cell separators (`|`) in one block: about 50 rows of 10 columns. GFM tables cost about 80 µs a
 * cell to parse and render (a 50 x 10 table: 50 ms of CPU in node), the dearest markdown there is.
 */
export const MAX_CELLS = 600;

export type BlockVerdict =
  /** One fenced code block and nothing else: shown without the markdown parser. */
  { kind: 'code'; code: string; language: string | null } | { kind: 'markdown' } | { kind: 'plain'; reason: 'size' | 'depth' | 'delimiters' | 'cells' };

export interface BlockCost {
  chars: number;
  depth: number;
  delimiters: number;
  cells: number;
}

const FENCE_LINE = /^[ \t]*(`{3,}|~{3,})/;

/** Nesting at the start of a line: `>` and list markers in its prefix, and every 4 columns of its indentation. */
function lineDepth(text: string, start: number, end: number): number {
  let depth = 0;
  let indent = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20) indent += depth === 0 ? 1 : 0;
    else if (c === 0x09) indent += depth === 0 ? 4 : 0;
    else if (c === 0x3e /* > */) depth += 1;
    else if ((c === 0x2d || c === 0x2a || c === 0x2b) /* - * + */ && (i + 1 === end || text.charCodeAt(i + 1) === 0x20 || text.charCodeAt(i + 1) === 0x09))
      depth += 1;
    else if (c >= 0x30 && c <= 0x39) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j += 1;
      const mark = text.charCodeAt(j);
      if ((mark !== 0x2e && mark !== 0x29) /* . ) */ || !(j + 1 === end || text.charCodeAt(j + 1) === 0x20)) break;
      depth += 1;
      i = j;
    } else break;
    i += 1;
  }
  return depth + Math.floor(indent / 4);
}

/** The counts a verdict is made of, in one pass; lines inside fenced code count for size only. */
export function measureBlock(text: string): BlockCost {
  let depth = 0;
  let delimiters = 0;
  let cells = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const marks = FENCE_LINE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 64)))?.[1];
    if (fence !== null) {
      if (marks && marks[0] === fence[0] && marks.length >= fence.length) fence = null;
    } else if (marks) {
      fence = marks;
    } else {
      depth = Math.max(depth, lineDepth(text, lineStart, lineEnd));
      for (let i = lineStart; i < lineEnd; i += 1) {
        const c = text.charCodeAt(i);
        if (c === 0x2a || c === 0x5f || c === 0x7e || c === 0x5b || c === 0x5d) delimiters += 1;
        else if (c === 0x7c) cells += 1;
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { chars: text.length, depth, delimiters, cells };
}

const OPENING_FENCE = /^( {0,3})(`{3,}|~{3,})([^\n]*)$/;

/**
 * The block as one fenced code block and nothing else (closed, or still streaming), or null. Such a
 * block needs no markdown parser, whatever its size.
 */
export function loneCodeBlock(text: string): { code: string; language: string | null } | null {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1) return null;
  const opening = OPENING_FENCE.exec(text.slice(0, firstEnd));
  if (!opening) return null;
  const [, indent = '', marks = '', info = ''] = opening;
  if (marks[0] === '`' && info.includes('`')) return null;
  const closing = new RegExp(`^ {0,3}${marks[0] === '`' ? '`' : '~'}{${marks.length},}[ \\t]*$`);
  const dedent = new RegExp(`^ {0,${indent.length}}`);
  const lines: string[] = [];
  let lineStart = firstEnd + 1;
  let closedAt = -1;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (closing.test(line)) {
      closedAt = lineEnd;
      break;
    }
    lines.push(indent ? line.replace(dedent, '') : line);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  if (closedAt !== -1 && text.slice(closedAt).trim() !== '') return null;
  if (closedAt === -1 && lines.at(-1) === '') lines.pop();
  return { code: lines.join('\n'), language: info.trim().split(/\s+/)[0] || null };
}

export function judgeBlock(text: string): BlockVerdict {
  const code = loneCodeBlock(text);
  if (code) return { kind: 'code', ...code };
  if (text.length > MAX_BLOCK_CHARS) return { kind: 'plain', reason: 'size' };
  const cost = measureBlock(text);
  if (cost.depth > MAX_DEPTH) return { kind: 'plain', reason: 'depth' };
  if (cost.delimiters > MAX_DELIMITERS) return { kind: 'plain', reason: 'delimiters' };
  if (cost.cells > MAX_CELLS) return { kind: 'plain', reason: 'cells' };
  return { kind: 'markdown' };
}
