import { useMemo, useState } from 'react';
import { describeError } from '../../api/http';
import { groupSessions, topicMatches } from '../../reconcile/sessionGroups';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorCard } from '../../ui/ErrorCard';
import { GoneCard, isGone } from '../../ui/GoneCard';
import { LiveAnnouncement } from '../../ui/LiveAnnouncement';
import { useNow } from '../../ui/useNow';
import { NewChatButton } from '../../ui/NewChatButton';
import { SessionGroups } from './SessionGroups';
import { SessionSearch } from './SessionSearch';
import { SessionsSkeleton } from './SessionsSkeleton';
import type { SessionEntry } from '../../reconcile/types';
import { useStateChangeAnnouncement } from './useStateChangeAnnouncement';
import { useHeldOrder } from './useHeldOrder';

export interface SessionsPanelProps {
  projectId: string;
  selectedSessionId: string | null;
  entries: readonly SessionEntry[];
  status: 'pending' | 'error' | 'success';
  error: unknown;
  hasMore: boolean;
  isLoadingMore: boolean;
  onLoadMore(): void;
  onRetry(): void;
  onNewChat(message: string): Promise<void>;
  onNavigate?: () => void;
}

/** The sessions sidebar as a pure view of its props (SessionsSidebar wires it to the live data). */
export function SessionsPanel(props: SessionsPanelProps) {
  const { projectId, selectedSessionId, entries, status, hasMore, isLoadingMore } = props;
  const [query, setQuery] = useState('');
  const now = useNow();
  const sorted = useMemo(
    () =>
      groupSessions(
        entries.filter((entry) => topicMatches(entry.session.topic, query)),
        now,
      ),
    [entries, query, now],
  );
  // A new search, or a page of chats loaded on request, is shown at once even with the pointer on the list.
  const { groups, moved, showMoved, listProps } = useHeldOrder(sorted, `${query}\n${isLoadingMore}`);
  const announcement = useStateChangeAnnouncement(entries, selectedSessionId);
  const empty = status === 'success' && entries.length === 0;
  // Every view shares the one stream, so staleness is said once for the list, not on each row.
  const stale = entries.some((entry) => entry.view.stale);

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center justify-between gap-2 p-3">
        <h2 className="text-base font-semibold">Chats</h2>
        {!empty && <NewChatButton onStart={props.onNewChat} />}
      </div>
      {!empty && status !== 'error' && <SessionSearch value={query} onChange={setQuery} />}
      {stale && (
        <p className="mx-3 mt-2 flex items-center gap-1.5 text-xs text-state-attention">
          <span aria-hidden="true">⚠</span>Not live right now: states may be out of date.
        </p>
      )}
      <div className="min-h-0 flex-1 overflow-y-auto px-1 py-3" {...listProps}>
        {status === 'pending' ? (
          <SessionsSkeleton />
        ) : status === 'error' ? (
          <div className="px-2">
            {isGone(props.error) ? (
              <GoneCard
                title="This project is not here"
                message="It may have been deleted, or you are not a member of it."
                links={[{ to: '/', label: 'All projects' }]}
              />
            ) : (
              <ErrorCard title="Chats could not be loaded" message={describeError(props.error)} onRetry={props.onRetry} />
            )}
          </div>
        ) : empty ? (
          <EmptyState title="No chats yet" action={<NewChatButton onStart={props.onNewChat} />}>
            Start one, and the agent gets to work.
          </EmptyState>
        ) : groups.length === 0 ? (
          <p className="px-3 text-sm text-muted">No loaded chat matches “{query.trim()}”.</p>
        ) : (
          <SessionGroups projectId={projectId} groups={groups} selectedSessionId={selectedSessionId} onNavigate={props.onNavigate} />
        )}
        {status === 'success' && hasMore && (
          <div className="mt-3 flex flex-col items-center gap-1 px-3">
            <Button onClick={props.onLoadMore} disabled={isLoadingMore} className="w-full">
              {isLoadingMore ? 'Loading…' : 'Load more chats'}
            </Button>
            {query.trim() && <p className="text-xs text-muted">Search covers loaded chats only.</p>}
          </div>
        )}
        {moved > 0 && (
          // Sticky at the end of the list, so showing it moves no row.
          <div className="sticky bottom-0 flex justify-center pt-2">
            <Button variant="primary" className="shadow-md" onClick={showMoved}>
              {moved} {moved === 1 ? 'chat' : 'chats'} moved · Show
            </Button>
          </div>
        )}
      </div>
      <LiveAnnouncement message={announcement} />
    </div>
  );
}
