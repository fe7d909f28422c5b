import * as v from 'valibot';
import { PushPayloadSchema, ResolveAnswerSchema } from '../api/contract/push';
import { inAppPath } from './notifications';

/*
 * What the app's service worker (src/app/sw.ts) decides, as pure functions: the notification a push from SAM
 * becomes, the answer an action stands for and the request that sends it, and what the notification says once
 * SAM has answered. The worker itself only does the I/O around these.
 */

/** An answer to one question, as an action of its notification carries it. */
export interface QuestionAnswer {
  projectId: string;
  sessionId: string;
  markerId: string;
  answer: string;
}

/** Kept on the notification (`notification.data`): where a click goes, and the answer behind each action. */
export interface PushNotificationData {
  /** An in-app path (`/projects/p/chat/s`), or `/` when SAM named no chat Lookout knows. */
  path: string;
  answers: Record<string, QuestionAnswer>;
}

export interface NotificationToShow {
  title: string;
  options: {
    body: string;
    tag: string;
    icon: string;
    badge: string;
    data: PushNotificationData;
    actions: { action: string; title: string }[];
    /** A question waits on the person: it stays until handled. */
    requireInteraction: boolean;
    silent?: boolean;
  };
}

export const NOTIFICATION_ICON = '/icons/icon-192.png';
export const NOTIFICATION_BADGE = '/icons/badge-96.png';

const CHAT_PATH = /^\/projects\/([^/?#]+)\/chat\/([^/?#]+)$/;

/**
 * The in-app path of a URL SAM built on its own app origin (`https://app.<domain>/projects/p/chat/s`): Lookout
 * serves the same routes on its own origin, so only the path is kept, and only when it is one of Lookout's.
 */
export function appPathOf(navigate: string | null | undefined): string | null {
  if (!navigate) return null;
  let url: URL;
  try {
    url = new URL(navigate, 'https://lookout.invalid');
  } catch {
    return null;
  }
  return inAppPath(url.pathname);
}

/** The answer an action's URL names: a chat path plus `#attentionMarker=<id>&attentionAnswer=<option>`. */
export function answerOf(navigate: string): QuestionAnswer | null {
  let url: URL;
  try {
    url = new URL(navigate, 'https://lookout.invalid');
  } catch {
    return null;
  }
  const chat = CHAT_PATH.exec(url.pathname);
  const fragment = new URLSearchParams(url.hash.slice(1));
  const markerId = fragment.get('attentionMarker');
  const answer = fragment.get('attentionAnswer');
  if (!chat || !markerId || !answer) return null;
  try {
    return { projectId: decodeURIComponent(chat[1]!), sessionId: decodeURIComponent(chat[2]!), markerId, answer };
  } catch {
    return null;
  }
}

/** The notification a push message becomes, or null for a message that is not SAM's (it is then ignored). */
export function notificationFromPush(message: unknown): NotificationToShow | null {
  const parsed = v.safeParse(PushPayloadSchema, message);
  if (!parsed.success || parsed.output.web_push !== 8030) return null;
  const { title, body, navigate, actions } = parsed.output.notification;
  if (!title) return null;
  const answers: Record<string, QuestionAnswer> = {};
  const shownActions: { action: string; title: string }[] = [];
  for (const action of actions) {
    const answer = answerOf(action.navigate);
    // An action that names no answer would only navigate: a plain click does that already.
    if (!answer) continue;
    answers[action.action] = answer;
    shownActions.push({ action: action.action, title: action.title });
  }
  const first = Object.values(answers)[0];
  const path = appPathOf(navigate) ?? '/';
  return {
    title,
    options: {
      body: body || title,
      // One notification per question (a repeat of the same push replaces it), else per chat.
      tag: first ? `question:${first.markerId}` : `chat:${path}`,
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_BADGE,
      data: { path, answers },
      actions: shownActions,
      requireInteraction: shownActions.length > 0,
    },
  };
}

/** The answer behind an action of a notification shown from `notificationFromPush`, or null (a plain click). */
export function answerForAction(data: unknown, action: string): QuestionAnswer | null {
  if (!action || !data || typeof data !== 'object') return null;
  const answers = (data as Partial<PushNotificationData>).answers;
  const answer = answers && Object.prototype.hasOwnProperty.call(answers, action) ? answers[action] : undefined;
  return answer ?? null;
}

/** Where a plain click opens the app: the chat's path, else the app's root. */
export function clickPath(data: unknown): string {
  const path = data && typeof data === 'object' ? (data as Partial<PushNotificationData>).path : undefined;
  return inAppPath(path) ?? '/';
}

/** `POST /api/projects/:p/sessions/:s/attention/:markerId/resolve {answer}`, with the session cookie. */
export function resolveRequest(answer: QuestionAnswer, apiBaseUrl = ''): { url: string; init: RequestInit } {
  const e = encodeURIComponent;
  return {
    url: `${apiBaseUrl}/api/projects/${e(answer.projectId)}/sessions/${e(answer.sessionId)}/attention/${e(answer.markerId)}/resolve`,
    init: {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: answer.answer }),
    },
  };
}

/** What SAM said to an answer: its HTTP status and body, or no answer at all (network). */
export type ResolveOutcome = { status: number; body: unknown } | { status: 0; body: null };

export type AnswerState = 'answered' | 'sending' | 'refused' | 'failed';

/** Reads SAM's answer to the resolve route (apps/api/src/routes/chat.ts). */
export function answerState(outcome: ResolveOutcome): AnswerState {
  if (outcome.status === 200) return 'answered';
  if (outcome.status === 202) return 'sending';
  // 400 (not one of the options), 404 (no such open question), 409 (answered differently elsewhere): final.
  if (outcome.status === 400 || outcome.status === 404 || outcome.status === 409) return 'refused';
  return 'failed';
}

function samMessage(body: unknown): string | null {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') return (body as { message: string }).message;
  return null;
}

/** The notification after SAM answered: "Answered: Yes", or why not, with a click that opens the chat. */
export function notificationAfterAnswer(
  shown: { title: string; tag: string; data: unknown },
  answer: QuestionAnswer,
  outcome: ResolveOutcome,
): NotificationToShow {
  const state = answerState(outcome);
  const parsed = v.safeParse(ResolveAnswerSchema, outcome.body);
  const sent = (parsed.success && parsed.output.answer) || answer.answer;
  const reason = samMessage(outcome.body);
  const body =
    state === 'answered'
      ? `Answered: ${sent}`
      : state === 'sending'
        ? `Sending: ${sent}`
        : state === 'refused'
          ? `Not answered: ${reason ?? 'SAM refused the answer'}. Open the chat to see the question.`
          : `Not answered: ${outcome.status === 0 ? 'SAM could not be reached' : (reason ?? `SAM answered ${outcome.status}`)}. Open the chat to answer.`;
  return {
    title: shown.title,
    options: {
      body,
      tag: shown.tag,
      icon: NOTIFICATION_ICON,
      badge: NOTIFICATION_BADGE,
      data: { path: clickPath(shown.data), answers: {} },
      actions: [],
      requireInteraction: false,
      silent: true,
    },
  };
}
