import { useState } from 'react';
import { Button } from '../../../ui/Button';
import { ForkIcon } from '../../../ui/ForkIcon';
import { MessageForm } from '../../../ui/MessageForm';
import { runningRetry } from '../../../reconcile/lineage';
import { ChildLink } from '../header/ChildLinks';
import { RetryButton } from './RetryButton';
import type { LineageActions } from '../chatTypes';

interface LineageButtonsProps {
  showRetry: boolean;
  showFork: boolean;
  actions: LineageActions;
}

/**
 * Retry and Fork: each starts a new task from this session (a fork first asks what to do next). While a
 * retry of it still runs, Retry steps back (secondary, "Retry again") and the running one is linked.
 */
export function LineageButtons({ showRetry, showFork, actions }: LineageButtonsProps) {
  const [forking, setForking] = useState(false);
  if (!showRetry && !showFork) return null;
  const retrying = runningRetry(actions.children ?? []);
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
      {showRetry && <RetryButton onRetry={actions.retry} again={retrying !== null} />}
      {showFork && (
        <Button onClick={() => setForking(true)}>
          <ForkIcon /> Fork
        </Button>
      )}
      {showRetry && retrying && (
        <p className="w-full min-w-0 break-words text-sm text-muted">
          A retry is already running: <ChildLink child={retrying} label={`attempt ${retrying.attempt ?? 2}`} /> ({retrying.view.label})
        </p>
      )}
    </div>
  );
}
