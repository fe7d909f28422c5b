// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SessionView } from '../../../reconcile/types';
import { useDraftsStore } from '../../../state/drafts';
import { makeView } from '../../../test/factories';
import { Composer, type ComposerProps } from './Composer';

function setup(view: Partial<SessionView> = {}, props: Partial<ComposerProps> = {}) {
  const actions = { send: vi.fn(), interrupt: vi.fn().mockResolvedValue(undefined), answer: vi.fn().mockResolvedValue(undefined) };
  const lineageActions = { retry: vi.fn().mockResolvedValue(undefined), fork: vi.fn().mockResolvedValue(undefined) };
  const user = userEvent.setup();
  const result = render(
    <Composer sessionId="s1" view={makeView(view)} actions={actions} lineageActions={lineageActions} showRetry={false} showFork {...props} />,
  );
  return { ...result, actions, lineageActions, user };
}

beforeEach(() => useDraftsStore.setState({ drafts: {} }));
afterEach(cleanup);

describe('Composer', () => {
  it('sends on Enter and clears the box', async () => {
    const { user, actions } = setup();
    const box = screen.getByRole('textbox', { name: 'Message the agent' });
    await user.type(box, 'Please add tests{Enter}');
    expect(actions.send).toHaveBeenCalledWith('Please add tests');
    expect(box).toHaveValue('');
  });

  it('starts a new line on Shift+Enter instead of sending', async () => {
    const { user, actions } = setup();
    const box = screen.getByRole('textbox', { name: 'Message the agent' });
    await user.type(box, 'line one{Shift>}{Enter}{/Shift}line two');
    expect(actions.send).not.toHaveBeenCalled();
    expect(box).toHaveValue('line one\nline two');
  });

  it('does not send an empty message', async () => {
    const { user, actions } = setup();
    await user.type(screen.getByRole('textbox'), '   {Enter}');
    expect(actions.send).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send message' })).toBeDisabled();
  });

  it('keeps the draft of each session when the composer is remounted', async () => {
    const { user, unmount } = setup();
    await user.type(screen.getByRole('textbox'), 'half-written');
    unmount();
    setup();
    expect(screen.getByRole('textbox')).toHaveValue('half-written');
  });

  it('interrupts the agent while it works', async () => {
    const { user, actions } = setup();
    await user.click(screen.getByRole('button', { name: 'Stop the agent' }));
    expect(actions.interrupt).toHaveBeenCalledOnce();
  });

  // Issue 12.11/14.6: SAM queues a prompt to a busy or agentless session; the box must not lock.
  it.each([
    ['working', { state: 'working', label: 'Working', canSend: false, canInterrupt: true }],
    ['starting (no agent yet)', { state: 'unknown', label: 'Starting', canSend: false, canInterrupt: false }],
    ['waking', { state: 'waking', label: 'Waking', canSend: false, canInterrupt: false }],
  ] as const)('lets a person draft and send a follow-up while the session is %s', async (_name, view) => {
    const { user, actions } = setup(view);
    expect(screen.queryByText(/cannot send a message right now/)).toBeNull();
    const box = screen.getByRole('textbox', { name: 'Message the agent' });
    expect(box).toHaveAccessibleDescription(/queue/);
    await user.type(box, 'also update the docs{Enter}');
    expect(actions.send).toHaveBeenCalledWith('also update the docs');
  });

  it('offers no interrupt when there is nothing to interrupt', () => {
    setup({ state: 'idle', label: 'Idle', canInterrupt: false });
    expect(screen.queryByRole('button', { name: 'Stop the agent' })).toBeNull();
  });

  it('answers the open question with the option clicked', async () => {
    const { user, actions } = setup({
      state: 'needs_input',
      label: 'Needs you',
      canInterrupt: false,
      attention: { markerId: 'm-7', kind: 'question', createdAt: null, expiresAt: null, reason: 'Deploy to staging?', options: ['Yes', 'No'] },
    });
    expect(screen.getByText('Deploy to staging?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'No' }));
    expect(actions.answer).toHaveBeenCalledWith('m-7', 'No');
  });

  it('says why an answer failed', async () => {
    const { user, actions } = setup({
      attention: { markerId: 'm-7', kind: 'question', createdAt: null, expiresAt: null, reason: 'Go?', options: ['Yes'] },
    });
    actions.answer.mockRejectedValueOnce(new Error('the question expired'));
    await user.click(screen.getByRole('button', { name: 'Yes' }));
    expect(screen.getByRole('alert')).toHaveTextContent('the question expired');
  });

  it('for an ended session shows the reason instead of a text box, and offers Retry and Fork', async () => {
    const { user, lineageActions } = setup(
      { state: 'failed', label: 'Failed', reason: 'task failed 2 min ago: tests did not pass', ended: true, canSend: false, canInterrupt: false },
      { showRetry: true },
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getByText(/task failed 2 min ago: tests did not pass/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /retry/i }));
    expect(lineageActions.retry).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: /fork/i })).toBeInTheDocument();
  });

  it('forks with the message the person writes', async () => {
    const { user, lineageActions } = setup({ state: 'completed', label: 'Completed', ended: true, canSend: false, canInterrupt: false });
    await user.click(screen.getByRole('button', { name: /fork/i }));
    await user.type(screen.getByRole('textbox', { name: /fork/i }), 'Now add docs');
    await user.click(screen.getByRole('button', { name: 'Fork' }));
    expect(lineageActions.fork).toHaveBeenCalledWith('Now add docs');
  });
});
