/*
 * A GFM table cut into slices of rows, each parsed on its own. The table parser's cost grows faster
 * than the number of rows (10 x 10 cells: ~3 ms; 50 x 10: 50-100 ms in node), so a table parsed as
 * slices of `SLICE_ROWS` rows costs a linear sum of small parses, and each slice is a separate piece
 * of render work that React can pause between. Every slice repeats the header and delimiter rows so
 * that it parses to the same cells and alignment as in the whole table.
 *
 * Only a block that is a table and nothing else is cut, and only when the shape is beyond doubt; any
 * other block returns null and is parsed whole as before.
 */

export const SLICE_ROWS = 10;

export interface TableSlices {
  /** The header and delimiter lines, which every slice starts with. */
  head: string;
  /** Each slice's body lines, joined by newlines. */
  slices: string[];
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;
/** Lines that could start another block (and so end a table, or not be a row of it). */
const OTHER_BLOCK_START = /^(?: {4}|\s*(?:[>#`~<*+=_-]|\d{1,9}[.)]))/;

/** The cells of a table line: split at unescaped `|`, without the optional outer pipes. */
function cellsOf(line: string): string[] {
  const cells = line.trim().split(/(?<!\\)\|/);
  if (cells[0]?.trim() === '') cells.shift();
  if (cells.length > 0 && cells.at(-1)?.trim() === '') cells.pop();
  return cells;
}

export function tableSlices(text: string): TableSlices | null {
  const lines = text.replace(/\n+$/, '').split('\n');
  const [header = '', delimiter = '', ...rows] = lines;
  if (rows.length <= SLICE_ROWS) return null;
  if (!header.includes('|') || !delimiter.includes('|') || OTHER_BLOCK_START.test(header)) return null;
  const delimiterCells = cellsOf(delimiter);
  if (delimiterCells.length === 0 || delimiterCells.length !== cellsOf(header).length || !delimiterCells.every((cell) => DELIMITER_CELL.test(cell)))
    return null;
  if (!rows.every((row) => row.includes('|') && !OTHER_BLOCK_START.test(row))) return null;
  const slices: string[] = [];
  for (let i = 0; i < rows.length; i += SLICE_ROWS) slices.push(rows.slice(i, i + SLICE_ROWS).join('\n'));
  return { head: `${header}\n${delimiter}`, slices };
}

/**
 * Whether `text` may hold a table long enough to be cut (more lines with a `|` than one slice holds):
 * a cheap guess, made once when a message first shows, to paint it as text and format it afterwards.
 */
export function mayHoldLongTable(text: string): boolean {
  let lines = 0;
  let lineHasPipe = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x7c /* | */ && !lineHasPipe) {
      lineHasPipe = true;
      lines += 1;
      if (lines > SLICE_ROWS + 2) return true;
    } else if (c === 0x0a /* \n */) lineHasPipe = false;
  }
  return false;
}
