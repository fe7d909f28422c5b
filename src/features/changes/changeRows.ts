import type { GitFileStatus, GitStatus } from '../../api/contract/workspace';
import type { DiffLine, FileDiff } from './unifiedDiff';

/*
 * What the Changes surface shows, decided without React: the changed files of a `git status` (one entry per
 * file and staging area, since SAM's diff route answers for one of them at a time), the flat rows the
 * virtualised diff draws, and where a hunk jump lands.
 */

export type ChangeArea = 'staged' | 'unstaged' | 'untracked';

export interface ChangedFile {
  /** Unique in the list: area + path. */
  key: string;
  path: string;
  oldPath: string | null;
  /** Porcelain letter (`??` for untracked); open, so an unknown letter is shown as it came. */
  status: string;
  area: ChangeArea;
}

export function changedFiles(status: GitStatus): ChangedFile[] {
  const entry = (area: ChangeArea) => (file: GitFileStatus) => ({
    key: `${area}:${file.path}`,
    path: file.path,
    oldPath: file.oldPath ?? null,
    status: file.status,
    area,
  });
  const all = [...status.staged.map(entry('staged')), ...status.unstaged.map(entry('unstaged')), ...status.untracked.map(entry('untracked'))];
  // SAM sends the porcelain order; a second row for the same area and path would share a key, so it is dropped.
  const seen = new Set<string>();
  return all.filter((file) => (seen.has(file.key) ? false : (seen.add(file.key), true)));
}

const STATUS_WORDS: Record<string, string> = {
  M: 'modified',
  A: 'added',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type changed',
  U: 'unmerged',
  '??': 'untracked',
};

/** The letter shown in the list and the word a screen reader says for it. */
export function statusLetter(status: string): { letter: string; word: string } {
  if (status === '??') return { letter: '?', word: 'untracked' };
  return { letter: status.slice(0, 2) || '·', word: STATUS_WORDS[status] ?? `status ${status}` };
}

/**
 * Files whose diffs are asked for at once. SAM answers one file per request, so a change of 5,000 files
 * (say, a vendored folder) would be 5,000 requests: past this many, a file starts collapsed and its diff is
 * asked for when it is opened.
 */
export const AUTO_DIFF_FILES = 40;

export function initiallyCollapsed(files: readonly ChangedFile[]): Set<string> {
  return new Set(files.slice(AUTO_DIFF_FILES).map((file) => file.key));
}

/** Whether a file's diff is requested: the first AUTO_DIFF_FILES always, any other once it is open. */
export function wantsDiff(fileIndex: number, file: ChangedFile, collapsed: ReadonlySet<string>): boolean {
  return fileIndex < AUTO_DIFF_FILES || !collapsed.has(file.key);
}

/** The state of one file's diff request. */
export type FileDiffState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'loaded'; files: FileDiff[] };

export type ChangeRow =
  | { type: 'file'; key: string; fileIndex: number }
  | {
      type: 'line';
      key: string;
      fileIndex: number;
      line: DiffLine;
      /** Where the line is in the request's parse: which file, which hunk (-1 before the first), which line. */
      diffIndex: number;
      hunkIndex: number;
      lineIndex: number;
    }
  | { type: 'note'; key: string; fileIndex: number; text: string; tone: 'muted' | 'error' };

/** Header lines a reader learns nothing from on a phone (the file row already says the path). */
function isNoiseMeta(text: string): boolean {
  return text.startsWith('diff --git ') || text.startsWith('index ') || text.startsWith('--- ') || text.startsWith('+++ ');
}

/**
 * The rows of the diff: per changed file a header row, then (unless collapsed) its lines or a note saying
 * why there are none (loading, failed, binary, no textual change).
 */
export function changeRows(files: readonly ChangedFile[], diffs: readonly FileDiffState[], collapsed: ReadonlySet<string>): ChangeRow[] {
  const rows: ChangeRow[] = [];
  files.forEach((file, fileIndex) => {
    rows.push({ type: 'file', key: `f:${file.key}`, fileIndex });
    if (collapsed.has(file.key)) return;
    const state = diffs[fileIndex] ?? { kind: 'loading' };
    const note = (text: string, tone: 'muted' | 'error' = 'muted') => rows.push({ type: 'note', key: `n:${file.key}`, fileIndex, text, tone });
    if (state.kind === 'loading') return note('Loading the diff…');
    if (state.kind === 'error') return note(state.message, 'error');
    let shown = 0;
    state.files.forEach((diff, diffIndex) => {
      let hunkIndex = -1;
      diff.lines.forEach((line, lineIndex) => {
        if (line.kind === 'hunk') hunkIndex++;
        if (line.kind === 'meta' && isNoiseMeta(line.text)) return;
        rows.push({ type: 'line', key: `l:${file.key}:${diffIndex}:${lineIndex}`, fileIndex, line, diffIndex, hunkIndex, lineIndex });
        shown++;
      });
    });
    const binary = state.files.some((diff) => diff.isBinary);
    if (binary && !state.files.some((diff) => diff.hunks.length > 0)) return;
    if (shown === 0) note(file.area === 'untracked' ? 'Empty file.' : 'No textual change (git reports none for this path).');
  });
  return rows;
}

/** Indexes of the rows that are hunk headers, ascending. */
export function hunkRowIndexes(rows: readonly ChangeRow[]): number[] {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (row.type === 'line' && row.line.kind === 'hunk') indexes.push(index);
  });
  return indexes;
}

/**
 * Where a hunk jump lands from row `from` (the row at the top of the view): the first hunk header after it,
 * or the last one before it; null when there is none that way.
 */
export function hunkJump(hunkRows: readonly number[], from: number, direction: 'next' | 'previous'): number | null {
  if (direction === 'next') {
    for (const index of hunkRows) if (index > from) return index;
    return null;
  }
  for (let i = hunkRows.length - 1; i >= 0; i--) {
    const index = hunkRows[i] as number;
    if (index < from) return index;
  }
  return null;
}

export interface DiffTotals {
  files: number;
  additions: number;
  deletions: number;
  /** Files whose diff has not answered (yet, or at all): the totals do not count them. */
  pending: number;
}

export function diffTotals(diffs: readonly FileDiffState[], fileCount: number): DiffTotals {
  let additions = 0;
  let deletions = 0;
  let pending = 0;
  for (let i = 0; i < fileCount; i++) {
    const state = diffs[i];
    if (!state || state.kind !== 'loaded') {
      pending++;
      continue;
    }
    for (const diff of state.files) {
      additions += diff.additions;
      deletions += diff.deletions;
    }
  }
  return { files: fileCount, additions, deletions, pending };
}

/** Characters of one line drawn at most; the rest is counted, not drawn (a crafted 1 MB line must not stall layout). */
export const MAX_DRAWN_CHARS = 2_000;
/** Lines longer than this are drawn as plain text: highlighting is skipped, whatever the language. */
export const MAX_HIGHLIGHT_CHARS = 400;

export function clipLine(text: string): { shown: string; hidden: number } {
  if (text.length <= MAX_DRAWN_CHARS) return { shown: text, hidden: 0 };
  return { shown: text.slice(0, MAX_DRAWN_CHARS), hidden: text.length - MAX_DRAWN_CHARS };
}
