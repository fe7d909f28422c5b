import { useCallback, useEffect, useRef } from 'react';
import { useMatch, useNavigate } from 'react-router';
import type { Notification } from '../../api/contract';
import { useNotificationArrivals, useNow } from '../../live/react';
import { useHeldSessionStates, type HeldSessionState } from '../../live/react/fleet';
import { NO_ALERTS_YET, observeArrivals, observeFleet, stallAlertText, type WatchedSession } from '../../reconcile/alerts';
import { activeAttention } from '../../reconcile/attention';
import { lastWrittenAt } from '../../reconcile/stall';
import { chatPath } from '../../ui/chatPath';
import { useNotificationPreferences } from './preferences';
import { playQuestionTone } from './questionTone';
import { LiveAnnouncement } from '../../ui/LiveAnnouncement';
import { browserPermission, usePriorityAlerts } from './usePriorityAlerts';

type Watched = WatchedSession & { state: HeldSessionState };

/**
 * Lookout listens live to one project at a time, the one on screen: a chat of another project held from an
 * earlier visit gets no writes, so its silence is not judged (reconcile/alerts `stale`).
 */
function watched(states: readonly HeldSessionState[], liveProjectId: string | null, now: number): Watched[] {
  return states.map((state) => {
    const { session, view } = state;
    const since = view.silentFor === null ? null : lastWrittenAt(session);
    return {
      id: session.id,
      question: state.questionKnown ? (activeAttention(session, now)?.markerId ?? null) : undefined,
      stall: view.silentFor === null || since === null ? null : { lastWrittenAt: since, silentForMs: view.silentFor },
      stale: view.stale || state.projectId !== liveProjectId,
      state,
    };
  });
}

/**
 * Makes noise, once, about what is new (reconcile/alerts): a new question plays a tone when the person
 * turned the sound on; a chat gone silent raises a browser notification while the tab is hidden, when they
 * opted in to browser notifications. It also carries the Priority arrivals' polite announcement and browser
 * alert (usePriorityAlerts), off the first screen: the stream's first arrivals come after its socket opens,
 * which is after this chunk has loaded. Loaded after the bell, in the notification surfaces' chunk.
 */
export function FleetAlerts() {
  const states = useHeldSessionStates();
  const now = useNow();
  const liveProjectId = useMatch('/projects/:projectId/*')?.params.projectId ?? null;
  const navigate = useNavigate();
  const memory = useRef(NO_ALERTS_YET);

  useEffect(() => {
    const result = observeFleet(memory.current, watched(states, liveProjectId, now));
    memory.current = result.memory;
    if (result.questions.length > 0) announceQuestion();
    for (const { state } of result.stalls) raiseStallAlert(state, navigate);
  }, [states, liveProjectId, now, navigate]);

  const onArrived = useCallback((arrived: Notification[]) => {
    const result = observeArrivals(memory.current, arrived);
    memory.current = result.memory;
    if (result.questions.length > 0) announceQuestion();
  }, []);
  useNotificationArrivals(onArrived);
  return <LiveAnnouncement message={usePriorityAlerts()} />;
}

function announceQuestion() {
  if (useNotificationPreferences.getState().questionSound) playQuestionTone();
}

function raiseStallAlert({ projectId, session, view }: HeldSessionState, navigate: (path: string) => void) {
  const optedIn = useNotificationPreferences.getState().browserAlerts;
  if (!optedIn || browserPermission() !== 'granted' || document.visibilityState !== 'hidden' || view.silentFor === null) return;
  try {
    const alert = new Notification(stallAlertText(session.topic, view.silentFor), { body: view.reason, tag: `silent:${session.id}` });
    alert.onclick = () => {
      window.focus();
      navigate(chatPath(projectId, session.id));
      alert.close();
    };
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker: stay quiet.
  }
}
