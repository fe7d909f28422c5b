// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { ApiError } from '../../api/http';
import { keys } from '../../api/queries';
import { makeNotification, T0 } from '../../reconcile/notifications.fixtures';
import { renderBell, serveNotifications, stubBrowserApis } from './testing';

const NOW = T0 + 3_600_000;
const minutesAgo = (m: number) => NOW - m * 60_000;

const question = makeNotification({
  id: 'q1',
  type: 'needs_input',
  title: 'Which branch should I deploy?',
  projectId: 'p1',
  sessionId: 's1',
  actionUrl: '/projects/p1/chat/s1',
  createdAt: minutesAgo(1),
  metadata: { projectName: 'Alpha', attentionMarkerId: 'm1', options: ['main', 'staging'] },
});
const done = makeNotification({
  id: 'd1',
  type: 'task_complete',
  title: 'Docs updated',
  projectId: 'p2',
  sessionId: 's2',
  actionUrl: '/projects/p2/chat/s2',
  createdAt: minutesAgo(2),
  metadata: { projectName: 'Beta' },
});
const phishing = makeNotification({
  id: 'x1',
  type: 'task_complete',
  title: 'Claim your prize',
  actionUrl: 'https://evil.example/login',
  createdAt: minutesAgo(3),
  metadata: { projectName: 'Alpha' },
  projectId: 'p1',
});
const progress = makeNotification({
  id: 'u1',
  type: 'progress',
  title: 'Running tests',
  createdAt: minutesAgo(4),
  projectId: 'p1',
  metadata: { projectName: 'Alpha' },
});
const failed = makeNotification({
  id: 'u2',
  type: 'error',
  title: 'Build failed',
  createdAt: minutesAgo(5),
  readAt: minutesAgo(5),
  projectId: 'p1',
  metadata: { projectName: 'Alpha' },
});
const future = makeNotification({
  id: 'u3',
  type: 'quantum_event',
  title: 'Something new',
  createdAt: minutesAgo(6),
  projectId: 'p1',
  metadata: { projectName: 'Alpha' },
});
const ALL = [question, done, phishing, progress, failed, future];

beforeEach(() => stubBrowserApis());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openPanel(path = '/') {
  const harness = renderBell({ now: NOW, path });
  await harness.user.click(screen.getByRole('button', { name: /^Notifications/ }));
  const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
  return { ...harness, dialog };
}

const titles = (container: HTMLElement) =>
  within(container)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('p')?.textContent?.replace('Unread: ', ''));

describe('NotificationPanel', () => {
  it('opens on Priority; each tab lists and counts its own items', async () => {
    serveNotifications({ feed: ALL });
    const { user } = await openPanel();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Priority3(3 unread)', 'Updates2(2 unread)', 'All5(5 unread)']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    const panel = screen.getByRole('tabpanel');
    await waitFor(() => expect(titles(panel)).toEqual(['Which branch should I deploy?', 'Claim your prize', 'Docs updated']));
    // Several projects: grouped, in feed order of each group's newest item.
    expect(
      within(panel)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Alpha', 'Beta']);

    await user.click(screen.getByRole('tab', { name: /Updates/ }));
    expect(titles(screen.getByRole('tabpanel'))).toEqual(['Running tests', 'Build failed', 'Something new']);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /All/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: /All/ })).toHaveFocus();
    expect(titles(screen.getByRole('tabpanel'))).toHaveLength(6);
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /Priority/ })).toHaveFocus();
  });

  it('a click on an in-app item marks it read and navigates there', async () => {
    const rest = serveNotifications({ feed: [done] });
    const { user, dialog } = await openPanel();
    await user.click(await within(dialog).findByRole('link', { name: 'Unread: Docs updated' }));
    expect(rest.markRead).toHaveBeenCalledWith('d1');
    expect(screen.getByTestId('location')).toHaveTextContent('/projects/p2/chat/s2');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('an external actionUrl is shown as text and never followed', async () => {
    const rest = serveNotifications({ feed: [phishing] });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const { user, dialog } = await openPanel('/start');
    await within(dialog).findByText('https://evil.example/login');
    expect(within(within(dialog).getByRole('tabpanel')).queryByRole('link')).not.toBeInTheDocument();
    expect(dialog.querySelector('a[href*="evil"]')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Unread: Claim your prize' }));
    expect(rest.markRead).toHaveBeenCalledWith('x1');
    expect(screen.getByTestId('location')).toHaveTextContent('/start');
    expect(open).not.toHaveBeenCalled();
  });

  it('mark all read is optimistic and rolled back, with a message, when SAM refuses', async () => {
    const rest = serveNotifications({ feed: ALL });
    let refuse: (error: unknown) => void = () => {};
    rest.markAllRead.mockImplementation(() => new Promise((_resolve, reject) => (refuse = reject)));
    const { user, dialog } = await openPanel();
    await within(dialog).findByText('Docs updated');
    await user.click(within(dialog).getByRole('button', { name: 'Mark all read' }));
    expect(within(dialog).queryAllByText('Unread:')).toHaveLength(0);
    expect(screen.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName('Notifications, 0 need attention');
    refuse(new ApiError(500, 'INTERNAL_ERROR', 'boom'));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/Could not mark all as read/);
    expect(within(dialog).queryAllByText('Unread:')).toHaveLength(3);
    expect(screen.getByRole('button', { name: /^Notifications/ })).toHaveAccessibleName('Notifications, 3 need attention');
  });

  it('answering a needs_input item calls resolve, shows the answer, marks it read and refreshes the session', async () => {
    const rest = serveNotifications({ feed: [question] });
    const { user, dialog, queryClient } = await openPanel();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const answers = await within(dialog).findByRole('group', { name: /Answer/ });
    await user.click(within(answers).getByRole('button', { name: 'staging' }));
    expect(rest.resolveAttention).toHaveBeenCalledWith('p1', 's1', 'm1', 'staging');
    expect(await within(dialog).findByText('staging')).toBeInTheDocument();
    expect(within(dialog).getByText(/Answered/)).toBeInTheDocument();
    expect(rest.markRead).toHaveBeenCalledWith('q1');
    expect(invalidate).toHaveBeenCalledWith({ queryKey: keys.sessionList('p1') });
    expect(within(dialog).queryByText('Unread:')).not.toBeInTheDocument();
  });

  it('dismiss removes the item', async () => {
    const rest = serveNotifications({ feed: [done, question] });
    const { user, dialog } = await openPanel();
    await user.click(await within(dialog).findByRole('button', { name: 'Dismiss Docs updated' }));
    expect(rest.dismiss).toHaveBeenCalledWith('d1');
    expect(within(dialog).queryByText('Docs updated')).not.toBeInTheDocument();
  });

  it('loads older pages from the sentinel and from the button', async () => {
    const { revealSentinel } = stubBrowserApis();
    const older = makeNotification({ id: 'o1', type: 'task_complete', title: 'Older work', createdAt: minutesAgo(90) });
    const oldest = makeNotification({ id: 'o2', type: 'task_complete', title: 'Oldest work', createdAt: minutesAgo(120) });
    const rest = serveNotifications({ feed: [[done], [older], [oldest]] });
    const { user, dialog } = await openPanel();
    await within(dialog).findByText('Docs updated');
    revealSentinel();
    await within(dialog).findByText('Older work');
    await user.click(within(dialog).getByRole('button', { name: 'Load more' }));
    await within(dialog).findByText('Oldest work');
    expect(within(dialog).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(rest.notifications.mock.calls.map(([query]) => query)).toContainEqual({ limit: 30, cursor: 2 });
  });

  it('says when a tab is empty, and offers Retry when loading failed', async () => {
    const rest = serveNotifications({ feed: [progress] });
    const { dialog } = await openPanel();
    expect(await within(dialog).findByText('Nothing needs you')).toBeInTheDocument();
    cleanup();

    rest.notifications.mockRejectedValue(new ApiError(0, 'NETWORK_ERROR', 'offline'));
    const second = await openPanel();
    const alert = await within(second.dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load notifications');
    rest.notifications.mockResolvedValue({ notifications: [done], unreadCount: 1, nextCursor: null });
    await second.user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(second.dialog).findByText('Docs updated')).toBeInTheDocument();
  });
});
