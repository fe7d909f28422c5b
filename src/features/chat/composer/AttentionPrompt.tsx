import { useState } from 'react';
import type { Attention } from '../../../api/contract';
import { describeError } from '../../../api/http';
import { Button } from '../../../ui/Button';

interface AttentionPromptProps {
  attention: Attention;
  onAnswer(markerId: string, option: string): Promise<void>;
}

/** The agent's open question with its options as buttons; without options, the reply box answers it. */
export function AttentionPrompt({ attention, onAnswer }: AttentionPromptProps) {
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function answer(option: string) {
    setPending(option);
    setError(null);
    try {
      await onAnswer(attention.markerId, option);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setPending(null);
    }
  }

  return (
    <section aria-label="The agent asks" className="rounded-lg border border-state-attention/50 bg-surface p-3">
      <p className="flex items-start gap-1.5 text-sm">
        <span aria-hidden="true" className="font-bold text-state-attention">
          ?
        </span>
        <span className="min-w-0 break-words">
          <span className="font-semibold">The agent asks: </span>
          {attention.reason || 'It is waiting for your input.'}
        </span>
      </p>
      {attention.options.length > 0 ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {attention.options.map((option) => (
            <Button key={option} onClick={() => void answer(option)} disabled={pending !== null} className="max-w-full break-words">
              {pending === option ? `${option}…` : option}
            </Button>
          ))}
        </div>
      ) : (
        <p className="mt-1 text-sm text-muted">Answer in the message box below.</p>
      )}
      {error && (
        <p role="alert" className="mt-2 break-words text-sm text-state-failed">
          The answer was not sent: {error}
        </p>
      )}
    </section>
  );
}
