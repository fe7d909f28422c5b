import { Skeleton } from '../../ui/Skeleton';

/** Placeholder rows while the first page of sessions loads. */
export function SessionsSkeleton() {
  return (
    <div role="status" aria-label="Loading chats" className="flex flex-col gap-4 px-3 py-2">
      {Array.from({ length: 6 }, (_, index) => (
        <div key={index} className="flex flex-col gap-1.5">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-3 w-1/3" />
        </div>
      ))}
    </div>
  );
}
