// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { ApiError } from '../../api/http';
import { ClockProvider, fixedClock } from '../../ui/useNow';
import { makeSessionEntry } from '../../test/factories';
import { SessionsPanel, type SessionsPanelProps } from './SessionsPanel';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

afterEach(cleanup);

const ENTRIES = [
  makeSessionEntry({ session: { id: 'old', topic: 'Upgrade React' }, view: { state: 'completed', label: 'Completed' }, lastActivityAt: NOW - 72 * HOUR }),
  makeSessionEntry({
    session: { id: 'ask', topic: 'Deploy the docs' },
    view: {
      state: 'needs_input',
      label: 'Needs you',
      attention: { markerId: 'm', kind: 'question', createdAt: null, expiresAt: null, reason: 'Which branch?', options: [] },
    },
    lastActivityAt: NOW - HOUR,
  }),
  makeSessionEntry({ session: { id: 'run', topic: 'Fix the login bug' }, view: { state: 'working', label: 'Working' }, lastActivityAt: NOW - 60_000 }),
  makeSessionEntry({
    session: { id: 'retry', topic: 'Fix flaky test' },
    view: { state: 'failed', label: 'Failed' },
    lineage: { kind: 'retry', parentTaskId: 't0', parentTitle: 'Fix flaky test', parentSessionId: 's0', attempt: 2, text: '↩ attempt 2' },
    lastActivityAt: NOW - 2 * HOUR,
  }),
];

function OpenChat() {
  return <p>Open chat: {useParams().sessionId}</p>;
}

function renderPanel(props: Partial<SessionsPanelProps> = {}) {
  const handlers = { onLoadMore: vi.fn(), onRetry: vi.fn(), onNewChat: vi.fn().mockResolvedValue(undefined) };
  const user = userEvent.setup();
  render(
    <ClockProvider clock={fixedClock(NOW)}>
      <MemoryRouter initialEntries={['/projects/p1/chat']}>
        <Routes>
          <Route
            path="/projects/:projectId/chat/:sessionId?"
            element={
              <>
                <SessionsPanel
                  projectId="p1"
                  selectedSessionId={null}
                  entries={ENTRIES}
                  status="success"
                  error={null}
                  hasMore={false}
                  isLoadingMore={false}
                  {...handlers}
                  {...props}
                />
                <OpenChat />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </ClockProvider>,
  );
  return { user, ...handlers };
}

const topics = (section: HTMLElement) =>
  within(section)
    .getAllByRole('link')
    .map((link) => link.textContent);

describe('SessionsPanel', () => {
  it('groups sessions into Needs you, Working, Recent and Older, in that order', () => {
    renderPanel();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(['Needs you (1)', 'Working (1)', 'Recent (1)', 'Older (1)']);
    const [needsYou, , recent] = screen.getAllByRole('region');
    expect(topics(needsYou!)[0]).toContain('Deploy the docs');
    expect(topics(recent!)[0]).toContain('Fix flaky test');
  });

  it('shows each row with state icon + label, time, lineage and a question marker', () => {
    renderPanel();
    const retry = screen.getByRole('link', { name: /fix flaky test/i });
    expect(within(retry).getByText('Failed')).toBeInTheDocument();
    expect(retry.querySelector('svg[data-icon="failed"]')).not.toBeNull();
    expect(within(retry).getByText('↩ attempt 2')).toBeInTheDocument();
    expect(within(retry).getByText('2 h ago')).toBeInTheDocument();
    expect(within(screen.getByRole('link', { name: /deploy the docs/i })).getByText('Question')).toBeInTheDocument();
  });

  it('is one tab stop; arrow keys move through all groups and Enter opens the chat', async () => {
    const { user } = renderPanel();
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.tabIndex)).toEqual([0, -1, -1, -1]);
    await user.click(screen.getByRole('searchbox'));
    await user.tab();
    expect(links[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(links[3]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(links[2]).toHaveFocus();
    expect(links[2]).toHaveAttribute('tabindex', '0');
    await user.keyboard('{Enter}');
    expect(screen.getByText('Open chat: retry')).toBeInTheDocument();
  });

  it('marks the open chat with aria-current and makes it the tab stop', () => {
    renderPanel({ selectedSessionId: 'run' });
    const current = screen.getByRole('link', { current: 'page' });
    expect(current).toHaveTextContent('Fix the login bug');
    expect(current).toHaveAttribute('tabindex', '0');
  });

  it('filters by topic', async () => {
    const { user } = renderPanel();
    await user.type(screen.getByRole('searchbox', { name: /search chats/i }), 'FIX');
    expect(screen.getAllByRole('link').map((l) => l.textContent)).toEqual([
      expect.stringContaining('Fix the login bug'),
      expect.stringContaining('Fix flaky test'),
    ]);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nothing like this');
    expect(screen.getByText(/no loaded chat matches/i)).toBeInTheDocument();
  });

  it('says once, above the list, when the states may be out of date', () => {
    renderPanel({ entries: ENTRIES.map((entry) => ({ ...entry, view: { ...entry.view, stale: true } })) });
    expect(screen.getAllByText(/may be out of date/)).toHaveLength(1);
  });

  it('loads more on request', async () => {
    const { user, onLoadMore } = renderPanel({ hasMore: true });
    await user.click(screen.getByRole('button', { name: 'Load more chats' }));
    expect(onLoadMore).toHaveBeenCalledOnce();
  });

  it('shows a skeleton while loading', () => {
    renderPanel({ status: 'pending', entries: [] });
    expect(screen.getByRole('status', { name: 'Loading chats' })).toBeInTheDocument();
  });

  it('shows an error with Retry', async () => {
    const { user, onRetry } = renderPanel({ status: 'error', entries: [], error: new Error('boom') });
    expect(screen.getByRole('alert')).toHaveTextContent('boom');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says a project that is gone is not here and links to all projects instead of retrying', () => {
    renderPanel({ status: 'error', entries: [], error: new ApiError(404, 'NOT_FOUND', 'Project not found') });
    expect(screen.getByRole('alert')).toHaveTextContent('This project is not here');
    expect(screen.getByRole('link', { name: 'All projects' })).toHaveAttribute('href', '/');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('says when there are no chats and starts one', async () => {
    const { user, onNewChat } = renderPanel({ entries: [] });
    expect(screen.getByText('No chats yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /new chat/i }));
    await user.type(screen.getByRole('textbox', { name: 'What should the agent do?' }), 'Write a README');
    await user.click(screen.getByRole('button', { name: 'Start chat' }));
    expect(onNewChat).toHaveBeenCalledWith('Write a README');
  });
});
