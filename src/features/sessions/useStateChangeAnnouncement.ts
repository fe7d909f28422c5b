import { useState } from 'react';
import type { SessionEntry } from '../../reconcile/types';
import { describeStateChanges } from './stateChanges';

/**
 * The text for a polite live region: the latest notable state changes among the listed sessions.
 * The open session is skipped: the chat page announces its own changes.
 */
export function useStateChangeAnnouncement(entries: readonly SessionEntry[], openSessionId: string | null): string {
  const [previous, setPrevious] = useState(entries);
  const [message, setMessage] = useState('');
  if (previous !== entries) {
    // Adjusting state while rendering (not in an effect) so the announcement lands with the change.
    setPrevious(entries);
    const changes = describeStateChanges(previous, entries, openSessionId);
    if (changes) setMessage(changes);
  }
  return message;
}
