// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { SessionEntry } from '../../../reconcile/types';
import { sessionEntry } from '../../../ui/testing/sessionEntry';
import { ChatHeader } from './ChatHeader';

const PARENT_TASK = '01HZX3K9QW7E5R2T8Y6U4I0OPA';
const PARENT_SESSION = '5f0c2d1e-8a7b-4c3d-9e2f-1a0b9c8d7e6f';

afterEach(cleanup);

function renderHeader(entry: SessionEntry) {
  const lineageActions = { retry: vi.fn().mockResolvedValue(undefined), fork: vi.fn().mockResolvedValue(undefined) };
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ChatHeader projectId="p1" entry={entry} agentState={null} lineageActions={lineageActions} />
    </MemoryRouter>,
  );
  return { user, lineageActions };
}

const forked = sessionEntry({
  lineage: {
    kind: 'fork',
    parentTaskId: PARENT_TASK,
    parentTitle: 'Build the login page',
    parentSessionId: PARENT_SESSION,
    attempt: null,
    text: '⑂ from Build the login page',
  },
});

describe('ChatHeader', () => {
  it('shows the topic, the state with its reason, collapsed', () => {
    renderHeader(sessionEntry({ view: { state: 'failed', label: 'Failed', reason: 'task failed: tests did not pass' } }));
    expect(screen.getByRole('heading', { name: 'Fix the login bug' })).toBeInTheDocument();
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.getByText(/task failed: tests did not pass/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('expanded, shows a fork\'s Source: the parent title as a link and its lineage', async () => {
    const { user } = renderHeader(forked);
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const parent = screen.getByRole('link', { name: 'Build the login page' });
    expect(parent).toHaveAttribute('href', `/projects/p1/chat/${PARENT_SESSION}`);
    expect(screen.getByText('Source')).toBeInTheDocument();
    // The fork mark is drawn as an icon, but the text (for copying and screen readers) keeps it.
    const lineageText = screen.getAllByText((_, element) => element?.textContent === '⑂ from Build the login page');
    expect(lineageText.length).toBeGreaterThan(0);
  });

  it('copies the FULL parent task and parent session ids and confirms', async () => {
    const { user } = renderHeader(forked);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const source = screen.getByText('Source').closest('div')!;
    await user.click(within(source).getByRole('button', { name: `Copy parent task id ${PARENT_TASK}` }));
    expect(writeText).toHaveBeenLastCalledWith(PARENT_TASK);
    expect(within(source).getByText('Copied')).toBeInTheDocument();
    await user.click(within(source).getByRole('button', { name: `Copy parent session id ${PARENT_SESSION}` }));
    expect(writeText).toHaveBeenLastCalledWith(PARENT_SESSION);
  });

  it('shows the parent title as text when its session is not known', async () => {
    const { user } = renderHeader(
      sessionEntry({
        lineage: { kind: 'retry', parentTaskId: PARENT_TASK, parentTitle: 'Old attempt', parentSessionId: null, attempt: 2, text: '↩ attempt 2' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('link', { name: 'Old attempt' })).toBeNull();
    expect(screen.getByText('Old attempt')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /copy parent session id/i })).toBeNull();
  });

  it('does not show a subtask as a fork', async () => {
    const { user } = renderHeader(sessionEntry({ lineage: { kind: 'subtask', parentTaskId: PARENT_TASK } }));
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByText('Source')).toBeNull();
    expect(screen.getByText('Subtask of')).toBeInTheDocument();
  });

  it('shows task facts, and an error card for a failed task', async () => {
    const { user } = renderHeader(
      sessionEntry({
        view: { state: 'failed', label: 'Failed', ended: true, canSend: false, canInterrupt: false },
        task: { status: 'failed', errorMessage: 'npm test exited 1', outputBranch: 'sam/fix-login', outputPrUrl: 'https://github.com/o/r/pull/9' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('Task failed')).toBeInTheDocument();
    expect(screen.getByText('npm test exited 1')).toBeInTheDocument();
    expect(screen.getByText('sam/fix-login')).toBeInTheDocument();
    const pr = screen.getByRole('link', { name: 'https://github.com/o/r/pull/9' });
    expect(pr).toHaveAttribute('target', '_blank');
    expect(pr).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('offers Retry on a failed session and calls it', async () => {
    const { user, lineageActions } = renderHeader(
      sessionEntry({ view: { state: 'failed', label: 'Failed', ended: true, canSend: false, canInterrupt: false } }),
    );
    await user.click(screen.getByRole('button', { name: 'Details' }));
    await user.click(screen.getByRole('button', { name: /retry/i }));
    expect(lineageActions.retry).toHaveBeenCalledOnce();
  });

  it('offers no Retry while the session works', async () => {
    const { user } = renderHeader(sessionEntry());
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('button', { name: /retry/i })).toBeNull();
    expect(screen.getByRole('button', { name: /fork/i })).toBeInTheDocument();
  });
});
