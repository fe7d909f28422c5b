/*
 * A unified diff, as git writes it (and as SAM's VM agent writes one for an untracked file), parsed into
 * files, hunks and numbered lines. Pure and total: any text parses, every input line is kept exactly once
 * in order (`renderDiff(parseUnifiedDiff(text)) === text`), and a line the grammar does not expect is kept
 * as `meta` instead of failing. Hunk bodies are read by the counts in their `@@` header, so a removed line
 * that reads `--- x` or an added `+++ y` stays a change, not a new file.
 */

export type DiffLineKind = 'meta' | 'hunk' | 'context' | 'add' | 'del' | 'noNewline';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line as it came, prefix included, without its line break. */
  text: string;
  /** Line number in the old file (context and removed lines). */
  oldNumber: number | null;
  /** Line number in the new file (context and added lines). */
  newNumber: number | null;
}

export interface DiffHunk {
  /** Index in the file's `lines` of the `@@` line. */
  lineIndex: number;
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  /** What follows the second `@@` (git's function context), trimmed. */
  section: string;
}

export interface FileDiff {
  /** `a/` side path, null for a new file (`/dev/null`) or when the header names none. */
  oldPath: string | null;
  /** `b/` side path, null for a deleted file. */
  newPath: string | null;
  isNew: boolean;
  isDeleted: boolean;
  isRename: boolean;
  isBinary: boolean;
  lines: DiffLine[];
  hunks: DiffHunk[];
  additions: number;
  deletions: number;
}

export interface ParsedDiff {
  files: FileDiff[];
  /** The text ended with a line break (git's always does); kept so rendering gives the text back. */
  endsWithNewline: boolean;
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;

function emptyFile(): FileDiff {
  return { oldPath: null, newPath: null, isNew: false, isDeleted: false, isRename: false, isBinary: false, lines: [], hunks: [], additions: 0, deletions: 0 };
}

/** `a/src/x.ts` -> `src/x.ts`; `/dev/null` -> null; a tab-separated timestamp (diff -u) is dropped. */
function sidePath(raw: string, prefix: 'a/' | 'b/'): string | null {
  const path = raw.split('\t')[0] ?? '';
  if (path === '/dev/null') return null;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The two paths of `diff --git a/x b/y` when they can be told apart (equal names, or no space in them). */
function gitHeaderPaths(rest: string): { oldPath: string; newPath: string } | null {
  const parts = rest.split(' ');
  if (parts.length === 2 && parts[0]?.startsWith('a/') && parts[1]?.startsWith('b/')) return { oldPath: parts[0].slice(2), newPath: parts[1].slice(2) };
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const left = rest.slice(0, half);
    const right = rest.slice(half + 1);
    if (left.startsWith('a/') && right.startsWith('b/') && left.slice(2) === right.slice(2)) return { oldPath: left.slice(2), newPath: right.slice(2) };
  }
  return null;
}

export function parseUnifiedDiff(text: string): ParsedDiff {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = text === '' ? [] : (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const files: FileDiff[] = [];
  let file: FileDiff | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  let oldNumber = 0;
  let newNumber = 0;
  /** The last line of a hunk body was a change or context line, so a `\ No newline` line may follow. */
  let afterBody = false;
  /** The current file already has its `--- ` line, so another one opens the next file. */
  let sawOldHeader = false;

  const startFile = (): FileDiff => {
    file = emptyFile();
    files.push(file);
    oldLeft = newLeft = 0;
    sawOldHeader = false;
    return file;
  };
  const push = (target: FileDiff, kind: DiffLineKind, line: string, oldNo: number | null = null, newNo: number | null = null) => {
    target.lines.push({ kind, text: line, oldNumber: oldNo, newNumber: newNo });
  };

  for (const line of rawLines) {
    const inBody = oldLeft > 0 || newLeft > 0;
    if (inBody) {
      const current = file as unknown as FileDiff;
      const mark = line[0];
      if ((mark === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
        push(current, 'context', line, oldNumber++, newNumber++);
        oldLeft--;
        newLeft--;
        afterBody = true;
        continue;
      }
      if (mark === '-' && oldLeft > 0) {
        push(current, 'del', line, oldNumber++, null);
        current.deletions++;
        oldLeft--;
        afterBody = true;
        continue;
      }
      if (mark === '+' && newLeft > 0) {
        push(current, 'add', line, null, newNumber++);
        current.additions++;
        newLeft--;
        afterBody = true;
        continue;
      }
      if (mark === '\\') {
        push(current, 'noNewline', line);
        continue;
      }
      // The header promised more lines than came: the hunk ends here and the line is read afresh.
      oldLeft = newLeft = 0;
    }
    if (line.startsWith('\\') && afterBody && file !== null) {
      push(file, 'noNewline', line);
      continue;
    }
    afterBody = false;

    if (line.startsWith('diff --git ')) {
      const target = startFile();
      const paths = gitHeaderPaths(line.slice('diff --git '.length));
      if (paths) {
        target.oldPath = paths.oldPath;
        target.newPath = paths.newPath;
      }
      push(target, 'meta', line);
      continue;
    }
    const hunk = HUNK_HEADER.exec(line);
    if (hunk) {
      const target = file ?? startFile();
      const oldStart = Number(hunk[1]);
      const newStart = Number(hunk[3]);
      const oldCount = hunk[2] === undefined ? 1 : Number(hunk[2]);
      const newCount = hunk[4] === undefined ? 1 : Number(hunk[4]);
      target.hunks.push({ lineIndex: target.lines.length, oldStart, oldCount, newStart, newCount, section: (hunk[5] ?? '').trim() });
      push(target, 'hunk', line);
      oldLeft = oldCount;
      newLeft = newCount;
      oldNumber = oldStart;
      newNumber = newStart;
      continue;
    }
    if (line.startsWith('--- ')) {
      // A `---` after a file's hunks, binary note or own `---` (or before any file) opens the next file:
      // SAM's untracked-file diff has no `diff --git` line.
      const current = file as FileDiff | null;
      const target = current === null || current.hunks.length > 0 || current.isBinary || sawOldHeader ? startFile() : current;
      sawOldHeader = true;
      target.oldPath = sidePath(line.slice(4), 'a/');
      if (target.oldPath === null) target.isNew = true;
      push(target, 'meta', line);
      continue;
    }
    const target = file ?? startFile();
    if (line.startsWith('+++ ')) {
      target.newPath = sidePath(line.slice(4), 'b/');
      if (target.newPath === null) target.isDeleted = true;
    } else if (line.startsWith('new file mode')) target.isNew = true;
    else if (line.startsWith('deleted file mode')) target.isDeleted = true;
    else if (line.startsWith('rename from ')) {
      target.isRename = true;
      target.oldPath = line.slice('rename from '.length);
    } else if (line.startsWith('rename to ')) {
      target.isRename = true;
      target.newPath = line.slice('rename to '.length);
    } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') target.isBinary = true;
    push(target, 'meta', line);
  }
  return { files, endsWithNewline };
}

/** The text a parsed diff came from. */
export function renderDiff(diff: ParsedDiff): string {
  const lines = diff.files.flatMap((file) => file.lines.map((line) => line.text));
  if (lines.length === 0) return '';
  return lines.join('\n') + (diff.endsWithNewline ? '\n' : '');
}

/** The path to show for a file of a diff: the new side, else the old, else what the caller asked for. */
export function displayPath(file: FileDiff, fallback: string): string {
  return file.newPath ?? file.oldPath ?? fallback;
}
