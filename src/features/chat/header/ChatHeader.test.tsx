// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { SessionEntry } from '../../../reconcile/types';
import { makeSessionEntry } from '../../../test/factories';
import type { LineageChildLink } from '../chatTypes';
import { ChatHeader } from './ChatHeader';

const PARENT_TASK = '01HZX3K9QW7E5R2T8Y6U4I0OPA';
const PARENT_SESSION = '5f0c2d1e-8a7b-4c3d-9e2f-1a0b9c8d7e6f';

afterEach(cleanup);

function renderHeader(entry: SessionEntry, children: readonly LineageChildLink[] = []) {
  const lineageActions = { retry: vi.fn().mockResolvedValue(undefined), fork: vi.fn().mockResolvedValue(undefined), children };
  const user = userEvent.setup();
  render(
    <MemoryRouter>
      <ChatHeader
        projectId="p1"
        entry={entry}
        agentState={null}
        lineageActions={lineageActions}
        history={{ items: [], hasEarlier: false }}
        onJumpToTurn={vi.fn()}
      />
    </MemoryRouter>,
  );
  return { user, lineageActions };
}

const forked = makeSessionEntry({
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
    renderHeader(makeSessionEntry({ view: { state: 'idle', label: 'Idle', reason: 'agent finished 2 min ago' } }));
    expect(screen.getByRole('heading', { name: 'Fix the login bug' })).toBeInTheDocument();
    expect(screen.getByText('Idle')).toBeInTheDocument();
    expect(screen.getByText(/agent finished 2 min ago/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('leaves the reason to the composer when the chat cannot take a prompt (said once)', () => {
    renderHeader(makeSessionEntry({ view: { state: 'failed', label: 'Failed', reason: 'task failed: tests did not pass', ended: true, canSend: false } }));
    expect(screen.getByText('Failed')).toBeInTheDocument();
    expect(screen.queryByText(/tests did not pass/)).toBeNull();
  });

  it('leaves an open question to the composer, which shows it with its options (said once)', () => {
    const attention = {
      markerId: 'm1',
      kind: 'question',
      createdAt: 0,
      expiresAt: null,
      reason: 'Queue table or buffer?',
      options: ['Queue table', 'Buffer'],
    };
    renderHeader(
      makeSessionEntry({ view: { state: 'needs_input', label: 'Needs you', reason: 'waiting for your answer: Queue table or buffer?', attention } }),
    );
    expect(screen.getByText('Needs you')).toBeInTheDocument();
    expect(screen.queryByText(/Queue table or buffer/)).toBeNull();
  });

  it("expanded, shows a fork's Source: the parent title as a link and its lineage", async () => {
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
      makeSessionEntry({
        lineage: { kind: 'retry', parentTaskId: PARENT_TASK, parentTitle: 'Old attempt', parentSessionId: null, attempt: 2, text: '↩ attempt 2' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('link', { name: 'Old attempt' })).toBeNull();
    expect(screen.getByText('Old attempt')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /copy parent session id/i })).toBeNull();
  });

  it('does not show a subtask as a fork', async () => {
    const { user } = renderHeader(makeSessionEntry({ lineage: { kind: 'subtask', parentTaskId: PARENT_TASK } }));
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByText('Source')).toBeNull();
    expect(screen.getByText('Subtask of')).toBeInTheDocument();
  });

  it('shows task facts; the full error only when the reason had to shorten it', async () => {
    const failed = { state: 'failed', label: 'Failed', ended: true, canSend: false, canInterrupt: false } as const;
    const { user } = renderHeader(
      makeSessionEntry({
        view: { ...failed, reason: 'task failed: npm test exited 1' },
        task: { status: 'failed', errorMessage: 'npm test exited 1', outputBranch: 'sam/fix-login', outputPrUrl: 'https://github.com/o/r/pull/9' },
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByText('The full error')).toBeNull();
    expect(screen.getByText('sam/fix-login')).toBeInTheDocument();
    const pr = screen.getByRole('link', { name: 'https://github.com/o/r/pull/9' });
    expect(pr).toHaveAttribute('target', '_blank');
    expect(pr).toHaveAttribute('rel', 'noopener noreferrer');
    cleanup();

    const long = 'FAIL src/a.test.ts\n  expected 1 to be 2';
    const again = renderHeader(
      makeSessionEntry({ view: { ...failed, reason: 'task failed: FAIL src/a.test.ts expected 1 to be 2' }, task: { status: 'failed', errorMessage: long } }),
    );
    await again.user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.getByText('The full error')).toBeInTheDocument();
  });

  it('leaves Retry and Fork of an ended chat to the composer: no second pair in Details', async () => {
    const { user } = renderHeader(makeSessionEntry({ view: { state: 'failed', label: 'Failed', ended: true, canSend: false, canInterrupt: false } }));
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('button', { name: /retry/i })).toBeNull();
    expect(screen.queryByRole('button', { name: /fork/i })).toBeNull();
  });

  it("names a parent's retries and forks with their state, linked, newest retry in the header line", async () => {
    const view = (label: string, ended: boolean) => makeSessionEntry({ view: { label, ended } }).view;
    const children = [
      { kind: 'retry', taskId: 't2', title: 'Fix the login bug', sessionId: 's2', attempt: 2, view: view('Failed', true), path: '/projects/p1/chat/s2' },
      { kind: 'fork', taskId: 't3', title: 'Add a changelog', sessionId: 's3', attempt: null, view: view('Idle', false), path: '/projects/p1/chat/s3' },
      { kind: 'retry', taskId: 't4', title: 'Fix the login bug', sessionId: 's4', attempt: 3, view: view('Working', false), path: '/projects/p1/chat/s4' },
    ] as const;
    const { user } = renderHeader(makeSessionEntry({ view: { state: 'failed', label: 'Failed', ended: true, canSend: false } }), children);
    expect(screen.getByRole('link', { name: 'Retried as attempt 3 (Working)' })).toHaveAttribute('href', '/projects/p1/chat/s4');
    await user.click(screen.getByRole('button', { name: 'Details' }));
    const lineageLinks = screen.getAllByRole('link').filter((link) => link.getAttribute('aria-label') !== 'Changes');
    expect(lineageLinks.map((link) => link.textContent)).toEqual([
      'Retried as attempt 2 (Failed)',
      'Forked as Add a changelog (Idle)',
      'Retried as attempt 3 (Working)',
    ]);
  });

  it('copies the link to this chat, without a query string', async () => {
    const { user } = renderHeader(makeSessionEntry());
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenLastCalledWith(`${window.location.origin}/projects/p1/chat/session-1`);
    expect(screen.getByText('Link copied')).toBeInTheDocument();
  });

  it("links to the chat's workspace changes", () => {
    renderHeader(makeSessionEntry());
    expect(screen.getByRole('link', { name: 'Changes' })).toHaveAttribute('href', '/projects/p1/chat/session-1/changes');
  });

  it('offers no Retry while the session works', async () => {
    const { user } = renderHeader(makeSessionEntry());
    await user.click(screen.getByRole('button', { name: 'Details' }));
    expect(screen.queryByRole('button', { name: /retry/i })).toBeNull();
    expect(screen.getByRole('button', { name: /fork/i })).toBeInTheDocument();
  });
});
