import { memo } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../ui/StatusBadge';
import { RelativeTime } from '../../ui/RelativeTime';
import { chatPath } from '../../ui/chatPath';
import { LineageText } from '../../ui/LineageText';
import type { Lineage, SessionEntry } from '../../reconcile/types';

interface SessionListItemProps {
  projectId: string;
  entry: SessionEntry;
  selected: boolean;
  /** Whether this row is the list's one tab stop (roving focus). */
  tabStop: boolean;
  onFocus(sessionId: string): void;
  onNavigate?: () => void;
}

function lineageText(lineage: Lineage): string | null {
  if (lineage.kind === 'retry' || lineage.kind === 'fork') return lineage.text;
  if (lineage.kind === 'subtask') return '↳ subtask';
  return null;
}

/** A comma for screen readers, so the link's name reads "topic, 5 min ago, Working" and not as one run. */
function Pause() {
  return <span className="sr-only">, </span>;
}

/** One session in the sidebar: topic, time, state (icon + label), lineage and an open question. */
export const SessionListItem = memo(function SessionListItem({ projectId, entry, selected, tabStop, onFocus, onNavigate }: SessionListItemProps) {
  const { session, view, lastActivityAt } = entry;
  const lineage = lineageText(entry.lineage);
  return (
    <Link
      to={chatPath(projectId, session.id)}
      data-roving-id={session.id}
      tabIndex={tabStop ? 0 : -1}
      aria-current={selected ? 'page' : undefined}
      onFocus={() => onFocus(session.id)}
      onClick={onNavigate}
      className={`relative flex min-h-11 min-w-0 flex-col gap-0.5 rounded-md px-3 py-2 hover:bg-raised ${selected ? 'bg-raised ring-1 ring-line' : ''}`}
    >
      <span className="flex min-w-0 items-baseline gap-2">
        <span className={`relative min-w-0 flex-1 truncate ${selected ? 'font-semibold' : 'font-medium'}`}>
          {session.topic || 'Untitled chat'}
          <Pause />
        </span>
        {lastActivityAt !== null && <RelativeTime at={lastActivityAt} className="shrink-0 text-xs text-muted" />}
        <Pause />
      </span>
      <span className="flex min-w-0 items-center gap-2 text-xs">
        <StatusBadge state={view.state} label={view.label} className="shrink-0 text-xs" />
        {view.attention && (
          <span className="inline-flex shrink-0 items-center gap-0.5 text-state-attention" title={view.attention.reason ?? undefined}>
            <span aria-hidden="true">?</span>Question
          </span>
        )}
        {lineage && (
          <span className="min-w-0 truncate text-muted">
            <LineageText text={lineage} />
          </span>
        )}
      </span>
    </Link>
  );
});
