// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserMessage } from './UserMessage';

afterEach(cleanup);

const item = (delivery: 'confirmed' | 'sending' | 'failed') =>
  ({ kind: 'user', id: 'u1', text: 'Add <b>tests</b>', createdAt: 0, delivery }) as const;

describe('UserMessage', () => {
  it('shows the text as typed, without markup', () => {
    const { container } = render(<UserMessage item={item('confirmed')} actions={{ retrySend: vi.fn(), discardSend: vi.fn() }} />);
    expect(screen.getByText('Add <b>tests</b>')).toBeInTheDocument();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says it is sending', () => {
    render(<UserMessage item={item('sending')} actions={{ retrySend: vi.fn(), discardSend: vi.fn() }} />);
    expect(screen.getByText('Sending…')).toBeInTheDocument();
  });

  it('keeps a failed send with Retry and Discard', async () => {
    const user = userEvent.setup();
    const actions = { retrySend: vi.fn(), discardSend: vi.fn() };
    render(<UserMessage item={item('failed')} actions={actions} />);
    expect(screen.getByText('Not sent')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(actions.retrySend).toHaveBeenCalledWith('u1');
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(actions.discardSend).toHaveBeenCalledWith('u1');
  });
});
