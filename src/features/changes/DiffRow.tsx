import { memo } from 'react';
import type { ChangedFile, ChangeRow, FileDiffState } from './changeRows';
import { statusLetter } from './changeRows';
import { CodeText } from './CodeText';
import type { LineHighlighter } from './highlight';
import { isCommentable, type LineRef } from './lineComments';
import type { DiffLine } from './unifiedDiff';

/* The rows of the virtualised diff: a file's header (its collapse button), a diff line, or a note. */

const LINE_STYLES: Record<DiffLine['kind'], string> = {
  add: 'bg-[#e6ffec] dark:bg-[#12261e]',
  del: 'bg-[#ffebe9] dark:bg-[#25171c]',
  context: '',
  hunk: 'bg-raised text-muted',
  meta: 'text-muted',
  noNewline: 'text-muted italic',
};

const SIGN_STYLES: Partial<Record<DiffLine['kind'], string>> = {
  add: 'text-[#116329] dark:text-[#56d364]',
  del: 'text-[#a40e26] dark:text-[#ff8a80]',
};

export function FileCounts({ state }: { state: FileDiffState | undefined }) {
  if (!state || state.kind !== 'loaded') return null;
  const additions = state.files.reduce((n, f) => n + f.additions, 0);
  const deletions = state.files.reduce((n, f) => n + f.deletions, 0);
  if (state.files.some((f) => f.isBinary) && additions + deletions === 0) return <span className="text-muted">binary</span>;
  return (
    <span className="whitespace-nowrap tabular-nums">
      <span className={SIGN_STYLES.add}>+{additions}</span> <span className={SIGN_STYLES.del}>−{deletions}</span>
    </span>
  );
}

export function StatusLetter({ status }: { status: string }) {
  const { letter, word } = statusLetter(status);
  return (
    <span className="inline-flex w-5 shrink-0 justify-center rounded bg-raised font-mono text-xs font-semibold" title={word}>
      <span aria-hidden="true">{letter}</span>
      <span className="sr-only">{word}</span>
    </span>
  );
}

const AREA_WORDS: Record<ChangedFile['area'], string> = { staged: 'staged', unstaged: 'not staged', untracked: 'untracked' };

interface DiffRowProps {
  row: ChangeRow;
  file: ChangedFile;
  state: FileDiffState | undefined;
  collapsed: boolean;
  onToggle(key: string): void;
  language: string | null;
  highlighter: LineHighlighter | null;
  /** Line numbers are buttons that choose lines (always with a fine pointer; on a touch screen in "Choose lines"). */
  pickable: boolean;
  /** The line is one of the lines chosen for a comment. */
  selected: boolean;
  /** A line number was pressed (with shift held, to grow the chosen range). */
  onPickLine(line: LineRef, shift: boolean): void;
}

/* Chosen lines: the number turns to the accent colour and the line takes a tint of it, in both themes. */
const SELECTED_LINE = 'bg-[#dbe4ff] dark:bg-[#24325a]';

function lineLabel(line: DiffLine, path: string): string {
  if (line.kind === 'add') return `Added line ${line.newNumber} of ${path}`;
  if (line.kind === 'del') return `Removed line ${line.oldNumber} of ${path}`;
  return `Line ${line.newNumber} of ${path}`;
}

export const DiffRow = memo(function DiffRow({ row, file, state, collapsed, onToggle, language, highlighter, pickable, selected, onPickLine }: DiffRowProps) {
  if (row.type === 'file') {
    return (
      <h2 className="border-y border-line bg-surface text-sm">
        <button
          type="button"
          aria-expanded={!collapsed}
          onClick={() => onToggle(file.key)}
          className="flex min-h-11 w-full min-w-0 items-center gap-2 px-2 text-left hover:bg-raised pointer-fine:min-h-9"
        >
          <span aria-hidden="true" className={`inline-block shrink-0 transition-transform ${collapsed ? '' : 'rotate-90'}`}>
            ▸
          </span>
          <StatusLetter status={file.status} />
          <span className="min-w-0 flex-1 break-all font-mono text-xs">
            {file.oldPath ? `${file.oldPath} → ${file.path}` : file.path}
            <span className="text-muted"> ({AREA_WORDS[file.area]})</span>
          </span>
          <FileCounts state={state} />
        </button>
      </h2>
    );
  }
  if (row.type === 'note') {
    return <p className={`px-3 py-2 text-sm ${row.tone === 'error' ? 'text-state-failed' : 'text-muted'}`}>{row.text}</p>;
  }
  const { line } = row;
  if (line.kind === 'hunk') {
    return (
      <div data-kind="hunk" tabIndex={-1} className={`break-all px-2 py-0.5 font-mono text-xs ${LINE_STYLES.hunk}`}>
        {line.text}
      </div>
    );
  }
  const code = line.kind === 'add' || line.kind === 'del' || line.kind === 'context' ? line.text.slice(1) : line.text;
  const sign = line.kind === 'add' ? '+' : line.kind === 'del' ? '-' : line.kind === 'context' ? ' ' : '';
  const numbers = (
    <>
      <span aria-hidden="true" className="w-[4.5ch] shrink-0 select-none pr-1 text-right">
        {line.oldNumber ?? ''}
      </span>
      <span aria-hidden="true" className="w-[4.5ch] shrink-0 select-none pr-1 text-right">
        {line.newNumber ?? ''}
      </span>
    </>
  );
  const commentable = pickable && isCommentable(line) && row.hunkIndex >= 0;
  return (
    <div
      data-kind={line.kind}
      data-selected={selected || undefined}
      className={`flex font-mono text-xs leading-5 ${selected ? SELECTED_LINE : LINE_STYLES[line.kind]}`}
    >
      {commentable ? (
        // On a touch screen a line number is a whole touch target (44 px), so the row is that tall while choosing.
        <button
          type="button"
          data-line-button=""
          aria-pressed={selected}
          aria-label={lineLabel(line, file.path)}
          onClick={(event) => onPickLine({ fileKey: file.key, diffIndex: row.diffIndex, hunkIndex: row.hunkIndex, lineIndex: row.lineIndex }, event.shiftKey)}
          className={`flex shrink-0 items-start pointer-coarse:min-h-11 ${selected ? 'bg-accent text-accent-fg' : 'text-muted hover:bg-raised'}`}
        >
          {numbers}
        </button>
      ) : (
        <span className="flex shrink-0 text-muted">{numbers}</span>
      )}
      <span className={`w-[2ch] shrink-0 select-none text-center ${SIGN_STYLES[line.kind] ?? ''}`}>{sign}</span>
      <span className="min-w-0 flex-1 whitespace-pre-wrap break-all pr-2">
        {line.kind === 'meta' || line.kind === 'noNewline' ? code : <CodeText code={code} language={language} highlighter={highlighter} />}
      </span>
    </div>
  );
});
