import { Button } from './Button';

interface ErrorCardProps {
  title?: string;
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** A failure in words, with a way to try again. */
export function ErrorCard({ title = 'Something went wrong', message, onRetry, retryLabel = 'Retry' }: ErrorCardProps) {
  return (
    <div role="alert" className="rounded-lg border border-state-failed/40 bg-surface p-4">
      <p className="flex items-center gap-2 font-semibold text-state-failed">
        <span aria-hidden="true">✕</span>
        {title}
      </p>
      <p className="mt-1 break-words text-sm">{message}</p>
      {onRetry && (
        <Button className="mt-3" onClick={onRetry}>
          {retryLabel}
        </Button>
      )}
    </div>
  );
}
