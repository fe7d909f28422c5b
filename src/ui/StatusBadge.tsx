import { STATE_LABELS } from '../reconcile/sessionView';
import type { DisplayState } from '../reconcile/types';
import { StateIcon, isDisplayState } from './StateIcon';

const TONE: Record<DisplayState, string> = {
  working: 'text-state-working',
  waking: 'text-state-working',
  idle: 'text-state-idle',
  needs_input: 'text-state-attention',
  completed: 'text-state-done',
  failed: 'text-state-failed',
  sleeping: 'text-state-muted',
  cancelled: 'text-state-muted',
  stopped: 'text-state-muted',
  unknown: 'text-state-muted',
};

interface StatusBadgeProps {
  /** A display state; anything not known today renders neutrally. */
  state: DisplayState | (string & {});
  /** The label from `SessionView.label`; the state's own label when absent. */
  label?: string;
  className?: string;
}

/** A session's displayed state as icon + label (never colour alone). */
export function StatusBadge({ state, label, className }: StatusBadgeProps) {
  const known = isDisplayState(state) ? state : 'unknown';
  return (
    <span data-state={known} className={`inline-flex min-w-0 items-center gap-1 text-sm font-medium ${TONE[known]} ${className ?? ''}`}>
      <StateIcon state={known} />
      <span className="truncate">{label || STATE_LABELS[known]}</span>
    </span>
  );
}
