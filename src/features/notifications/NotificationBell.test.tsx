// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { keys } from '../../api/queries';
import { makeFacts } from '../../test/factories';
import { makeNotification, T0 } from '../../reconcile/notifications.fixtures';
import { NOTIFICATION_PREFERENCES_KEY, useNotificationPreferences } from './preferences';
import { renderBell, serveNotifications, stubBrowserApis } from './testing';

const NOW = T0 + 3_600_000;
const ask = makeNotification({ id: 'q1', type: 'needs_input', title: 'Which branch?', metadata: { projectName: 'Alpha' } });
const done = makeNotification({ id: 'd1', type: 'task_complete', title: 'Docs updated' });
const progress = makeNotification({ id: 'u1', type: 'progress', title: 'Running tests' });

class FakeBrowserNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => FakeBrowserNotification.permission);
  static shown: Array<{ title: string; tag?: string }> = [];
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    FakeBrowserNotification.shown.push({ title, tag: options?.tag });
  }
  close() {}
}

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

beforeEach(() => {
  FakeBrowserNotification.shown = [];
  FakeBrowserNotification.permission = 'default';
  vi.stubGlobal('Notification', FakeBrowserNotification);
  useNotificationPreferences.setState({ browserAlerts: false });
  document.title = 'Lookout';
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setVisibility('visible');
  localStorage.clear();
});

const bell = () => screen.getByRole('button', { name: /^Notifications/ });

/** A project's facts entry holding one session, as the live layer writes it. */
function factsWith(sessionId: string, attention: ReturnType<typeof makeFacts>['attention']) {
  const facts = makeFacts({ id: sessionId, attention });
  return { records: new Map([[sessionId, { facts, stamps: {} }]]), createdLive: new Map() };
}

describe('NotificationBell', () => {
  it('keeps counting an open question after its notification was read, until it is answered or expires', async () => {
    stubBrowserApis();
    const readAsk = makeNotification({ id: 'q1', type: 'needs_input', sessionId: 's1', readAt: T0, metadata: { attentionMarkerId: 'm1' } });
    serveNotifications({ feed: [readAsk] });
    const question = { markerId: 'm1', kind: 'question', createdAt: T0, expiresAt: NOW + 1, reason: 'Which branch?', options: ['main'] };
    const { queryClient } = renderBell({ now: NOW });
    act(() => queryClient.setQueryData(keys.sessionFacts('p1'), factsWith('s1', question)));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 1 need attention'));
    expect(document.title).toBe('(1) Lookout');
    act(() => queryClient.setQueryData(keys.sessionFacts('p1'), factsWith('s1', null)));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 0 need attention'));
    act(() => queryClient.setQueryData(keys.sessionFacts('p1'), factsWith('s1', { ...question, expiresAt: NOW })));
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 0 need attention'));
  });

  it('names the Priority unread count, toggles aria-expanded, and Escape returns focus to it', async () => {
    stubBrowserApis();
    serveNotifications({ feed: [ask, done, progress] });
    const { user } = renderBell({ now: NOW });
    await waitFor(() => expect(bell()).toHaveAccessibleName('Notifications, 2 need attention'));
    expect(screen.getByTestId('bell-badge')).toHaveTextContent('2');
    expect(bell()).toHaveAttribute('aria-expanded', 'false');
    await user.click(bell());
    expect(bell()).toHaveAttribute('aria-expanded', 'true');
    await screen.findByRole('dialog');
    await waitFor(() => expect(screen.getByRole('tab', { name: /Priority/ })).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(bell()).toHaveFocus();
  });

  it('prefixes the page title with the Priority count, and keeps it when a page renames itself', async () => {
    stubBrowserApis();
    serveNotifications({ feed: [ask, done, progress] });
    renderBell({ now: NOW });
    await waitFor(() => expect(document.title).toBe('(2) Lookout'));
    document.title = 'Chat · Lookout';
    await waitFor(() => expect(document.title).toBe('(2) Chat · Lookout'));
    cleanup();
    expect(document.title).toBe('Chat · Lookout');
  });

  it('puts the count on the tab icon and the app badge, red while a failure is unread, and clears them when nothing needs you', async () => {
    stubBrowserApis();
    const setAppBadge = vi.fn(() => Promise.resolve());
    const clearAppBadge = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator) as Navigator, { setAppBadge, clearAppBadge }));
    const failure = makeNotification({ id: 'e1', type: 'error', title: 'Task failed: Fix the build' });
    serveNotifications({ feed: [ask, done, failure] });
    const icon = () => decodeURIComponent(document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? '');
    renderBell({ now: NOW });
    await waitFor(() => expect(icon()).toMatch(/^data:image\/svg\+xml,.*>2<\/text>/));
    expect(icon()).toContain('#c62a2f');
    expect(setAppBadge).toHaveBeenLastCalledWith(2);
    cleanup();
    await waitFor(() => expect(icon()).toBe('/favicon.svg'));
    expect(clearAppBadge).toHaveBeenCalled();
  });

  it('is a full-screen sheet under 768 px that keeps focus inside', async () => {
    stubBrowserApis({ desktop: false });
    serveNotifications({ feed: [done] });
    const { user } = renderBell({ now: NOW });
    await user.click(bell());
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    await within(dialog).findByText('Docs updated');
    const settings = within(dialog).getByRole('button', { name: 'Alert settings' });
    settings.focus();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(within(dialog).getByRole('button', { name: 'Close notifications' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(settings).toHaveFocus();
  });

  it('announces Priority arrivals politely; progress stays quiet', async () => {
    stubBrowserApis();
    serveNotifications({ feed: [] });
    const { engine } = renderBell({ now: NOW });
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    act(() => engine.publishArrivals([progress]));
    expect(region).toHaveTextContent('');
    act(() => engine.publishArrivals([ask]));
    expect(region).toHaveTextContent('New notification: Which branch?, Alpha');
  });

  it('raises a browser notification only for Priority items, only while hidden and opted in', async () => {
    stubBrowserApis();
    serveNotifications({ feed: [] });
    FakeBrowserNotification.permission = 'granted';
    const { engine } = renderBell({ now: NOW });
    setVisibility('hidden');
    act(() => engine.publishArrivals([ask]));
    expect(FakeBrowserNotification.shown).toEqual([]); // not opted in
    useNotificationPreferences.setState({ browserAlerts: true });
    act(() => engine.publishArrivals([progress, done]));
    expect(FakeBrowserNotification.shown).toEqual([{ title: 'Docs updated', tag: 'd1' }]);
    setVisibility('visible');
    act(() => engine.publishArrivals([ask]));
    expect(FakeBrowserNotification.shown).toHaveLength(1);
  });

  it('the opt-in asks for permission on its click and remembers the choice', async () => {
    stubBrowserApis();
    serveNotifications({ feed: [] });
    const { user } = renderBell({ now: NOW });
    await user.click(bell());
    await user.click(await screen.findByRole('button', { name: 'Alert settings' }));
    const toggle = await screen.findByRole('switch', { name: /^Browser notifications/ });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(FakeBrowserNotification.requestPermission).not.toHaveBeenCalled();

    FakeBrowserNotification.permission = 'denied';
    await user.click(toggle);
    expect(await screen.findByText(/blocked/)).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-checked', 'false');

    FakeBrowserNotification.permission = 'granted';
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(JSON.parse(localStorage.getItem(NOTIFICATION_PREFERENCES_KEY) ?? '{}')).toMatchObject({ state: { browserAlerts: true } });
  });
});
