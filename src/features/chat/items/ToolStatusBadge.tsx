import type { ToolCallStatus } from '../../../reconcile/types';
import { StateIcon } from '../../../ui/StateIcon';

const LOOK: Record<ToolCallStatus, { icon: string; label: string; tone: string }> = {
  pending: { icon: 'unknown', label: 'Pending', tone: 'text-muted' },
  in_progress: { icon: 'working', label: 'In progress', tone: 'text-state-working' },
  completed: { icon: 'completed', label: 'Completed', tone: 'text-state-done' },
  failed: { icon: 'failed', label: 'Failed', tone: 'text-state-failed' },
  unknown: { icon: 'unknown', label: 'Unknown', tone: 'text-muted' },
};

/** A tool call's status as icon + label. */
export function ToolStatusBadge({ status }: { status: ToolCallStatus }) {
  const look = LOOK[status] ?? LOOK.unknown;
  return (
    <span data-status={status} className={`inline-flex shrink-0 items-center gap-1 text-xs font-medium ${look.tone}`}>
      <StateIcon state={look.icon} />
      {look.label}
    </span>
  );
}
