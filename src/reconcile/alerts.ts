import type { Notification } from '../api/contract';
import { silenceDuration } from './stall';

/*
 * What deserves a sound or a browser notification (issue 16 items 5 and 6): a NEW open question, and a
 * working agent that has just gone silent. Pure: the watcher (features/notifications/FleetAlerts) passes
 * each observation of the held sessions, and each batch of live notification arrivals, with the memory
 * the previous call returned. What was already there when a session was first seen is never news: a
 * reload, or opening a project for the first time, makes no noise.
 */

/** One held session as the watcher sees it at one tick. */
export interface WatchedSession {
  id: string;
  /**
   * The marker of its open, unexpired question; null when it has none; undefined while nobody can tell
   * yet (SAM's list row names no question, and no detail or live event has described the session).
   */
  question: string | null | undefined;
  /** Past the stall threshold: when the agent last wrote (the silence's start) and how long ago. */
  stall: { lastWrittenAt: number; silentForMs: number } | null;
  /** Its data may be out of date (the stream is down or catching up): its silence is not judged now. */
  stale: boolean;
}

interface SessionMemory {
  /** The question marker last seen (null: none); undefined while it could not be told. */
  question: string | null | undefined;
  /**
   * The `lastWrittenAt` of the last silence seen (alerted, or already there when first judged); null when
   * judged and never silent; undefined while never judged (seen only while stale).
   */
  silenceSince: number | null | undefined;
}

export interface AlertMemory {
  readonly sessions: ReadonlyMap<string, SessionMemory>;
  /** Every question already seen or announced: a marker id, or `notification:<id>` for an item that names none. */
  readonly questions: ReadonlySet<string>;
}

export const NO_ALERTS_YET: AlertMemory = { sessions: new Map(), questions: new Set() };

export interface FleetAlerts<S extends WatchedSession> {
  memory: AlertMemory;
  /** Sessions whose open question is new since they were first seen. */
  questions: S[];
  /** Sessions that went silent since the last observation (each silence once). */
  stalls: S[];
}

/**
 * One observation of the held sessions. A question is news when its session was seen before with its
 * question known and the marker was never seen; a silence is news when the session was judged before and
 * this silence (its `lastWrittenAt`) was not seen: once per silence, again only after the agent writes.
 */
export function observeFleet<S extends WatchedSession>(memory: AlertMemory, observed: readonly S[]): FleetAlerts<S> {
  const sessions = new Map(memory.sessions);
  const questions = new Set(memory.questions);
  const newQuestions: S[] = [];
  const stalls: S[] = [];
  for (const session of observed) {
    const before = memory.sessions.get(session.id);
    if (typeof session.question === 'string' && !questions.has(session.question)) {
      questions.add(session.question);
      if (before !== undefined && before.question !== undefined) newQuestions.push(session);
    }
    let silenceSince = before?.silenceSince;
    if (!session.stale) {
      if (session.stall === null) silenceSince = silenceSince ?? null;
      else {
        if (silenceSince !== undefined && silenceSince !== session.stall.lastWrittenAt) stalls.push(session);
        silenceSince = session.stall.lastWrittenAt;
      }
    }
    sessions.set(session.id, { question: session.question === undefined ? before?.question : session.question, silenceSince });
  }
  return { memory: { sessions, questions }, questions: newQuestions, stalls };
}

/**
 * A batch of live notification arrivals (never a page read on load: the stream publishes only new ids).
 * An unread `needs_input` item is a new question unless its marker was seen (the session's question may
 * have reached us first). An item naming no marker counts by its id, and not at all when its session is
 * already known to be asking.
 */
export function observeArrivals(memory: AlertMemory, arrived: readonly Notification[]): { memory: AlertMemory; questions: Notification[] } {
  const questions = new Set(memory.questions);
  const announced: Notification[] = [];
  for (const notification of arrived) {
    if (notification.type !== 'needs_input' || notification.readAt !== null) continue;
    const marker = notification.metadata.attentionMarkerId ?? null;
    const key = marker ?? `notification:${notification.id}`;
    if (questions.has(key)) continue;
    questions.add(key);
    const asking = notification.sessionId === null ? undefined : memory.sessions.get(notification.sessionId)?.question;
    if (marker === null && typeof asking === 'string') continue;
    announced.push(notification);
  }
  return {
    memory: announced.length === 0 && questions.size === memory.questions.size ? memory : { sessions: memory.sessions, questions },
    questions: announced,
  };
}

/** The browser notification's text for a silent chat: "Fix the login bug is silent for 12 min". */
export function stallAlertText(topic: string | null, silentForMs: number): string {
  return `${topic || 'Untitled chat'} is silent for ${silenceDuration(silentForMs)}`;
}
