import { useState } from 'react';
import type { SessionEntry } from '../../reconcile/types';

/**
 * "Session Fix login: Failed" when the open session's displayed state changes, for a polite live
 * region. Opening a session announces nothing: only changes while it is on screen are news.
 */
export function useStateAnnouncement(entry: SessionEntry): string {
  const [shownState, setShownState] = useState(entry.view.state);
  const [message, setMessage] = useState('');
  if (shownState !== entry.view.state) {
    setShownState(entry.view.state);
    setMessage(`Session ${entry.session.topic || 'Untitled chat'}: ${entry.view.label}`);
  }
  return message;
}
