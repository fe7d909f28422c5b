import type { DisplayState, SessionEntry } from '../../reconcile/types';

/** The states worth interrupting a screen-reader user for when they happen in a session not on screen. */
const ANNOUNCED: ReadonlySet<DisplayState> = new Set(['needs_input', 'failed', 'completed']);

/**
 * "Session Fix login: Needs you", for each session that moved into an announced state between two
 * renders of the list. Sessions appearing for the first time (a page loading) are not changes.
 */
export function describeStateChanges(previous: readonly SessionEntry[], next: readonly SessionEntry[], skipSessionId: string | null): string {
  const before = new Map(previous.map((entry) => [entry.session.id, entry.view.state]));
  const messages: string[] = [];
  for (const entry of next) {
    const was = before.get(entry.session.id);
    const now = entry.view.state;
    if (was === undefined || was === now || !ANNOUNCED.has(now) || entry.session.id === skipSessionId) continue;
    messages.push(`Session ${entry.session.topic || 'Untitled chat'}: ${entry.view.label}`);
  }
  return messages.join('. ');
}
