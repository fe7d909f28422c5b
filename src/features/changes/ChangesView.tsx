import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { GitDiff } from '../../api/contract/workspace';
import { workspaceQueries } from '../../api/workspace';
import { Button } from '../../ui/Button';
import { DisclosureButton } from '../../ui/DisclosureButton';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { ErrorCard } from '../../ui/ErrorCard';
import { LiveAnnouncement } from '../../ui/LiveAnnouncement';
import { Spinner } from '../../ui/Spinner';
import { addToCommentTray, useCommentTray } from '../../state/commentTray';
import {
  changedFiles,
  changeRows,
  diffTotals,
  hunkJump,
  hunkRowIndexes,
  initiallyCollapsed,
  wantsDiff,
  type ChangedFile,
  type FileDiffState,
} from './changeRows';
import { DiffRow, FileCounts, StatusLetter } from './DiffRow';
import { languageOf } from './highlight';
import { LineCommentBar, PRESSED } from './LineCommentBar';
import { isLineSelected, lineRefOf, linesAnchor, neighbourLineRow, NO_SELECTION, selectionBounds, selectionReducer, type LineRef } from './lineComments';
import { useLineHighlighter } from './useLineHighlighter';
import { parseUnifiedDiff, type FileDiff } from './unifiedDiff';
import { workspaceProblem } from './workspaceError';

/*
 * The changed files of a session's workspace and their unified diff. SAM answers a diff per file and staging
 * area, so each file's diff is its own request; the view draws what has answered and says what has not.
 * The diff is one virtualised list (file headers, hunk headers, lines), so a 2,000-line diff mounts the
 * rows on screen only. `n` / `p` (or the buttons) jump to the next / previous hunk. Line numbers are buttons
 * (on a touch screen under "Choose lines") that choose lines for a comment (lineComments.ts), which joins the
 * chat's comment tray.
 */

const parseDiff = (data: GitDiff): FileDiff[] => parseUnifiedDiff(data.diff).files;

function toDiffStates(results: UseQueryResult<FileDiff[]>[]): FileDiffState[] {
  return results.map((result) => {
    if (result.data) return { kind: 'loaded', files: result.data };
    if (result.isError) return { kind: 'error', message: workspaceProblem(result.error, 'diff').message };
    return { kind: 'loading' };
  });
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function ChangesView({ projectId, sessionId }: { projectId: string; sessionId: string }) {
  const status = useQuery(workspaceQueries.status(projectId, sessionId));
  const files = useMemo(() => (status.data ? changedFiles(status.data) : []), [status.data]);
  if (status.isPending) return <Spinner label="Reading git status" className="m-4" />;
  if (status.isError) {
    const problem = workspaceProblem(status.error, 'changes');
    return (
      <div className="p-3 sm:p-4">
        <ErrorCard title={problem.title} message={problem.message} onRetry={() => void status.refetch()} />
      </div>
    );
  }
  return <ChangesDiff projectId={projectId} sessionId={sessionId} files={files} onRefresh={() => void status.refetch()} />;
}

interface ChangesDiffProps {
  projectId: string;
  sessionId: string;
  files: ChangedFile[];
  onRefresh(): void;
}

function ChangesDiff({ projectId, sessionId, files, onRefresh }: ChangesDiffProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => initiallyCollapsed(files));
  const diffs = useQueries({
    queries: files.map((file, index) => ({
      ...workspaceQueries.diff(projectId, sessionId, file.path, file.area === 'staged'),
      select: parseDiff,
      enabled: wantsDiff(index, file, collapsed),
    })),
    combine: toDiffStates,
  });
  const toggle = useCallback((key: string) => {
    setCollapsed((held) => {
      const next = new Set(held);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const rows = useMemo(() => changeRows(files, diffs, collapsed), [files, diffs, collapsed]);
  const hunks = useMemo(() => hunkRowIndexes(rows), [rows]);
  const totals = diffTotals(diffs, files.length);
  const highlighter = useLineHighlighter();
  // A phone shows the diff first; the list of files is one tap away. A wide screen has room for both.
  const wide = useMediaQuery('(min-width: 768px)');
  const [listChoice, setListChoice] = useState<boolean | null>(null);
  const listOpen = listChoice ?? (wide || files.length <= 3);

  const listId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  // The diff starts below the file list, whose height changes with the files only.
  useLayoutEffect(() => {
    setScrollMargin(listRef.current?.offsetTop ?? 0);
  }, [files, listOpen]);
  // Lookout does not run the React Compiler; the virtualizer's own re-renders drive this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === 'file' ? 45 : 20),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 12,
    scrollMargin,
  });

  const [hunkAt, setHunkAt] = useState<number | null>(null);
  const topRow = useCallback((): number => {
    const offset = (scrollRef.current?.scrollTop ?? 0) - scrollMargin;
    if (offset <= 0) return -1;
    const top = virtualizer.getVirtualItems().find((item) => item.end - scrollMargin > offset + 1);
    return top?.index ?? -1;
  }, [virtualizer, scrollMargin]);
  const jump = useCallback(
    (direction: 'next' | 'previous') => {
      const from = hunkAt !== null && Math.abs(hunkAt - topRow()) <= 1 ? hunkAt : topRow();
      const to = hunkJump(hunks, from, direction);
      if (to === null) return;
      setHunkAt(to);
      virtualizer.scrollToIndex(to, { align: 'start' });
    },
    [hunkAt, hunks, topRow, virtualizer],
  );
  const jumpRef = useRef(jump);
  useEffect(() => {
    jumpRef.current = jump;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'n') jumpRef.current('next');
      else if (event.key === 'p') jumpRef.current('previous');
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const jumpToFile = useCallback(
    (key: string) => {
      // A file picked from the list is opened (past the first 40, its diff is asked for now).
      setCollapsed((held) => {
        if (!held.has(key)) return held;
        const next = new Set(held);
        next.delete(key);
        return next;
      });
      const index = rows.findIndex((row) => row.type === 'file' && files[row.fileIndex]?.key === key);
      if (index >= 0) virtualizer.scrollToIndex(index, { align: 'start' });
    },
    [rows, files, virtualizer],
  );
  const hunkNumber = hunkAt === null ? null : hunks.indexOf(hunkAt) + 1;

  const [lines, dispatchLines] = useReducer(selectionReducer, NO_SELECTION);
  // A touch screen reads the diff compact; "Choose lines" makes each line number a touch-sized button.
  const finePointer = useMediaQuery('(pointer: fine)');
  const [choosingByTouch, setChoosingByTouch] = useState(false);
  const pickable = finePointer || choosingByTouch;
  const [writing, setWriting] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const waiting = useCommentTray(sessionId).length;
  const pickLine = useCallback((line: LineRef, shift: boolean) => dispatchLines({ type: 'pick', line, shift }), []);
  const chosen = useMemo(() => {
    const selection = lines.selection;
    if (!selection) return null;
    const fileIndex = files.findIndex((file) => file.key === selection.fileKey);
    const state = diffs[fileIndex];
    const diff = state?.kind === 'loaded' ? state.files[selection.diffIndex] : undefined;
    return diff ? linesAnchor((files[fileIndex] as ChangedFile).path, diff, selection) : null;
  }, [lines.selection, files, diffs]);
  // Lines let go of (cleared, or the diff read again without them) end the comment being written about them.
  if (writing && lines.selection === null) setWriting(false);
  const isWriting = writing && chosen !== null;

  const focusLineRow = useCallback(
    (index: number) => {
      const find = () => listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-line-button]`);
      const button = find();
      if (button) return button.focus();
      virtualizer.scrollToIndex(index);
      requestAnimationFrame(() => find()?.focus());
    },
    [virtualizer],
  );
  const rowOfLine = useCallback(
    (line: LineRef) =>
      rows.findIndex(
        (row) => row.type === 'line' && row.diffIndex === line.diffIndex && row.lineIndex === line.lineIndex && files[row.fileIndex]?.key === line.fileKey,
      ),
    [rows, files],
  );
  const addComment = (body: string) => {
    const selection = lines.selection;
    if (!chosen || !selection) return;
    addToCommentTray(sessionId, chosen, body);
    setWriting(false);
    dispatchLines({ type: 'clear' });
    const count = waiting + 1;
    setAnnouncement(`Comment added. ${count === 1 ? '1 comment' : `${count} comments`} ready to send from the chat.`);
    // Back to where the comment was started; the way to send it when that line has scrolled away.
    const first = rowOfLine({ ...selection, lineIndex: selectionBounds(selection).first });
    if (first < 0 || !listRef.current?.querySelector(`[data-index="${first}"] [data-line-button]`)) {
      document.querySelector<HTMLElement>('[data-comments-waiting-link]')?.focus();
    } else focusLineRow(first);
  };

  // Up and down move between line numbers; with shift held they grow or shrink the range inside its hunk.
  const onDiffKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    if ((event.key !== 'ArrowDown' && event.key !== 'ArrowUp') || event.altKey || event.metaKey || event.ctrlKey) return;
    const target = event.target as HTMLElement;
    if (!target.matches('[data-line-button]')) return;
    const from = Number(target.closest('[data-index]')?.getAttribute('data-index'));
    const to = neighbourLineRow(rows, from, event.key === 'ArrowDown' ? 1 : -1, event.shiftKey);
    if (to === null) return;
    event.preventDefault();
    if (event.shiftKey) {
      const fileKey = files[(rows[from] as { fileIndex: number }).fileIndex]?.key ?? '';
      const fromLine = lineRefOf(rows[from], fileKey);
      const toLine = lineRefOf(rows[to], fileKey);
      if (!fromLine || !toLine) return;
      if (!isLineSelected(lines.selection, fromLine)) dispatchLines({ type: 'pick', line: fromLine, shift: false });
      dispatchLines({ type: 'pick', line: toLine, shift: true });
    }
    focusLineRow(to);
  };
  const keysRef = useRef({ chosen, isWriting, hasSelection: lines.selection !== null });
  useEffect(() => {
    keysRef.current = { chosen, isWriting, hasSelection: lines.selection !== null };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const held = keysRef.current;
      if (event.key === 'c' && held.chosen && !held.isWriting) setWriting(true);
      else if (event.key === 'Escape' && held.hasSelection && !held.isWriting) dispatchLines({ type: 'clear' });
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-1 border-b border-line bg-surface px-3 py-1.5 text-sm">
        <p className="min-w-0">
          {files.length === 0 ? 'No changes' : `${files.length} ${files.length === 1 ? 'file' : 'files'}`}
          {files.length > 0 && (
            <>
              {' · '}
              <span className="tabular-nums">
                +{totals.additions} −{totals.deletions}
              </span>
              {totals.pending > 0 && <span className="text-muted"> ({totals.pending} not loaded)</span>}
            </>
          )}
        </p>
        <div className="ml-auto flex flex-wrap items-center justify-end gap-1">
          <span role="status" className="whitespace-nowrap text-xs text-muted tabular-nums">
            {hunkNumber ? `Hunk ${hunkNumber} of ${hunks.length}` : hunks.length > 0 ? `${hunks.length} hunks` : ''}
          </span>
          <Button
            variant="ghost"
            aria-label="Previous hunk"
            title="Previous hunk (p)"
            aria-keyshortcuts="p"
            onClick={() => jump('previous')}
            disabled={hunks.length === 0}
          >
            <span aria-hidden="true">↑</span>
          </Button>
          <Button variant="ghost" aria-label="Next hunk" title="Next hunk (n)" aria-keyshortcuts="n" onClick={() => jump('next')} disabled={hunks.length === 0}>
            <span aria-hidden="true">↓</span>
          </Button>
          {!finePointer && files.length > 0 && (
            <Button
              variant="ghost"
              aria-pressed={choosingByTouch}
              className={`whitespace-nowrap ${PRESSED}`}
              onClick={() => {
                if (choosingByTouch) dispatchLines({ type: 'clear' });
                setChoosingByTouch(!choosingByTouch);
              }}
            >
              {choosingByTouch && <span aria-hidden="true">✓</span>}
              Choose lines
            </Button>
          )}
          <Button variant="ghost" onClick={onRefresh}>
            Refresh
          </Button>
        </div>
      </div>
      <div ref={scrollRef} className="relative min-h-0 flex-1 overflow-auto overscroll-contain">
        {files.length > 0 && (
          <div className="border-b border-line px-2">
            <DisclosureButton open={listOpen} onToggle={setListChoice} controls={listId} className="px-1">
              Changed files ({files.length})
            </DisclosureButton>
          </div>
        )}
        <div id={listId} hidden={!listOpen}>
          {listOpen && <FileList files={files} diffs={diffs} onJump={jumpToFile} />}
        </div>
        {files.length === 0 && <p className="p-4 text-sm text-muted">The workspace has no uncommitted changes.</p>}
        <div ref={listRef} role="region" aria-label="Diff" className="relative" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onDiffKeyDown}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const file = files[row.fileIndex] as ChangedFile;
            const language = languageOf(file.path);
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
              >
                <DiffRow
                  row={row}
                  file={file}
                  state={diffs[row.fileIndex]}
                  collapsed={collapsed.has(file.key)}
                  onToggle={toggle}
                  language={language}
                  highlighter={highlighter}
                  pickable={pickable}
                  selected={
                    row.type === 'line' &&
                    isLineSelected(lines.selection, { fileKey: file.key, diffIndex: row.diffIndex, hunkIndex: row.hunkIndex, lineIndex: row.lineIndex })
                  }
                  onPickLine={pickLine}
                />
              </div>
            );
          })}
        </div>
      </div>
      {chosen && (
        <LineCommentBar
          anchor={chosen}
          extending={lines.extending}
          writing={isWriting}
          onToggleExtend={() => dispatchLines({ type: 'toggleExtend' })}
          onClear={() => dispatchLines({ type: 'clear' })}
          onWrite={() => setWriting(true)}
          onCancel={() => setWriting(false)}
          onAdd={addComment}
        />
      )}
      <LiveAnnouncement message={announcement} />
    </div>
  );
}

const FileList = memo(function FileList({ files, diffs, onJump }: { files: ChangedFile[]; diffs: FileDiffState[]; onJump(key: string): void }) {
  return (
    <nav aria-label="Changed files" className="border-b border-line">
      <ul>
        {files.map((file, index) => (
          <li key={file.key}>
            <button
              type="button"
              onClick={() => onJump(file.key)}
              className="flex min-h-11 w-full min-w-0 items-center gap-2 px-3 text-left text-sm hover:bg-raised pointer-fine:min-h-8"
            >
              <StatusLetter status={file.status} />
              <span className="min-w-0 flex-1 truncate font-mono text-xs" title={file.path}>
                {file.path}
                {file.area === 'staged' && <span className="font-sans text-muted"> staged</span>}
              </span>
              <FileCounts state={diffs[index]} />
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
});
