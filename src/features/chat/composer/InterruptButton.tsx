import { useState } from 'react';
import { describeError } from '../../../api/http';
import { Button } from '../../../ui/Button';

/** Stops what the agent is doing now; the session lives on and takes the next prompt. */
export function InterruptButton({ onInterrupt }: { onInterrupt(): Promise<void> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function interrupt() {
    setPending(true);
    setError(null);
    try {
      await onInterrupt();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <Button variant="danger" onClick={() => void interrupt()} disabled={pending} aria-label="Stop the agent">
        <span aria-hidden="true">■</span>
        <span className="hidden sm:inline">{pending ? 'Stopping…' : 'Stop'}</span>
      </Button>
      {error && (
        <p role="alert" className="basis-full break-words text-sm text-state-failed">
          Could not interrupt: {error}
        </p>
      )}
    </>
  );
}
