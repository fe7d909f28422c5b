import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, renderDiff } from './unifiedDiff';

const GIT_MODIFIED = `diff --git a/src/retry.ts b/src/retry.ts
index 1111111..2222222 100644
--- a/src/retry.ts
+++ b/src/retry.ts
@@ -1,4 +1,5 @@ export function withRetry
 import { sleep } from './sleep';
-const attempts = 3;
+const attempts = 5;
+const maxDelayMs = 10_000;
 
 export {};
@@ -20,2 +21,2 @@
--- not a header, a removed line
++++ not a header, an added line
`;

describe('parseUnifiedDiff', () => {
  it('numbers the lines of a modified file and counts its changes', () => {
    const { files } = parseUnifiedDiff(GIT_MODIFIED);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatchObject({ oldPath: 'src/retry.ts', newPath: 'src/retry.ts', additions: 3, deletions: 2, isNew: false, isBinary: false });
    expect(file!.hunks.map((h) => [h.oldStart, h.oldCount, h.newStart, h.newCount, h.section])).toEqual([
      [1, 4, 1, 5, 'export function withRetry'],
      [20, 2, 21, 2, ''],
    ]);
    const numbered = file!.lines.filter((l) => l.kind !== 'meta' && l.kind !== 'hunk').map((l) => [l.kind, l.oldNumber, l.newNumber]);
    expect(numbered).toEqual([
      ['context', 1, 1],
      ['del', 2, null],
      ['add', null, 2],
      ['add', null, 3],
      ['context', 3, 4],
      ['context', 4, 5],
      ['del', 20, null],
      ['add', null, 21],
    ]);
  });

  it('reads a removed line that looks like `--- x` as a removal, not a new file', () => {
    const { files } = parseUnifiedDiff(GIT_MODIFIED);
    const last = files[0]!.lines.slice(-2);
    expect(last.map((l) => l.kind)).toEqual(['del', 'add']);
  });

  it("reads SAM's untracked-file diff (no `diff --git`), a deleted file, a binary file and a missing final newline", () => {
    const text = [
      '--- /dev/null',
      '+++ b/scripts/migrate.py',
      '@@ -0,0 +1,2 @@',
      '+import sqlite3',
      '+print(1)',
      'diff --git a/old.js b/old.js',
      'deleted file mode 100644',
      'index abc1234..0000000',
      '--- a/old.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-gone',
      'diff --git a/logo.png b/logo.png',
      'index 3f1c2a9..8e0b7d4 100644',
      'Binary files a/logo.png and b/logo.png differ',
      '--- a/docs/runbook.md',
      '+++ b/docs/runbook.md',
      '@@ -5 +5,2 @@',
      '-3. Watch it.',
      '\\ No newline at end of file',
      '+3. Watch it longer.',
      '+4. Resume.',
      '',
    ].join('\n');
    const { files } = parseUnifiedDiff(text);
    expect(files.map((f) => [f.oldPath, f.newPath, f.isNew, f.isDeleted, f.isBinary, f.additions, f.deletions])).toEqual([
      [null, 'scripts/migrate.py', true, false, false, 2, 0],
      ['old.js', null, false, true, false, 0, 1],
      ['logo.png', 'logo.png', false, false, true, 0, 0],
      ['docs/runbook.md', 'docs/runbook.md', false, false, false, 2, 1],
    ]);
    expect(files[3]!.lines.map((l) => l.kind)).toEqual(['meta', 'meta', 'hunk', 'del', 'noNewline', 'add', 'add']);
  });

  it('reads a rename', () => {
    const { files } = parseUnifiedDiff('diff --git a/a b/b\nsimilarity index 100%\nrename from util/fmt.ts\nrename to util/format.ts\n');
    expect(files[0]).toMatchObject({ isRename: true, oldPath: 'util/fmt.ts', newPath: 'util/format.ts' });
  });

  it('gives the empty text back for an empty diff', () => {
    expect(parseUnifiedDiff('').files).toEqual([]);
    expect(renderDiff(parseUnifiedDiff(''))).toBe('');
  });
});

/** Lines that look like diff syntax, so the generator hits the grammar's corners, not only plain text. */
const diffishLine = fc.oneof(
  fc.constantFrom(
    'diff --git a/x b/x',
    '--- a/x',
    '+++ b/x',
    '--- /dev/null',
    '+++ /dev/null',
    '\\ No newline at end of file',
    'Binary files a/x and b/x differ',
    '',
    ' ',
    '@@ -1 +1 @@',
  ),
  fc
    .tuple(fc.nat(30), fc.option(fc.nat(6)), fc.nat(30), fc.option(fc.nat(6)))
    .map(([a, b, c, d]) => `@@ -${a}${b === null ? '' : `,${b}`} +${c}${d === null ? '' : `,${d}`} @@ ctx`),
  fc.tuple(fc.constantFrom(' ', '+', '-', '\\', 'x'), fc.string({ maxLength: 12 })).map(([mark, rest]) => mark + rest.replace(/[\r\n]/g, '')),
);
const diffText = fc
  .tuple(fc.array(diffishLine, { maxLength: 60 }), fc.boolean())
  .map(([lines, newline]) => lines.join('\n') + (newline && lines.length > 0 ? '\n' : ''));

describe('parseUnifiedDiff properties', () => {
  it('keeps every line, in order: rendering the parse gives the text back', () => {
    fc.assert(
      fc.property(diffText, (text) => {
        expect(renderDiff(parseUnifiedDiff(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts exactly the add and del lines, and every hunk index points at its `@@` line', () => {
    fc.assert(
      fc.property(diffText, (text) => {
        for (const file of parseUnifiedDiff(text).files) {
          expect(file.additions).toBe(file.lines.filter((l) => l.kind === 'add').length);
          expect(file.deletions).toBe(file.lines.filter((l) => l.kind === 'del').length);
          for (const hunk of file.hunks) expect(file.lines[hunk.lineIndex]?.kind).toBe('hunk');
          expect(file.hunks.length).toBe(file.lines.filter((l) => l.kind === 'hunk').length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('numbers new-side lines consecutively within a hunk', () => {
    fc.assert(
      fc.property(diffText, (text) => {
        for (const file of parseUnifiedDiff(text).files) {
          let expected: number | null = null;
          for (const line of file.lines) {
            if (line.kind === 'hunk') expected = file.hunks.find((h) => file.lines[h.lineIndex] === line)!.newStart;
            else if (line.kind === 'meta') expected = null;
            else if (line.newNumber !== null && expected !== null) expect(line.newNumber).toBe(expected++);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
