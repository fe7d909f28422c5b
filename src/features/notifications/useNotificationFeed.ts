import { useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNotificationCache } from '../../live/react';
import { feedNotifications } from '../../reconcile/notifications';

/* Apart from queries.ts: the bell (first screen) reads the counts there; only the panel's list needs this. */

/** The panel's list: every loaded item once, newest first, and the paging controls. */
export function useNotificationFeed() {
  const cache = useNotificationCache();
  const query = useQuery(cache.queries.feed());
  const more = useMutation({ mutationFn: cache.loadMore });
  const notifications = useMemo(() => feedNotifications(query.data), [query.data]);
  const lastPage = query.data?.pages.at(-1);
  return {
    notifications,
    status: query.status,
    error: query.error,
    refetch: query.refetch,
    hasMore: lastPage !== undefined && lastPage.nextCursor !== null && lastPage.nextCursor !== undefined,
    loadMore: () => more.mutate(),
    loadingMore: more.isPending,
    loadMoreFailed: more.isError,
  };
}
