// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { createLiveEngine, LiveProvider } from '../../live/react';
import { makeNotification, makePage, T0 } from '../../reconcile/notifications.fixtures';
import { NeedsYouPage } from './NeedsYouPage';

const NOW = T0 + 3_600_000;
const question = makeNotification({
  id: 'q1',
  type: 'needs_input',
  title: 'Input needed: Deploy the docs',
  projectId: 'p1',
  sessionId: 's1',
  createdAt: NOW - 5 * 60_000,
  metadata: { projectName: 'Alpha', attentionMarkerId: 'm1', options: ['main', 'staging'] },
});
const failure = makeNotification({
  id: 'e1',
  type: 'error',
  title: 'Task failed: Upgrade',
  projectId: 'p2',
  sessionId: 's2',
  taskId: 't2',
  createdAt: NOW - 50 * 60_000,
  metadata: { projectName: 'Beta' },
});

function Location() {
  return <p data-testid="location">{useLocation().pathname}</p>;
}

function renderQueue() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const engine = createLiveEngine({ client, env: { now: () => NOW } });
  vi.spyOn(api, 'projects').mockResolvedValue({ projects: [], nextCursor: null });
  render(
    <LiveProvider engine={engine}>
      <MemoryRouter initialEntries={['/needs-you']}>
        <Routes>
          <Route path="/needs-you" element={<NeedsYouPage />} />
          <Route path="*" element={<Location />} />
        </Routes>
      </MemoryRouter>
    </LiveProvider>,
  );
  return userEvent.setup();
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('NeedsYouPage', () => {
  it('shows loading, then an error with Retry, then the items oldest first', async () => {
    let fail = true;
    vi.spyOn(api, 'notifications').mockImplementation(async () => {
      if (fail) throw new ApiError(503, 'INTERNAL_ERROR', 'SAM is down');
      return makePage([question, failure]);
    });
    const user = renderQueue();
    expect(screen.getByRole('list', { name: 'Loading what needs you' })).toHaveAttribute('aria-busy', 'true');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('What needs you could not be loaded');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const rows = await screen.findAllByRole('article');
    expect(rows.map((row) => within(row).getByRole('heading').textContent)).toEqual(['Upgrade', 'Deploy the docs']);
    expect(rows[1]).toHaveTextContent('Alpha');
    expect(rows[1]).toHaveTextContent('5 min ago');
  });

  it('j moves to a row and a number key answers its question through the attention route; the row leaves', async () => {
    vi.spyOn(api, 'notifications').mockResolvedValue(makePage([question, failure]));
    const resolve = vi.spyOn(api, 'resolveAttention').mockResolvedValue({ success: true });
    const markRead = vi.spyOn(api, 'markRead').mockResolvedValue({ success: true });
    const user = renderQueue();
    await screen.findAllByRole('article');
    await user.keyboard('j');
    expect(screen.getByRole('article', { name: 'Upgrade' })).toHaveFocus();
    await user.keyboard('1'); // a failure has no options: nothing happens
    await user.keyboard('j');
    expect(screen.getByRole('article', { name: 'Deploy the docs' })).toHaveFocus();
    await user.keyboard('2');
    expect(resolve).toHaveBeenCalledWith('p1', 's1', 'm1', 'staging');
    expect(markRead).toHaveBeenCalledWith('q1');
    expect(await screen.findByText('Answered “staging”: Deploy the docs. It left the queue.')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('article', { name: 'Deploy the docs' })).not.toBeInTheDocument();
    // Focus stays in the list, on the row that took the answered one's place.
    expect(screen.getByRole('article', { name: 'Upgrade' })).toHaveFocus();
  });

  it('Enter on a row opens its chat; typing in the reply box is not taken for a shortcut', async () => {
    vi.spyOn(api, 'notifications').mockResolvedValue(makePage([question]));
    const resolve = vi.spyOn(api, 'resolveAttention');
    const user = renderQueue();
    const box = await screen.findByRole('textbox', { name: /Reply in your own words/ });
    await user.type(box, 'j1');
    expect(resolve).not.toHaveBeenCalled();
    expect(box).toHaveValue('j1');
    screen.getByRole('article').focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent('/projects/p1/chat/s1');
  });

  it('says so when nothing needs the person', async () => {
    vi.spyOn(api, 'notifications').mockResolvedValue(makePage([]));
    renderQueue();
    expect(await screen.findByText('Nothing needs you')).toBeInTheDocument();
  });
});
