import { useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { workspaceQueries } from '../../api/workspace';
import { ErrorCard } from '../../ui/ErrorCard';
import { Spinner } from '../../ui/Spinner';
import { CodeText } from './CodeText';
import { breadcrumbs, findFiles, joinPath, parentDir } from './fileFind';
import { languageOf } from './highlight';
import { useLineHighlighter } from './useLineHighlighter';
import { workspaceProblem } from './workspaceError';

/*
 * The workspace's files: a folder's listing (`files/list`), a find-by-name field over the flat index
 * (`files/find`, fetched when the field is first used) and a file's text (`files/view`), virtualised by line.
 */

export interface FilesLinks {
  dir(path: string): string;
  file(path: string): string;
}

const linkClass = 'flex min-h-11 min-w-0 items-center gap-2 px-3 text-sm hover:bg-raised pointer-fine:min-h-8';

function Breadcrumbs({ path, links, current }: { path: string; links: FilesLinks; current: 'dir' | 'file' }) {
  const crumbs = breadcrumbs(path);
  return (
    <nav aria-label="Folder" className="min-w-0 px-3 py-1 font-mono text-xs">
      <ol className="flex flex-wrap items-center gap-x-1">
        {crumbs.map((crumb, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={crumb.path} className="flex items-center gap-x-1">
              {i > 0 && (
                <span aria-hidden="true" className="text-muted">
                  /
                </span>
              )}
              {last && current === 'dir' ? (
                <span aria-current="page" className="font-semibold">
                  {crumb.name}
                </span>
              ) : (
                <Link
                  to={links.dir(crumb.path)}
                  className="inline-flex min-h-11 min-w-11 items-center justify-center px-1 text-accent underline pointer-fine:min-h-6 pointer-fine:min-w-0"
                >
                  {crumb.name}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function FindFile({ projectId, sessionId, links }: { projectId: string; sessionId: string; links: FilesLinks }) {
  const [query, setQuery] = useState('');
  const fieldId = useId();
  const index = useQuery({ ...workspaceQueries.index(projectId, sessionId), enabled: query.trim() !== '' });
  const found = useMemo(() => (index.data ? findFiles(index.data.files, query) : []), [index.data, query]);
  return (
    <div className="border-b border-line px-3 py-2">
      <label htmlFor={fieldId} className="text-sm font-medium">
        Find a file by name
      </label>
      <input
        id={fieldId}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="mt-1 block min-h-11 w-full rounded-md border border-line bg-surface px-2 font-mono text-sm pointer-fine:min-h-9"
      />
      {query.trim() !== '' && (
        <div className="mt-1">
          {index.isPending && <Spinner label="Reading the file index" />}
          {index.isError && <p className="text-sm text-state-failed">{workspaceProblem(index.error, 'index').message}</p>}
          {index.data && (
            <>
              <p role="status" className="text-xs text-muted">
                {found.length === 0 ? 'No file matches.' : `${found.length === 50 ? 'First 50' : found.length} ${found.length === 1 ? 'match' : 'matches'}`}
              </p>
              <ul aria-label="Matching files">
                {found.map((path) => (
                  <li key={path}>
                    <Link to={links.file(path)} className={`${linkClass} break-all font-mono text-xs text-accent underline`}>
                      {path}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function DirectoryView({ projectId, sessionId, dir, links }: { projectId: string; sessionId: string; dir: string; links: FilesLinks }) {
  const list = useQuery(workspaceQueries.list(projectId, sessionId, dir));
  return (
    <div className="min-h-0 flex-1 overflow-auto">
      <FindFile projectId={projectId} sessionId={sessionId} links={links} />
      <Breadcrumbs path={dir} links={links} current="dir" />
      {list.isPending && <Spinner label="Listing the folder" className="m-3" />}
      {list.isError && (
        <div className="p-3">
          <ErrorCard {...workspaceProblem(list.error, 'list')} onRetry={() => void list.refetch()} />
        </div>
      )}
      {list.data && (
        <ul aria-label={`Files in ${dir === '.' ? 'the workspace' : dir}`}>
          {list.data.entries.length === 0 && <li className="px-3 py-2 text-sm text-muted">This folder is empty.</li>}
          {list.data.entries.map((entry) => {
            const path = joinPath(dir, entry.name);
            const isDir = entry.type === 'dir';
            return (
              <li key={entry.name}>
                <Link to={isDir ? links.dir(path) : links.file(path)} className={linkClass}>
                  <span aria-hidden="true" className="w-4 shrink-0 text-muted">
                    {isDir ? '▸' : entry.type === 'symlink' ? '↪' : '·'}
                  </span>
                  <span className="min-w-0 flex-1 break-all font-mono text-xs text-accent underline">
                    {entry.name}
                    {isDir && <span className="sr-only"> (folder)</span>}
                  </span>
                  {!isDir && <span className="shrink-0 text-xs text-muted tabular-nums">{sizeText(entry.size)}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function FileViewer({ projectId, sessionId, path, links }: { projectId: string; sessionId: string; path: string; links: FilesLinks }) {
  const file = useQuery(workspaceQueries.file(projectId, sessionId, path));
  const lines = useMemo(() => {
    if (!file.data) return [];
    const text = file.data.content.endsWith('\n') ? file.data.content.slice(0, -1) : file.data.content;
    return text.split('\n');
  }, [file.data]);
  const language = languageOf(path);
  const highlighter = useLineHighlighter();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this view
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => 20, overscan: 20 });
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="shrink-0 border-b border-line">
        <Breadcrumbs path={path} links={links} current="file" />
        <p className="px-3 pb-1 text-xs text-muted">
          <Link to={links.dir(parentDir(path))} className="inline-flex min-h-11 items-center text-accent underline pointer-fine:min-h-6">
            Back to the folder
          </Link>
          {file.data && ` · ${lines.length.toLocaleString('en')} ${lines.length === 1 ? 'line' : 'lines'}`}
        </p>
      </div>
      {file.isPending && <Spinner label="Reading the file" className="m-3" />}
      {file.isError && (
        <div className="p-3">
          <ErrorCard {...workspaceProblem(file.error, 'file')} onRetry={() => void file.refetch()} />
        </div>
      )}
      {file.data && (
        <div ref={scrollRef} role="region" aria-label={`Contents of ${path}`} tabIndex={0} className="relative min-h-0 flex-1 overflow-auto">
          <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 top-0 flex w-full font-mono text-xs leading-5"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span aria-hidden="true" className="w-[6ch] shrink-0 select-none pr-2 text-right text-muted">
                  {item.index + 1}
                </span>
                <span className="min-w-0 flex-1 whitespace-pre-wrap break-all pr-2">
                  <CodeText code={lines[item.index] ?? ''} language={language} highlighter={highlighter} />
                </span>
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
