import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFollowUpText } from '../../reconcile/comments';
import { changeRows } from './changeRows';
import {
  isCommentable,
  isLineSelected,
  lineRefOf,
  linesAnchor,
  neighbourLineRow,
  NO_SELECTION,
  selectionBounds,
  selectionReducer,
  type LineRef,
  type SelectionAction,
  type SelectionState,
} from './lineComments';
import { parseUnifiedDiff, type FileDiff } from './unifiedDiff';

const RETRY_DIFF = `diff --git a/src/retry.ts b/src/retry.ts
index 1111111..2222222 100644
--- a/src/retry.ts
+++ b/src/retry.ts
@@ -10,4 +10,5 @@ export function withRetry
 const base = 100;
-const attempts = 3;
+const attempts = 5;
+const maxDelayMs = 10_000;
 for (;;) {
   await sleep(base);
@@ -40,3 +41,1 @@
 done();
-legacy();
-cleanup();
`;
const retry = parseUnifiedDiff(RETRY_DIFF).files[0] as FileDiff;

/** The ref of the n-th line of a hunk's body (0 = the first line after its `@@`). */
function ref(diff: FileDiff, hunkIndex: number, n: number, fileKey = 'unstaged:src/retry.ts'): LineRef {
  return { fileKey, diffIndex: 0, hunkIndex, lineIndex: (diff.hunks[hunkIndex]?.lineIndex ?? 0) + 1 + n };
}
const pick = (line: LineRef, shift = false): SelectionAction => ({ type: 'pick', line, shift });
const run = (actions: SelectionAction[], from: SelectionState = NO_SELECTION) => actions.reduce(selectionReducer, from);

describe('selectionReducer', () => {
  it('starts a range at a picked line and grows it with shift, either way', () => {
    const state = run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 3), true)]);
    expect(state.selection).toMatchObject({ anchor: ref(retry, 0, 1).lineIndex, focus: ref(retry, 0, 3).lineIndex });
    const upward = run([pick(ref(retry, 0, 0), true)], state);
    expect(selectionBounds(upward.selection!)).toEqual({ first: ref(retry, 0, 0).lineIndex, last: ref(retry, 0, 1).lineIndex });
  });

  it('grows the range with Extend on (the touch way), and Extend stays on until a new range starts', () => {
    let state = run([pick(ref(retry, 0, 2)), { type: 'toggleExtend' }, pick(ref(retry, 0, 4))]);
    expect(state).toMatchObject({ extending: true, selection: { anchor: ref(retry, 0, 2).lineIndex, focus: ref(retry, 0, 4).lineIndex } });
    state = run([pick(ref(retry, 0, 0))], state);
    expect(state.selection?.focus).toBe(ref(retry, 0, 0).lineIndex);
    state = run([pick(ref(retry, 1, 0))], state);
    expect(state).toEqual({
      extending: false,
      selection: { fileKey: 'unstaged:src/retry.ts', diffIndex: 0, hunkIndex: 1, anchor: ref(retry, 1, 0).lineIndex, focus: ref(retry, 1, 0).lineIndex },
    });
  });

  it('starts afresh when shift-picking in another hunk or another file, never crossing them', () => {
    const started = run([pick(ref(retry, 0, 1))]);
    expect(run([pick(ref(retry, 1, 1), true)], started).selection).toMatchObject({ hunkIndex: 1, anchor: ref(retry, 1, 1).lineIndex });
    expect(run([pick(ref(retry, 0, 3, 'staged:src/retry.ts'), true)], started).selection).toMatchObject({ fileKey: 'staged:src/retry.ts' });
  });

  it('lets go of a lone line picked again, ignores Extend with nothing chosen, and clears', () => {
    expect(run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 1))])).toEqual(NO_SELECTION);
    expect(run([{ type: 'toggleExtend' }])).toEqual(NO_SELECTION);
    expect(run([pick(ref(retry, 0, 1)), { type: 'toggleExtend' }, { type: 'clear' }])).toEqual(NO_SELECTION);
    // A range of two picked again at one end is not let go: it becomes that one line.
    const two = run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 2), true)]);
    expect(run([pick(ref(retry, 0, 1))], two).selection).toMatchObject({ anchor: ref(retry, 0, 1).lineIndex, focus: ref(retry, 0, 1).lineIndex });
  });

  it('says which lines are chosen', () => {
    const state = run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 2), true)]);
    expect(isLineSelected(state.selection, ref(retry, 0, 2))).toBe(true);
    expect(isLineSelected(state.selection, ref(retry, 0, 3))).toBe(false);
    expect(isLineSelected(state.selection, ref(retry, 0, 2, 'staged:src/retry.ts'))).toBe(false);
  });
});

describe('linesAnchor', () => {
  it('numbers a range by the new file and keeps its removed lines, marked', () => {
    const state = run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 3), true)]);
    expect(linesAnchor('src/retry.ts', retry, state.selection!)).toEqual({
      kind: 'lines',
      path: 'src/retry.ts',
      firstLine: 11,
      lastLine: 12,
      side: 'new',
      quote: ['-const attempts = 3;', '+const attempts = 5;', '+const maxDelayMs = 10_000;'].join('\n'),
    });
    // An unchanged line keeps its space mark, and its indentation.
    const withContext = run([pick(ref(retry, 0, 4)), pick(ref(retry, 0, 5), true)]);
    expect(linesAnchor('src/retry.ts', retry, withContext.selection!)).toMatchObject({
      firstLine: 13,
      lastLine: 14,
      quote: ' for (;;) {\n   await sleep(base);',
    });
  });

  it('numbers a range of removed lines only by the old file', () => {
    const state = run([pick(ref(retry, 1, 1)), pick(ref(retry, 1, 2), true)]);
    expect(linesAnchor('src/retry.ts', retry, state.selection!)).toEqual({
      kind: 'lines',
      path: 'src/retry.ts',
      firstLine: 41,
      lastLine: 42,
      side: 'old',
      quote: '-legacy();\n-cleanup();',
    });
  });

  it('gives nothing for a selection the diff no longer has (it was read again)', () => {
    const state = run([pick(ref(retry, 1, 1))]);
    const shorter = parseUnifiedDiff(RETRY_DIFF.split('@@ -40')[0] as string).files[0] as FileDiff;
    expect(linesAnchor('src/retry.ts', shorter, state.selection!)).toBeNull();
  });

  it('goes into the follow-up under the file and its lines', () => {
    const state = run([pick(ref(retry, 0, 1)), pick(ref(retry, 0, 3), true)]);
    const text = buildFollowUpText([{ anchor: linesAnchor('src/retry.ts', retry, state.selection!)!, body: 'Why 5?' }]);
    expect(text).toContain('1. On src/retry.ts lines 11–12 (diff lines: + added, - removed; numbered as the file is now):\n```quote\n-const attempts = 3;\n');
  });
});

describe('neighbourLineRow (the arrow keys on a line number)', () => {
  const file = { key: 'unstaged:src/retry.ts', path: 'src/retry.ts', oldPath: null, status: 'M', area: 'unstaged' as const };
  const rows = changeRows([file], [{ kind: 'loaded', files: [retry] }], new Set());
  const rowOf = (hunkIndex: number, n: number) => rows.findIndex((row) => row.type === 'line' && row.lineIndex === ref(retry, hunkIndex, n).lineIndex);
  const lastOfFirstHunk = rowOf(0, 5);

  it('moves to the next or previous line number, past a hunk header when free, not when growing a range', () => {
    expect(neighbourLineRow(rows, rowOf(0, 1), 1, true)).toBe(rowOf(0, 2));
    expect(neighbourLineRow(rows, rowOf(0, 1), -1, true)).toBe(rowOf(0, 0));
    expect(neighbourLineRow(rows, lastOfFirstHunk, 1, false)).toBe(rowOf(1, 0));
    expect(neighbourLineRow(rows, lastOfFirstHunk, 1, true)).toBeNull();
    expect(neighbourLineRow(rows, rowOf(0, 0), -1, false)).toBeNull();
    expect(lineRefOf(rows[rowOf(1, 0)], file.key)).toEqual(ref(retry, 1, 0));
    expect(lineRefOf(rows[0], file.key)).toBeNull(); // the file's header row
  });
});

// Diffs of several files of several hunks, each hunk a random run of unchanged, added and removed lines.
const hunkBody = fc.array(fc.constantFrom('context', 'add', 'del'), { minLength: 1, maxLength: 8 });
const fileBodies = fc.array(fc.array(hunkBody, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 });

function diffText(files: string[][][]): string {
  return files
    .map((hunks, f) => {
      let oldAt = 1;
      let newAt = 1;
      const parts = [`diff --git a/f${f}.ts b/f${f}.ts`, `--- a/f${f}.ts`, `+++ b/f${f}.ts`];
      hunks.forEach((kinds, h) => {
        const oldCount = kinds.filter((k) => k !== 'add').length;
        const newCount = kinds.filter((k) => k !== 'del').length;
        parts.push(`@@ -${oldAt},${oldCount} +${newAt},${newCount} @@`);
        kinds.forEach((kind, i) => parts.push(`${kind === 'add' ? '+' : kind === 'del' ? '-' : ' '}line ${f}.${h}.${i}`));
        oldAt += oldCount + 5;
        newAt += newCount + 5;
      });
      return parts.join('\n');
    })
    .join('\n')
    .concat('\n');
}

describe('choosing lines, over any diff', () => {
  const scenario = fileBodies.chain((files) => {
    const diffs = parseUnifiedDiff(diffText(files)).files;
    const file = { key: 'unstaged:all', path: 'all', oldPath: null, status: 'M', area: 'unstaged' as const };
    const refs: LineRef[] = changeRows([file], [{ kind: 'loaded', files: diffs }], new Set()).flatMap((row) =>
      row.type === 'line' && isCommentable(row.line)
        ? [{ fileKey: file.key, diffIndex: row.diffIndex, hunkIndex: row.hunkIndex, lineIndex: row.lineIndex }]
        : [],
    );
    const action: fc.Arbitrary<SelectionAction> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ type: fc.constant('pick' as const), line: fc.constantFrom(...refs), shift: fc.boolean() }) },
      { weight: 1, arbitrary: fc.constant({ type: 'toggleExtend' as const }) },
      { weight: 1, arbitrary: fc.constant({ type: 'clear' as const }) },
    );
    return fc.record({ diffs: fc.constant(diffs), actions: fc.array(action, { maxLength: 12 }) });
  });

  it('keeps a range inside one hunk of one file, and its quote has one line per chosen line, numbered without gaps', () => {
    fc.assert(
      fc.property(scenario, ({ diffs, actions }) => {
        const { selection } = run(actions);
        if (!selection) return;
        const diff = diffs[selection.diffIndex] as FileDiff;
        const { first, last } = selectionBounds(selection);
        const hunkStart = diff.hunks[selection.hunkIndex]!.lineIndex;
        const hunkEnd = diff.hunks[selection.hunkIndex + 1]?.lineIndex ?? diff.lines.length;
        expect(first).toBeGreaterThan(hunkStart);
        expect(last).toBeLessThan(hunkEnd);

        const anchor = linesAnchor(`f${selection.diffIndex}.ts`, diff, selection)!;
        const chosen = diff.lines.slice(first, last + 1);
        const quoteLines = anchor.quote.split('\n');
        expect(quoteLines).toHaveLength(chosen.length);
        expect(quoteLines.map((line) => line.slice(1))).toEqual(chosen.map((line) => line.text.slice(1)));
        // The numbered side's lines are exactly the range firstLine..lastLine.
        const counted = quoteLines.filter((line) => (anchor.side === 'new' ? !line.startsWith('-') : line.startsWith('-')));
        expect(counted).toHaveLength(anchor.lastLine - anchor.firstLine + 1);
        if (anchor.side === 'old') expect(quoteLines.every((line) => line.startsWith('-'))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
