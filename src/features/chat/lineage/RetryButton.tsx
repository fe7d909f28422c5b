import { useState } from 'react';
import { describeError } from '../../../api/http';
import { Button } from '../../../ui/Button';

interface RetryButtonProps {
  onRetry(): Promise<void>;
  /** Secondary, "Retry again", once a retry of this session already runs. */
  again?: boolean;
}

/** Starts a retry of this session's task; says so while it runs and why if it fails. */
export function RetryButton({ onRetry, again = false }: RetryButtonProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function retry() {
    setPending(true);
    setError(null);
    try {
      await onRetry();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <Button variant={again ? 'secondary' : 'primary'} onClick={() => void retry()} disabled={pending}>
        <span aria-hidden="true">↩</span> {pending ? 'Retrying…' : again ? 'Retry again' : 'Retry'}
      </Button>
      {error && (
        <p role="alert" className="w-full break-words text-sm text-state-failed">
          Retry failed: {error}
        </p>
      )}
    </>
  );
}
