/*
 * Writes unified diffs the way git does, from a file and a list of edits, so the simulated workspace can
 * serve deterministic diffs without a diff algorithm: 3 lines of context, hunks closer than 2 x 3 lines
 * merged, removals before additions, `\ No newline at end of file` after a last line that has none.
 */

export interface Edit {
  /** 0-based index of the first old line replaced. */
  at: number;
  remove: number;
  insert: readonly string[];
}

export interface TextFile {
  lines: readonly string[];
  /** The last line ends with a line break (git's "No newline at end of file" when false). */
  finalNewline: boolean;
}

const CONTEXT = 3;

export function applyEdits(file: TextFile, edits: readonly Edit[], finalNewline = file.finalNewline): TextFile {
  const out: string[] = [];
  let cursor = 0;
  for (const edit of edits) {
    out.push(...file.lines.slice(cursor, edit.at), ...edit.insert);
    cursor = edit.at + edit.remove;
  }
  out.push(...file.lines.slice(cursor));
  return { lines: out, finalNewline };
}

export function fileText(file: TextFile): string {
  if (file.lines.length === 0) return '';
  return file.lines.join('\n') + (file.finalNewline ? '\n' : '');
}

const NO_NEWLINE = '\\ No newline at end of file';

/** The hunks (from the first `@@`) of `before` changed by `edits` (sorted, not overlapping). */
export function hunksText(before: TextFile, edits: readonly Edit[], after: TextFile): string[] {
  const groups: Edit[][] = [];
  for (const edit of edits) {
    const last = groups[groups.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && edit.at - (previous.at + previous.remove) <= 2 * CONTEXT) last.push(edit);
    else groups.push([edit]);
  }
  const out: string[] = [];
  let shift = 0; // new index - old index before the current group
  for (const group of groups) {
    const first = group[0] as Edit;
    const last = group[group.length - 1] as Edit;
    const oldStart = Math.max(0, first.at - CONTEXT);
    const oldEnd = Math.min(before.lines.length, last.at + last.remove + CONTEXT);
    const body: string[] = [];
    let oldIndex = oldStart;
    let newIndex = oldStart + shift;
    const context = (until: number) => {
      for (; oldIndex < until; oldIndex++, newIndex++) {
        body.push(` ${before.lines[oldIndex]}`);
        if (oldIndex === before.lines.length - 1 && !before.finalNewline) body.push(NO_NEWLINE);
      }
    };
    for (const edit of group) {
      context(edit.at);
      for (let i = 0; i < edit.remove; i++, oldIndex++) {
        body.push(`-${before.lines[oldIndex]}`);
        if (oldIndex === before.lines.length - 1 && !before.finalNewline) body.push(NO_NEWLINE);
      }
      for (const line of edit.insert) {
        body.push(`+${line}`);
        if (newIndex === after.lines.length - 1 && !after.finalNewline) body.push(NO_NEWLINE);
        newIndex++;
      }
      shift += edit.insert.length - edit.remove;
    }
    context(oldEnd);
    const oldCount = oldEnd - oldStart;
    const newCount = oldCount + group.reduce((n, edit) => n + edit.insert.length - edit.remove, 0);
    const newStart = oldStart + shift - group.reduce((n, edit) => n + edit.insert.length - edit.remove, 0);
    const range = (start: number, count: number) => (count === 0 ? `${start},0` : count === 1 ? `${start + 1}` : `${start + 1},${count}`);
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, ...body);
  }
  return out;
}

/** A short, stable stand-in for a blob id (git's `index abc1234..def5678`). */
export function blobId(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 7);
}

/** `git diff` of a modified text file. */
export function modifiedDiff(path: string, before: TextFile, edits: readonly Edit[], finalNewline?: boolean): string {
  const after = applyEdits(before, edits, finalNewline);
  const lines = [
    `diff --git a/${path} b/${path}`,
    `index ${blobId(fileText(before))}..${blobId(fileText(after))} 100644`,
    `--- a/${path}`,
    `+++ b/${path}`,
    ...hunksText(before, edits, after),
  ];
  return `${lines.join('\n')}\n`;
}

/** `git diff` of a file that is gone from the worktree. */
export function deletedDiff(path: string, before: TextFile): string {
  const hunk = hunksText(before, [{ at: 0, remove: before.lines.length, insert: [] }], { lines: [], finalNewline: true });
  const lines = [
    `diff --git a/${path} b/${path}`,
    'deleted file mode 100644',
    `index ${blobId(fileText(before))}..0000000`,
    `--- a/${path}`,
    '+++ /dev/null',
    ...hunk,
  ];
  return `${lines.join('\n')}\n`;
}

/** `git diff --cached` of a staged new file (also what a staged rename looks like when asked by its new path only). */
export function newFileDiff(path: string, after: TextFile): string {
  const hunk = hunksText({ lines: [], finalNewline: true }, [{ at: 0, remove: 0, insert: after.lines }], after);
  const lines = [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    `index 0000000..${blobId(fileText(after))}`,
    '--- /dev/null',
    `+++ b/${path}`,
    ...hunk,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * SAM's VM agent's own diff for an untracked file (`formatAsAdditions`, git.go): no `diff --git` line, the
 * count taken from the file's lines, and no "No newline" marker even when the file has no final newline.
 */
export function untrackedDiff(path: string, content: string): string {
  const lines = content.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}\n`).join('')}`;
}

/** `git diff` of a binary file. */
export function binaryDiff(path: string): string {
  return `diff --git a/${path} b/${path}\nindex 3f1c2a9..8e0b7d4 100644\nBinary files a/${path} and b/${path} differ\n`;
}
