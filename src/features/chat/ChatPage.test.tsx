// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createLiveEngine, LiveProvider } from '../../live/react';
import { MemoryRouter } from 'react-router';
import { ChatPage } from './ChatPage';

afterEach(cleanup);

describe('ChatPage', () => {
  it('with no session open, says so and offers a new chat', () => {
    render(
      <LiveProvider engine={createLiveEngine({ client: new QueryClient() })}>
        <MemoryRouter>
          <ChatPage projectId="p1" sessionId={null} />
        </MemoryRouter>
      </LiveProvider>,
    );
    expect(screen.getByText('No chat open')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /new chat/i })).toBeInTheDocument();
    expect(document.title).toBe('Chats · Lookout');
  });
});
