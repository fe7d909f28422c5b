import { useEffect, useEffectEvent, useRef } from 'react';
import { Button } from '../../ui/Button';
import { Spinner } from '../../ui/Spinner';

interface LoadMoreProps {
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  /** Changes when a page arrives, so a sentinel that is still in view asks again. */
  loadedCount: number;
  onLoadMore(): void;
}

/** Older pages: loaded when the sentinel scrolls into view, or with the button (keyboard, no observer). */
export function LoadMore({ hasMore, loading, failed, loadedCount, onLoadMore }: LoadMoreProps) {
  const sentinelRef = useRef<HTMLDivElement>(null);
  const loadMore = useEffectEvent(onLoadMore);

  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || !hasMore || loading || failed || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [hasMore, loading, failed, loadedCount]);

  if (!hasMore) return null;
  return (
    <div ref={sentinelRef} className="flex flex-col items-center gap-2 p-3">
      {failed && (
        <p role="alert" className="text-sm text-state-failed">
          Could not load older notifications.
        </p>
      )}
      {loading ? <Spinner label="Loading older notifications" /> : <Button onClick={onLoadMore}>{failed ? 'Retry' : 'Load more'}</Button>}
    </div>
  );
}
