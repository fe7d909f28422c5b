import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useFindData } from '../../live/react/find';
import { chatPath } from '../../ui/chatPath';
import { findResults, type FindResult } from './findResults';
import { toFindSources } from './findSources';
import { ModalDialog } from './ModalDialog';

const KIND_LABELS = { project: 'Projects', chat: 'Chats', message: 'Messages' } as const;

function resultPath(result: FindResult): string {
  return result.kind === 'project' ? chatPath(result.projectId) : chatPath(result.projectId, result.sessionId);
}

/**
 * Find anything (Cmd/Ctrl+K): projects, the chats of every project, and the text of the messages already
 * loaded. A combobox over a listbox: the field keeps focus, arrows move the active option, Enter opens it.
 */
export function FindPalette({ onClose }: { onClose(): void }) {
  const data = useFindData();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const deferredQuery = useDeferredValue(query);
  const sources = useMemo(() => toFindSources(data), [data.projects, data.chats, data.loadedChats]); // eslint-disable-line react-hooks/exhaustive-deps
  const results = useMemo(() => findResults(deferredQuery, sources), [deferredQuery, sources]);
  const listId = useId();
  const optionId = (index: number) => `${listId}-${index}`;
  const activeIndex = Math.min(active, results.length - 1);

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  function open(result: FindResult) {
    onClose();
    void navigate(resultPath(result));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (results.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + results.length) % results.length);
    } else if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      open(results[activeIndex]!);
    }
  }

  const searched = sources.messages.length;
  return (
    <ModalDialog label="Find" onClose={onClose}>
      <div className="flex items-center gap-2 border-b border-line px-3">
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" className="shrink-0 text-muted">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="m15.5 15.5 5 5" />
        </svg>
        <input
          // The palette exists to type in: focus goes to the field as it opens.
          autoFocus
          type="text"
          role="combobox"
          aria-label="Find projects, chats and messages"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Find projects, chats, messages"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="min-h-12 min-w-0 flex-1 bg-transparent text-base outline-none"
        />
        <button type="button" onClick={onClose} className="min-h-11 shrink-0 rounded-md px-2 text-sm text-muted hover:bg-raised">
          Close
        </button>
      </div>
      <ul id={listId} role="listbox" aria-label="Results" className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-1">
        {results.map((result, index) => (
          <li
            key={result.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            onClick={() => open(result)}
            onPointerMove={() => index !== activeIndex && setActive(index)}
            className={`flex min-h-11 cursor-pointer flex-col justify-center rounded-md px-2 py-1 ${index === activeIndex ? 'bg-raised outline-2 outline-focus' : ''}`}
          >
            {(index === 0 || results[index - 1]!.kind !== result.kind) && <span className="sr-only">{KIND_LABELS[result.kind]}: </span>}
            <span className="flex min-w-0 items-baseline gap-2">
              <span className="shrink-0 text-xs text-muted">{result.kind === 'project' ? 'Project' : result.kind === 'chat' ? 'Chat' : 'Message'}</span>
              <span className={`min-w-0 ${result.kind === 'message' ? 'line-clamp-2 break-words' : 'truncate font-medium'}`}>{result.matched}</span>
            </span>
            {result.detail && <span className="truncate text-xs text-muted">{result.detail}</span>}
          </li>
        ))}
      </ul>
      <p role="status" className="border-t border-line px-3 py-2 text-xs text-muted">
        {results.length === 0 && deferredQuery.trim() ? 'Nothing found. ' : ''}
        {data.chatsStatus === 'pending'
          ? 'Loading the chats of all projects… '
          : data.chatsStatus === 'error'
            ? 'The chats of other projects could not be loaded. '
            : ''}
        {`${searched} loaded messages searched. ↑↓ move, Enter opens, Esc closes.`}
      </p>
    </ModalDialog>
  );
}
