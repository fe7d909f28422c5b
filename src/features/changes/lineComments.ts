import type { LinesAnchor } from '../../reconcile/comments';
import type { ChangeRow } from './changeRows';
import type { DiffLine, FileDiff } from './unifiedDiff';

/*
 * Comments on lines of the diff (docs/comments.md, "Lines of the diff"), decided without React: which lines
 * are chosen, and the quote a comment on them carries. A range lies inside one hunk of one file: the lines
 * of a hunk are consecutive on both sides, so its numbers mean one stretch of the file.
 */

/** A line a comment can be about: an unchanged, added or removed line inside a hunk. */
export interface LineRef {
  /** The changed file's key (area + path): the staged and the unstaged diff of a path are apart. */
  fileKey: string;
  /** Which file of that request's parsed diff. */
  diffIndex: number;
  /** Which hunk of that file. */
  hunkIndex: number;
  /** Index in the file's `lines`. */
  lineIndex: number;
}

/** The chosen lines: from `anchor` (where the choice started) to `focus` (where it was extended to), either way. */
export interface LineSelection {
  fileKey: string;
  diffIndex: number;
  hunkIndex: number;
  anchor: number;
  focus: number;
}

export interface SelectionState {
  selection: LineSelection | null;
  /** "Extend" is on: a tap on a line grows the range to it (the touch way to shift-click). */
  extending: boolean;
}

export type SelectionAction = { type: 'pick'; line: LineRef; shift: boolean } | { type: 'toggleExtend' } | { type: 'clear' };

export const NO_SELECTION: SelectionState = { selection: null, extending: false };

function sameHunk(selection: LineSelection, line: LineRef): boolean {
  return selection.fileKey === line.fileKey && selection.diffIndex === line.diffIndex && selection.hunkIndex === line.hunkIndex;
}

/**
 * A pick with shift held (or with Extend on) moves the range's far end to the line when it is in the same
 * hunk; any other pick starts a range of that one line, and picking the only chosen line again lets it go.
 */
export function selectionReducer(state: SelectionState, action: SelectionAction): SelectionState {
  if (action.type === 'clear') return NO_SELECTION;
  if (action.type === 'toggleExtend') return state.selection ? { ...state, extending: !state.extending } : state;
  const { line, shift } = action;
  const held = state.selection;
  if (held && (shift || state.extending) && sameHunk(held, line)) return { ...state, selection: { ...held, focus: line.lineIndex } };
  if (held && sameHunk(held, line) && held.anchor === line.lineIndex && held.focus === line.lineIndex) return NO_SELECTION;
  const { fileKey, diffIndex, hunkIndex, lineIndex } = line;
  return { selection: { fileKey, diffIndex, hunkIndex, anchor: lineIndex, focus: lineIndex }, extending: false };
}

/** The first and last line index of a selection, in the file's order. */
export function selectionBounds(selection: LineSelection): { first: number; last: number } {
  return { first: Math.min(selection.anchor, selection.focus), last: Math.max(selection.anchor, selection.focus) };
}

export function isLineSelected(selection: LineSelection | null, line: LineRef): boolean {
  if (!selection || !sameHunk(selection, line)) return false;
  const { first, last } = selectionBounds(selection);
  return line.lineIndex >= first && line.lineIndex <= last;
}

export function isCommentable(line: DiffLine): boolean {
  return line.kind === 'add' || line.kind === 'del' || line.kind === 'context';
}

const MARKS = { add: '+', del: '-', context: ' ' } as const;

/**
 * The anchor of a comment on the chosen lines: the path, the range and the quote. The quote is the chosen
 * diff lines, one per line, each with its mark (`+` added, `-` removed, a space unchanged), so the agent sees
 * what changed. The numbers are the new file's (`side: 'new'`) whenever a line of the range is in it; removed
 * lines stay in the quote, marked `-`, and have no new number. A range of removed lines only is numbered in
 * the old file (`side: 'old'`). Null when the selection no longer fits the diff (it was read again and changed).
 */
export function linesAnchor(path: string, diff: FileDiff, selection: LineSelection): LinesAnchor | null {
  const hunk = diff.hunks[selection.hunkIndex];
  if (!hunk) return null;
  const hunkEnd = diff.hunks[selection.hunkIndex + 1]?.lineIndex ?? diff.lines.length;
  const { first, last } = selectionBounds(selection);
  if (first <= hunk.lineIndex || last >= hunkEnd) return null;
  const chosen = diff.lines.slice(first, last + 1).filter(isCommentable);
  if (chosen.length === 0) return null;
  const newNumbers = chosen.flatMap((line) => (line.newNumber === null ? [] : [line.newNumber]));
  const oldNumbers = chosen.flatMap((line) => (line.oldNumber === null ? [] : [line.oldNumber]));
  const side = newNumbers.length > 0 ? 'new' : 'old';
  const numbers = side === 'new' ? newNumbers : oldNumbers;
  const quote = chosen.map((line) => MARKS[line.kind as keyof typeof MARKS] + line.text.slice(1)).join('\n');
  return { kind: 'lines', path, firstLine: numbers[0] as number, lastLine: numbers.at(-1) as number, side, quote };
}

/**
 * The row of the next (1) or previous (-1) line a comment can be about, from row `from`: anywhere in the diff,
 * or (`inHunk`) only in the same hunk, where a range can grow. Null when there is none that way.
 */
export function neighbourLineRow(rows: readonly ChangeRow[], from: number, direction: 1 | -1, inHunk: boolean): number | null {
  const start = rows[from];
  if (start?.type !== 'line') return null;
  for (let index = from + direction; index >= 0 && index < rows.length; index += direction) {
    const row = rows[index] as ChangeRow;
    const sameHunk = row.type === 'line' && row.fileIndex === start.fileIndex && row.diffIndex === start.diffIndex && row.hunkIndex === start.hunkIndex;
    if (inHunk && !sameHunk) return null;
    if (row.type === 'line' && row.hunkIndex >= 0 && isCommentable(row.line)) return index;
  }
  return null;
}

/** The line a row of the diff shows, as a comment would name it; null for a row no comment can be about. */
export function lineRefOf(row: ChangeRow | undefined, fileKey: string): LineRef | null {
  if (row?.type !== 'line' || row.hunkIndex < 0 || !isCommentable(row.line)) return null;
  return { fileKey, diffIndex: row.diffIndex, hunkIndex: row.hunkIndex, lineIndex: row.lineIndex };
}
