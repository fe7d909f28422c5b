import { useMemo } from 'react';
import { describeError } from '../../api/http';
import { belongsToTab, groupByProject, type PanelTab } from '../../reconcile/notifications';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorCard } from '../../ui/ErrorCard';
import { Skeleton } from '../../ui/Skeleton';
import { Spinner } from '../../ui/Spinner';
import { LoadMore } from './LoadMore';
import { NotificationItem } from './NotificationItem';
import { useNotificationFeed } from './useNotificationFeed';

const EMPTY: Record<PanelTab, { title: string; text: string }> = {
  priority: { title: 'Nothing needs you', text: 'Questions from agents and finished work show up here.' },
  updates: { title: 'No updates', text: 'Progress, errors and pull requests show up here.' },
  all: { title: 'No notifications', text: 'When your agents need you or finish work, you will see it here.' },
};

/** One tab's items, grouped by project when there are several, with older pages loading as it scrolls. */
export function NotificationList({ tab, onNavigate }: { tab: PanelTab; onNavigate(): void }) {
  const feed = useNotificationFeed();
  const visible = useMemo(() => feed.notifications.filter((n) => belongsToTab(n, tab)), [feed.notifications, tab]);
  const groups = useMemo(() => groupByProject(visible), [visible]);

  if (feed.status === 'pending') {
    return (
      <div className="flex flex-col gap-3 p-3">
        <Spinner label="Loading notifications" />
        <Skeleton className="h-12 w-full" />
        <Skeleton className="h-12 w-full" />
      </div>
    );
  }
  if (feed.status === 'error') {
    return (
      <div className="p-3">
        <ErrorCard title="Could not load notifications" message={describeError(feed.error)} onRetry={() => void feed.refetch()} />
      </div>
    );
  }

  const loadMore = (
    <LoadMore
      hasMore={feed.hasMore}
      loading={feed.loadingMore}
      failed={feed.loadMoreFailed}
      loadedCount={feed.notifications.length}
      onLoadMore={feed.loadMore}
    />
  );
  if (visible.length === 0) {
    return (
      <>
        {!feed.hasMore && <EmptyState title={EMPTY[tab].title}>{EMPTY[tab].text}</EmptyState>}
        {loadMore}
      </>
    );
  }

  const renderItems = (items: typeof visible) => (
    <ul className="divide-y divide-line">
      {items.map((notification) => (
        <NotificationItem key={notification.id} notification={notification} onNavigate={onNavigate} />
      ))}
    </ul>
  );

  return (
    <>
      {groups.length > 1
        ? groups.map((group) => (
            <section key={group.key} aria-label={group.projectName}>
              <h3 className="sticky top-0 z-10 truncate border-b border-line bg-raised px-3 py-1 text-xs font-semibold text-muted">{group.projectName}</h3>
              {renderItems(group.notifications)}
            </section>
          ))
        : renderItems(visible)}
      {loadMore}
    </>
  );
}
