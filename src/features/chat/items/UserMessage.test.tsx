// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { keys } from '../../../api/queries';
import { recordAccepted, recordDeliveryState, type PromptDeliveries } from '../../../reconcile/pendingSends';
import { ChatScopeProvider } from '../chatScope';
import { UserMessage } from './UserMessage';

afterEach(cleanup);

const item = (delivery: 'confirmed' | 'sending' | 'failed') => ({ kind: 'user', id: 'u1', text: 'Add <b>tests</b>', createdAt: 0, delivery }) as const;

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

  // Issue 12.11: SAM answered 202 queued; the message must not read as delivered until the mailbox says so.
  it('says a prompt is queued, then retrying, and nothing more once SAM delivered it', async () => {
    const client = new QueryClient();
    const set = (deliveries: PromptDeliveries) => act(async () => void client.setQueryData(keys.promptDeliveries('p1'), deliveries));
    let deliveries = recordAccepted(new Map(), { deliveryId: 'd1', messageId: 'u1', localId: null, status: 'queued' });
    await set(deliveries);
    render(
      <QueryClientProvider client={client}>
        <ChatScopeProvider projectId="p1" sessionId="s1">
          <UserMessage item={item('confirmed')} actions={{ retrySend: vi.fn(), discardSend: vi.fn() }} />
        </ChatScopeProvider>
      </QueryClientProvider>,
    );
    expect(screen.getByText(/Queued/)).toBeInTheDocument();
    await set((deliveries = recordDeliveryState(deliveries, 'd1', 'retry_wait')));
    expect(await screen.findByText(/retrying: the agent has not taken it yet/)).toBeInTheDocument();
    await set(recordDeliveryState(deliveries, 'd1', 'acked'));
    await waitFor(() => expect(screen.queryByText(/Queued|Not delivered|retrying/)).toBeNull());
  });
});
