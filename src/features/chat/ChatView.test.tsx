// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { SessionEntry } from '../../reconcile/types';
import { makeSessionEntry } from '../../test/factories';
import { ChatView } from './ChatView';
import { chatViewProps } from './testing';

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50);
});
afterEach(cleanup);

function view(entry: SessionEntry) {
  return (
    <MemoryRouter>
      <ChatView {...chatViewProps(entry, [{ kind: 'assistant', id: 'a1', text: 'On it.', createdAt: 1, messageIds: ['m1'] }])} />
    </MemoryRouter>
  );
}

const working = makeSessionEntry();
const failed = makeSessionEntry({
  view: { state: 'failed', label: 'Failed', reason: 'task failed just now', ended: true, canSend: false, canInterrupt: false },
});

describe('ChatView', () => {
  it('lays out header, conversation and composer', async () => {
    render(view(working));
    expect(screen.getByRole('heading', { name: 'Fix the login bug' })).toBeInTheDocument();
    expect(screen.getByRole('log', { name: 'Conversation' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message the agent' })).toBeInTheDocument();
    expect(await screen.findByText('On it.')).toBeInTheDocument();
  });

  it('puts the topic and the state in the page title', () => {
    const { rerender } = render(view(working));
    expect(document.title).toBe('Fix the login bug (Working) · Lookout');
    rerender(view(failed));
    expect(document.title).toBe('Fix the login bug (Failed) · Lookout');
  });

  it('announces a state change politely, and not the initial state', () => {
    const { rerender } = render(view(working));
    const regions = () => screen.getAllByRole('status').map((region) => region.textContent);
    expect(regions()).not.toContain('Session Fix the login bug: Working');
    rerender(view(failed));
    expect(regions()).toContain('Session Fix the login bug: Failed');
  });

  it('replaces the message box by the reason once the session ended', () => {
    render(view(failed));
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.getAllByText(/task failed just now/).length).toBeGreaterThan(0);
  });
});
