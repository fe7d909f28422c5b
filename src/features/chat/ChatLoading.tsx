import { Skeleton } from '../../ui/Skeleton';
import { Spinner } from '../../ui/Spinner';

/** The chat's layout in outline while its first page loads. */
export function ChatLoading() {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-col gap-2 border-b border-line bg-surface px-4 py-3">
        <Skeleton className="h-5 w-1/2" />
        <Skeleton className="h-4 w-1/3" />
      </div>
      <div className="flex flex-1 flex-col gap-4 p-4">
        <Spinner label="Loading the chat" />
        <Skeleton className="h-16 w-2/3" />
        <Skeleton className="ml-auto h-10 w-1/2" />
        <Skeleton className="h-24 w-3/4" />
      </div>
    </div>
  );
}
