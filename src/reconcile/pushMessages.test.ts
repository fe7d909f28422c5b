import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answerForAction, answerOf, answerState, clickPath, notificationAfterAnswer, notificationFromPush, resolveRequest } from './pushMessages';

/*
 * The service worker's decisions, on pushes shaped as SAM b672af2 builds them
 * (apps/api/src/durable-objects/notification-push.ts, buildDeclarativeWebPushPayload): a Declarative Web
 * Push message whose URLs are on SAM's app origin, a question's options as actions naming the answer in
 * the fragment.
 */

const APP = 'https://app.sam.example';
const chat = `${APP}/projects/proj-1/chat/sess-1`;
const action = (index: number, option: string, marker = 'mark-1') =>
  ({
    action: `answer-${index}`,
    title: option.slice(0, 40),
    navigate: `${chat}#${new URLSearchParams({ attentionMarker: marker, attentionAnswer: option })}`,
  }) as const;

const question = {
  web_push: 8030,
  notification: {
    title: 'Decision needed: Fix the flaky login test',
    body: 'Should the retry also cover the SSO path?',
    navigate: chat,
    app_badge: '1',
    actions: [action(0, 'Yes, cover SSO'), action(1, 'No, password login only')],
  },
};

describe('notificationFromPush', () => {
  it("shows a question's options as actions, each holding its answer, and keeps the chat's path for a click", () => {
    const shown = notificationFromPush(question)!;
    expect(shown.title).toBe('Decision needed: Fix the flaky login test');
    expect(shown.options.body).toBe('Should the retry also cover the SSO path?');
    expect(shown.options.actions).toEqual([
      { action: 'answer-0', title: 'Yes, cover SSO' },
      { action: 'answer-1', title: 'No, password login only' },
    ]);
    expect(shown.options.data).toEqual({
      path: '/projects/proj-1/chat/sess-1',
      answers: {
        'answer-0': { projectId: 'proj-1', sessionId: 'sess-1', markerId: 'mark-1', answer: 'Yes, cover SSO' },
        'answer-1': { projectId: 'proj-1', sessionId: 'sess-1', markerId: 'mark-1', answer: 'No, password login only' },
      },
    });
    expect(shown.options.tag).toBe('question:mark-1');
    expect(shown.options.requireInteraction).toBe(true);
  });

  it('shows a push without actions (a finished task) as a plain notification that opens its chat', () => {
    const shown = notificationFromPush({
      web_push: 8030,
      notification: { title: 'Task complete: Add a dark mode toggle', body: 'Added a toggle.', navigate: chat, app_badge: '1' },
    })!;
    expect(shown.options.actions).toEqual([]);
    expect(shown.options.requireInteraction).toBe(false);
    expect(shown.options.tag).toBe('chat:/projects/proj-1/chat/sess-1');
    expect(clickPath(shown.options.data)).toBe('/projects/proj-1/chat/sess-1');
  });

  it("uses the title as the body when SAM sends none, and opens the app's root for a URL that is not one of Lookout's routes", () => {
    const shown = notificationFromPush({ web_push: 8030, notification: { title: 'Heads up', navigate: `${APP}/settings/billing` } })!;
    expect(shown.options.body).toBe('Heads up');
    expect(shown.options.data.path).toBe('/');
  });

  it('drops an action that names no answer (it would only navigate, which a click does)', () => {
    const shown = notificationFromPush({
      ...question,
      notification: { ...question.notification, actions: [{ action: 'open', title: 'Open', navigate: chat }, action(1, 'No')] },
    })!;
    expect(shown.options.actions).toEqual([{ action: 'answer-1', title: 'No' }]);
  });

  it('ignores what is not a SAM push', () => {
    for (const message of [
      null,
      'hello',
      {},
      { web_push: 1, notification: { title: 'x' } },
      { web_push: 8030, notification: { title: '' } },
      { web_push: 8030 },
    ]) {
      expect(notificationFromPush(message)).toBeNull();
    }
  });
});

describe('answerOf', () => {
  it('reads any option back from the fragment SAM encodes, including characters that need escaping', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.stringMatching(/^[\w-]{1,40}$/), (option, marker) => {
        expect(answerOf(action(0, option, marker).navigate)).toEqual({ projectId: 'proj-1', sessionId: 'sess-1', markerId: marker, answer: option });
      }),
    );
  });

  it('needs a chat path, a marker and an answer', () => {
    expect(answerOf(`${APP}/projects/p#attentionMarker=m&attentionAnswer=Yes`)).toBeNull();
    expect(answerOf(`${chat}#attentionAnswer=Yes`)).toBeNull();
    expect(answerOf(`${chat}#attentionMarker=m`)).toBeNull();
  });
});

describe('answering from an action', () => {
  const data = notificationFromPush(question)!.options.data;

  it("finds the action's answer, and none for a plain click or an action it does not know", () => {
    expect(answerForAction(data, 'answer-1')?.answer).toBe('No, password login only');
    expect(answerForAction(data, '')).toBeNull();
    expect(answerForAction(data, 'answer-7')).toBeNull();
    expect(answerForAction(data, 'constructor')).toBeNull();
    expect(answerForAction(null, 'answer-0')).toBeNull();
  });

  it("posts the answer to SAM's resolve route with the session cookie", () => {
    const { url, init } = resolveRequest(answerForAction(data, 'answer-0')!, 'https://api.sam.example');
    expect(url).toBe('https://api.sam.example/api/projects/proj-1/sessions/sess-1/attention/mark-1/resolve');
    expect(init).toMatchObject({ method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(init.body as string)).toEqual({ answer: 'Yes, cover SSO' });
    expect(resolveRequest({ projectId: 'a/b', sessionId: 's?', markerId: 'm#', answer: 'x' }).url).toBe(
      '/api/projects/a%2Fb/sessions/s%3F/attention/m%23/resolve',
    );
  });
});

describe('the notification after SAM answered', () => {
  const shown = { title: question.notification.title, tag: 'question:mark-1', data: notificationFromPush(question)!.options.data };
  const yes = { projectId: 'proj-1', sessionId: 'sess-1', markerId: 'mark-1', answer: 'Yes, cover SSO' };

  it.each([
    [{ status: 200, body: { resolved: true, alreadyResolved: false, answer: 'Yes, cover SSO' } }, 'answered', 'Answered: Yes, cover SSO'],
    [{ status: 200, body: { resolved: true, alreadyResolved: true, answer: 'Yes, cover SSO' } }, 'answered', 'Answered: Yes, cover SSO'],
    [{ status: 202, body: { resolved: false, inFlight: true, answer: 'Yes, cover SSO' } }, 'sending', 'Sending: Yes, cover SSO'],
    [
      { status: 409, body: { error: 'CONFLICT', message: 'Attention request is already resolved' } },
      'refused',
      'Not answered: Attention request is already resolved. Open the chat to see the question.',
    ],
    [
      { status: 404, body: { error: 'NOT_FOUND', message: 'Attention request not found' } },
      'refused',
      'Not answered: Attention request not found. Open the chat to see the question.',
    ],
    [
      { status: 500, body: { error: 'INTERNAL_ERROR', message: 'Failed to reach the agent' } },
      'failed',
      'Not answered: Failed to reach the agent. Open the chat to answer.',
    ],
    [{ status: 0, body: null }, 'failed', 'Not answered: SAM could not be reached. Open the chat to answer.'],
  ] as const)('%j reads %s', (outcome, state, body) => {
    expect(answerState(outcome)).toBe(state);
    const after = notificationAfterAnswer(shown, yes, outcome);
    expect(after.options.body).toBe(body);
    // It replaces the question (same tag), quietly, with no actions left, and a click opens the chat.
    expect(after.title).toBe(shown.title);
    expect(after.options.tag).toBe('question:mark-1');
    expect(after.options.actions).toEqual([]);
    expect(after.options.silent).toBe(true);
    expect(clickPath(after.options.data)).toBe('/projects/proj-1/chat/sess-1');
  });
});
