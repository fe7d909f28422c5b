import type { SessionEntry, SessionView } from '../../../reconcile/types';

/** A retry re-runs work that did not finish: offered for failed and cancelled sessions only. */
export function canRetry(view: SessionView): boolean {
  return view.state === 'failed' || view.state === 'cancelled';
}

/** A fork continues from a session's task, so it needs one. */
export function canFork(entry: SessionEntry): boolean {
  return Boolean(entry.session.taskId);
}
