// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { api } from '../../api/endpoints';
import { keys } from '../../api/queries';
import { createLiveEngine, LiveProvider } from '../../live/react';
import { useSessionEntry } from '../../live/react/project';
import { makeNotification } from '../../reconcile/notifications.fixtures';
import { DEFAULT_STALL_AFTER_MINUTES } from '../../reconcile/stall';
import { useConnectionStore } from '../../state/connection';
import { STALL_PREFERENCE_KEY, useStallPreference } from '../../state/stallPreference';
import { MIN, T0, makeFacts } from '../../test/factories';
import type { SessionFacts } from '../../reconcile/types';
import { NotificationBell } from './NotificationBell';
import { NOTIFICATION_PREFERENCES_KEY, useNotificationPreferences } from './preferences';
import { serveNotifications, stubBrowserApis } from './testing';

const NOW = T0 + 60 * MIN;
const TOPIC = 'Fix the login bug';
/** A working agent that last wrote 6 minutes ago: silent under a 5 min threshold, not under the default 10. */
const working = (overrides: Partial<SessionFacts> = {}) =>
  makeFacts({
    id: 's1',
    projectId: 'p1',
    topic: TOPIC,
    taskId: null,
    status: 'active',
    activity: 'prompting',
    lastMessageAt: NOW - 6 * MIN,
    promptStartedAt: NOW - 20 * MIN,
    ...overrides,
  });

const factsOf = (...sessions: SessionFacts[]) => ({
  records: new Map(sessions.map((facts) => [facts.id, { facts, stamps: { attention: 1 } }])),
  createdLive: new Map(),
});

/** What the chat header reads: the project view's own entry of the session (live/react/project). */
function ChatLabel() {
  const entry = useSessionEntry('p1', 's1');
  return <p data-testid="chat-label">{entry?.view.label ?? 'none'}</p>;
}

let tones = 0;
let shown: string[] = [];

class CountingAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = () => Promise.resolve();
  createOscillator = () => ({ type: 'sine', frequency: { setValueAtTime() {} }, connect: (next: unknown) => next, start: () => void tones++, stop() {} });
  createGain = () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (next: unknown) => next });
}

class CountingNotification {
  static permission: NotificationPermission = 'granted';
  static requestPermission = vi.fn(async () => 'granted');
  onclick: (() => void) | null = null;
  constructor(title: string) {
    shown.push(title);
  }
  close() {}
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

/** Renders the bell and the chat of s1 in project p1 (the one on screen); `elsewhere`: sessions held from a visit to p2. */
function renderWithChat(sessions: SessionFacts[], elsewhere: SessionFacts[] = []) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(keys.sessionFacts('p1'), factsOf(...sessions));
  if (elsewhere.length > 0) queryClient.setQueryData(keys.sessionFacts('p2'), factsOf(...elsewhere));
  const engine = createLiveEngine({ client: queryClient, env: { now: () => NOW } });
  const user = userEvent.setup();
  const view = render(
    <LiveProvider engine={engine}>
      <MemoryRouter initialEntries={['/projects/p1/chat/s1']}>
        <NotificationBell />
        <ChatLabel />
      </MemoryRouter>
    </LiveProvider>,
  );
  return { user, queryClient, engine, unmount: view.unmount };
}

async function openSettings(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^Notifications/ }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Alert settings' }));
  await within(dialog).findByLabelText('Call a working agent silent after');
  return dialog;
}

beforeEach(() => {
  tones = 0;
  shown = [];
  stubBrowserApis();
  serveNotifications({ feed: [] });
  vi.spyOn(api, 'tasks').mockResolvedValue({ tasks: [], nextCursor: null });
  vi.stubGlobal('AudioContext', CountingAudioContext);
  vi.stubGlobal('Notification', CountingNotification);
  vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { vibrate: vi.fn(() => true) }));
  useStallPreference.setState({ stallAfterMinutes: DEFAULT_STALL_AFTER_MINUTES });
  useNotificationPreferences.setState({ browserAlerts: false, questionSound: false });
  useConnectionStore.setState({ project: 'live', lastLiveAt: NOW, catchingUp: false });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  setVisibility('visible');
  localStorage.clear();
  useConnectionStore.getState().reset();
});

describe('AlertSettings', () => {
  it('changing the stall threshold changes what the chat reads, and is kept on this device', async () => {
    const { user } = renderWithChat([working()]);
    await vi.waitFor(() => expect(screen.getByTestId('chat-label')).toHaveTextContent(/^Working$/));
    const dialog = await openSettings(user);
    const threshold = within(dialog).getByLabelText('Call a working agent silent after');
    expect(threshold).toHaveValue('10');
    expect(
      within(threshold)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Never', '5 min', '10 min (default)', '15 min', '30 min', '60 min']);

    await user.selectOptions(threshold, '5');
    expect(screen.getByTestId('chat-label')).toHaveTextContent('Working, silent for 6 min');
    expect(JSON.parse(localStorage.getItem(STALL_PREFERENCE_KEY) ?? '{}')).toMatchObject({ state: { stallAfterMinutes: 5 } });

    await user.selectOptions(threshold, '0');
    expect(screen.getByTestId('chat-label')).toHaveTextContent(/^Working$/);
  });

  it('keeps a stored threshold that is not one of the choices choosable', async () => {
    useStallPreference.setState({ stallAfterMinutes: 20 });
    const { user } = renderWithChat([working()]);
    const threshold = within(await openSettings(user)).getByLabelText('Call a working agent silent after');
    expect(threshold).toHaveValue('20');
  });

  it('the question sound is off by default; turning it on plays a sample and is remembered', async () => {
    const { user } = renderWithChat([working()]);
    const sound = within(await openSettings(user)).getByRole('switch', { name: /^Sound and vibration/ });
    expect(sound).toHaveAttribute('aria-checked', 'false');
    await user.click(sound);
    expect(sound).toHaveAttribute('aria-checked', 'true');
    expect(tones).toBe(1);
    expect(navigator.vibrate).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(NOTIFICATION_PREFERENCES_KEY) ?? '{}')).toMatchObject({ state: { questionSound: true } });
    await user.click(sound);
    expect(tones).toBe(1);
  });
});

describe('FleetAlerts', () => {
  const question = { markerId: 'm1', kind: 'question', createdAt: NOW, expiresAt: null, reason: 'Which branch?', options: ['main'] };

  /** Lets the watcher's chunk load and take its first look. */
  const settle = () => act(async () => await import('./lazySurfaces'));

  it('with the sound on, a new question plays once, whichever way it arrives first; nothing for one open on load', async () => {
    useNotificationPreferences.setState({ questionSound: true });
    const { queryClient, engine } = renderWithChat([working(), working({ id: 's2', attention: { ...question, markerId: 'm0' } })]);
    await settle();
    expect(tones).toBe(0); // s2's question was already open

    act(() =>
      queryClient.setQueryData(
        keys.sessionFacts('p1'),
        factsOf(working({ attention: question }), working({ id: 's2', attention: { ...question, markerId: 'm0' } })),
      ),
    );
    expect(tones).toBe(1);
    act(() => engine.publishArrivals([makeNotification({ id: 'n1', type: 'needs_input', sessionId: 's1', metadata: { attentionMarkerId: 'm1' } })]));
    expect(tones).toBe(1);

    act(() => engine.publishArrivals([makeNotification({ id: 'n2', type: 'needs_input', sessionId: 's9', metadata: { attentionMarkerId: 'm2' } })]));
    expect(tones).toBe(2);
  });

  it('with the sound off, a new question makes no noise', async () => {
    const { queryClient, engine } = renderWithChat([working()]);
    await settle();
    act(() => queryClient.setQueryData(keys.sessionFacts('p1'), factsOf(working({ attention: question }))));
    act(() => engine.publishArrivals([makeNotification({ id: 'n2', type: 'needs_input', metadata: { attentionMarkerId: 'm2' } })]));
    expect(tones).toBe(0);
    expect(navigator.vibrate).not.toHaveBeenCalled();
  });

  it('a chat gone silent raises one browser notification while hidden and opted in, not again for the same silence', async () => {
    useNotificationPreferences.setState({ browserAlerts: true });
    setVisibility('hidden');
    // p2 is not on screen: no stream brings its writes, so its chat's silence is not judged.
    renderWithChat([working()], [working({ id: 's3', projectId: 'p2', topic: 'Elsewhere' })]);
    await settle();
    expect(shown).toEqual([]);
    act(() => useStallPreference.setState({ stallAfterMinutes: 5 }));
    expect(shown).toEqual([`${TOPIC} is silent for 6 min`]);
    act(() => useStallPreference.setState({ stallAfterMinutes: 0 }));
    act(() => useStallPreference.setState({ stallAfterMinutes: 5 }));
    expect(shown).toHaveLength(1);
  });

  it('says nothing of a silence while the tab is visible, or when not opted in', async () => {
    useNotificationPreferences.setState({ browserAlerts: true });
    const first = renderWithChat([working()]);
    await settle();
    act(() => useStallPreference.setState({ stallAfterMinutes: 5 }));
    expect(shown).toEqual([]);
    first.unmount();
    useStallPreference.setState({ stallAfterMinutes: 10 });
    useNotificationPreferences.setState({ browserAlerts: false });
    setVisibility('hidden');
    renderWithChat([working()]);
    await settle();
    act(() => useStallPreference.setState({ stallAfterMinutes: 5 }));
    expect(shown).toEqual([]);
  });
});
