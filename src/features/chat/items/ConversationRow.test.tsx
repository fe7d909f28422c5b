// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { ConversationItem } from '../../../reconcile/types';
import { ConversationRow } from './ConversationRow';
import type { RowActions } from './itemTypes';

// A renderer that fails on one message, as react-markdown did on 4 KB of `>` (stack overflow).
vi.mock('../markdown/Markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('../markdown/Markdown')>();
  return {
    ...real,
    Markdown: ({ text }: { text: string }) => {
      if (text.includes('BREAKS')) throw new RangeError('Maximum call stack size exceeded');
      return <p>{text}</p>;
    },
  };
});

const actions: RowActions = { retrySend: () => {}, discardSend: () => {} };
const answer = (id: string, text: string): ConversationItem => ({ kind: 'assistant', id, text, createdAt: 0, messageIds: [id] });

afterEach(cleanup);

describe('ConversationRow', () => {
  it('shows a message that fails to render as its raw text with a note, and the chat goes on', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <div>
        <ConversationRow item={answer('a1', 'This one BREAKS **the renderer**')} actions={actions} />
        <ConversationRow item={answer('a2', 'The next answer')} actions={actions} />
      </div>,
    );
    expect(screen.getByRole('note')).toHaveTextContent(/could not be displayed formatted/i);
    expect(screen.getByText('This one BREAKS **the renderer**')).toBeInTheDocument();
    expect(screen.getByText('The next answer')).toBeInTheDocument();
  });

  it('renders the message again once it changes', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(<ConversationRow item={answer('a1', 'BREAKS')} actions={actions} />);
    expect(screen.getByRole('note')).toBeInTheDocument();
    view.rerender(<ConversationRow item={answer('a1', 'fixed by the next chunk')} actions={actions} />);
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('fixed by the next chunk')).toBeInTheDocument();
  });
});
