import { useState } from 'react';
import { Button } from '../../ui/Button';
import { ForkIcon } from '../../ui/ForkIcon';
import { MessageForm } from '../../ui/MessageForm';
import { RetryButton } from './RetryButton';
import type { LineageActions } from './chatTypes';

interface LineageButtonsProps {
  showRetry: boolean;
  showFork: boolean;
  actions: LineageActions;
}

/** Retry and Fork: each starts a new task from this session (a fork first asks what to do next). */
export function LineageButtons({ showRetry, showFork, actions }: LineageButtonsProps) {
  const [forking, setForking] = useState(false);
  if (!showRetry && !showFork) return null;
  if (forking) {
    return (
      <div className="w-full rounded-lg border border-line bg-surface p-3">
        <MessageForm
          label="Fork: what should the new chat do?"
          submitLabel="Fork"
          placeholder="Continue from here, but…"
          onSubmit={actions.fork}
          onCancel={() => setForking(false)}
        />
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {showRetry && <RetryButton onRetry={actions.retry} />}
      {showFork && (
        <Button onClick={() => setForking(true)}>
          <ForkIcon /> Fork
        </Button>
      )}
    </div>
  );
}
