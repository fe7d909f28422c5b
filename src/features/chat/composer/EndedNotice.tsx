import type { SessionView } from '../../../reconcile/types';
import { StatusBadge } from '../../../ui/StatusBadge';
import type { LineageActions } from '../chatTypes';
import { LineageButtons } from '../lineage/LineageButtons';

interface EndedNoticeProps {
  view: SessionView;
  showRetry: boolean;
  showFork: boolean;
  lineageActions: LineageActions;
}

/** In place of the message box when the session cannot take a prompt: why, and what can be done. */
export function EndedNotice({ view, showRetry, showFork, lineageActions }: EndedNoticeProps) {
  return (
    <div className="flex flex-col gap-2">
      <p className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
        <StatusBadge state={view.state} label={view.label} />
        <span className="min-w-0 break-words text-muted">
          {view.ended ? 'This chat has ended: ' : 'You cannot send a message right now: '}
          {view.reason}
        </span>
      </p>
      {view.ended && <LineageButtons showRetry={showRetry} showFork={showFork} actions={lineageActions} />}
    </div>
  );
}
