// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyableId } from './CopyableId';

const FULL = '01HZX3K9QW7E5R2T8Y6U4I0OPA';

afterEach(cleanup);

describe('CopyableId', () => {
  it('shows a short form with the full id in its tooltip and accessible name', () => {
    render(<CopyableId label="Parent task" value={FULL} />);
    const short = screen.getByText('01HZX3K9…');
    expect(short).toHaveAttribute('title', FULL);
    expect(screen.getByRole('button', { name: `Copy parent task id ${FULL}` })).toHaveAttribute('title', FULL);
  });

  it('copies the full id and confirms it', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    render(<CopyableId label="Parent task" value={FULL} />);
    await user.click(screen.getByRole('button', { name: /copy parent task id/i }));
    expect(writeText).toHaveBeenCalledWith(FULL);
    expect(screen.getByRole('status')).toHaveTextContent('Copied');
  });

  it('without a clipboard, shows the full id selected so it can be copied by hand', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<CopyableId label="Session" value={FULL} />);
    await user.click(screen.getByRole('button', { name: /copy session id/i }));
    expect(screen.getByText(FULL)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe(FULL);
    expect(screen.getByRole('status')).toHaveTextContent(/ctrl\+c/i);
  });

  it('shows a short id whole', () => {
    render(<CopyableId label="Task" value="abc" />);
    expect(screen.getByText('abc')).toBeInTheDocument();
  });
});
