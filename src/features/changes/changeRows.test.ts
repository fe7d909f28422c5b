import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTO_DIFF_FILES,
  changedFiles,
  changeRows,
  clipLine,
  diffTotals,
  hunkJump,
  hunkRowIndexes,
  initiallyCollapsed,
  MAX_DRAWN_CHARS,
  statusLetter,
  wantsDiff,
  type FileDiffState,
} from './changeRows';
import { parseUnifiedDiff } from './unifiedDiff';

const status = {
  staged: [
    { path: 'src/index.ts', status: 'M' },
    { path: 'src/util/format.ts', status: 'R', oldPath: 'src/util/fmt.ts' },
  ],
  unstaged: [
    { path: 'src/index.ts', status: 'M' },
    { path: 'src/index.ts', status: 'M' },
  ],
  untracked: [{ path: 'scripts/migrate.py', status: '??' }],
};

const twoHunks = parseUnifiedDiff('diff --git a/x b/x\nindex 1..2 100644\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n@@ -9 +9 @@\n-c\n+d\n').files;

describe('changedFiles', () => {
  it('lists a file once per staging area, in SAM order, with the rename source', () => {
    expect(changedFiles(status).map((f) => [f.key, f.oldPath])).toEqual([
      ['staged:src/index.ts', null],
      ['staged:src/util/format.ts', 'src/util/fmt.ts'],
      ['unstaged:src/index.ts', null],
      ['untracked:scripts/migrate.py', null],
    ]);
  });
  it('shows untracked as ? and an unknown letter as it came', () => {
    expect(statusLetter('??')).toEqual({ letter: '?', word: 'untracked' });
    expect(statusLetter('X')).toEqual({ letter: 'X', word: 'status X' });
  });
});

describe('changeRows', () => {
  const files = changedFiles(status);
  const diffs: FileDiffState[] = [
    { kind: 'loaded', files: twoHunks },
    { kind: 'loading' },
    { kind: 'error', message: 'VM said no' },
    { kind: 'loaded', files: [] },
  ];

  it('draws a header per file, hides the header lines, and says why a file has no lines', () => {
    const rows = changeRows(files, diffs, new Set());
    expect(rows.map((r) => (r.type === 'line' ? r.line.text : r.type === 'note' ? `note:${r.text}` : `file:${files[r.fileIndex]!.path}`))).toEqual([
      'file:src/index.ts',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      '@@ -9 +9 @@',
      '-c',
      '+d',
      'file:src/util/format.ts',
      'note:Loading the diff…',
      'file:src/index.ts',
      'note:VM said no',
      'file:scripts/migrate.py',
      'note:Empty file.',
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('leaves a collapsed file its header only', () => {
    const rows = changeRows(files, diffs, new Set(['staged:src/index.ts']));
    expect(rows[0]?.type).toBe('file');
    expect(rows[1]).toMatchObject({ type: 'file', fileIndex: 1 });
    expect(hunkRowIndexes(rows)).toEqual([]);
  });

  it('totals only the diffs that answered', () => {
    expect(diffTotals(diffs, files.length)).toEqual({ files: 4, additions: 2, deletions: 2, pending: 2 });
  });
});

describe('hunkJump', () => {
  const sortedIndexes = fc.uniqueArray(fc.nat(500), { maxLength: 40 }).map((a) => a.sort((x, y) => x - y));
  it('lands on a hunk header, the nearest one in the asked direction, or nowhere when there is none', () => {
    fc.assert(
      fc.property(sortedIndexes, fc.nat(520), fc.constantFrom('next' as const, 'previous' as const), (hunks, from, direction) => {
        const to = hunkJump(hunks, from, direction);
        const candidates = hunks.filter((h) => (direction === 'next' ? h > from : h < from));
        if (candidates.length === 0) expect(to).toBeNull();
        else expect(to).toBe(direction === 'next' ? candidates[0] : candidates[candidates.length - 1]);
      }),
    );
  });
  it('from the rows of a real diff, next then next visits every hunk header in order', () => {
    const rows = changeRows(
      changedFiles(status),
      [
        { kind: 'loaded', files: twoHunks },
        { kind: 'loaded', files: twoHunks },
      ],
      new Set(),
    );
    const hunks = hunkRowIndexes(rows);
    const visited: number[] = [];
    for (let at: number | null = hunkJump(hunks, -1, 'next'); at !== null; at = hunkJump(hunks, at, 'next')) visited.push(at);
    expect(visited).toEqual(hunks);
    expect(visited.every((i) => rows[i]?.type === 'line' && rows[i].line.kind === 'hunk')).toBe(true);
  });
});

describe('many changed files', () => {
  it('asks for the first 40 diffs at once, and any other once its file is opened', () => {
    const many = changedFiles({ staged: [], unstaged: [], untracked: Array.from({ length: 45 }, (_, i) => ({ path: `vendor/f${i}.js`, status: '??' })) });
    const collapsed = initiallyCollapsed(many);
    expect([...collapsed]).toEqual(many.slice(AUTO_DIFF_FILES).map((f) => f.key));
    expect(many.map((file, i) => wantsDiff(i, file, collapsed)).filter(Boolean)).toHaveLength(AUTO_DIFF_FILES);
    const opened = new Set(collapsed);
    opened.delete(many[42]!.key);
    expect(wantsDiff(42, many[42]!, opened)).toBe(true);
    // A file of the first 40 the reader collapsed keeps its (already loaded) diff.
    expect(wantsDiff(0, many[0]!, new Set([many[0]!.key]))).toBe(true);
  });
});

describe('clipLine', () => {
  it('draws at most MAX_DRAWN_CHARS and counts the rest', () => {
    expect(clipLine('x'.repeat(MAX_DRAWN_CHARS + 5))).toEqual({ shown: 'x'.repeat(MAX_DRAWN_CHARS), hidden: 5 });
    expect(clipLine('short')).toEqual({ shown: 'short', hidden: 0 });
  });
});
