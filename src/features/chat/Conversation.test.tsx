// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConversationItem } from '../../reconcile/types';
import { Conversation } from './Conversation';

const user = (id: string, text: string, createdAt: number): ConversationItem => ({
  kind: 'user',
  id,
  text,
  createdAt,
  delivery: 'confirmed',
});
const note = (id: string, text: string, createdAt: number): ConversationItem => ({ kind: 'system', id, text, createdAt });

const actions = { retrySend: () => {}, discardSend: () => {} };

// Counts renders of user rows, to check that rows are memoized on item identity.
const userRowRenders = vi.hoisted(() => new Map<string, number>());
vi.mock('./items/UserMessage', () => ({
  UserMessage: ({ item }: { item: { id: string; text: string } }) => {
    userRowRenders.set(item.id, (userRowRenders.get(item.id) ?? 0) + 1);
    return <p>{item.text}</p>;
  },
}));

// jsdom has no layout: give the scroller a viewport and every row a height so the virtualizer renders rows.
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50);
});
afterEach(cleanup);

function renderConversation(items: ConversationItem[], extra: { hasEarlier?: boolean; loadEarlier?: () => void } = {}) {
  const history = (items: readonly ConversationItem[]) => ({
    items,
    hasEarlier: extra.hasEarlier ?? false,
    isLoadingEarlier: false,
    earlierFailed: false,
    loadEarlier: extra.loadEarlier ?? (() => {}),
  });
  const result = render(<Conversation history={history(items)} actions={actions} />);
  return { ...result, rerenderWith: (next: ConversationItem[]) => result.rerender(<Conversation history={history(next)} actions={actions} />) };
}

/** Puts the list at `top` of a 5,000 px conversation, as the reader's wheel or as the page itself. */
function scrollTo(top: number, by: 'reader' | 'page') {
  const log = screen.getByRole('log', { name: 'Conversation' });
  vi.spyOn(log, 'scrollHeight', 'get').mockReturnValue(5000);
  vi.spyOn(log, 'scrollTop', 'get').mockReturnValue(top);
  if (by === 'reader') fireEvent.wheel(log, { deltaY: -100 });
  fireEvent.scroll(log);
}

function scrollAwayFromEnd() {
  scrollTo(4400, 'page');
  scrollTo(1000, 'reader');
}

describe('Conversation', () => {
  it('is a log region that renders its items', () => {
    renderConversation([user('a', 'hello agent', 1), note('b', 'workspace ready', 2)]);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(log).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('hello agent')).toBeInTheDocument();
    expect(screen.getByText('workspace ready')).toBeInTheDocument();
    expect(screen.getByText('Beginning of the conversation')).toBeInTheDocument();
  });

  it('offers to load earlier messages', async () => {
    const loadEarlier = vi.fn();
    renderConversation([user('a', 'hi', 1)], { hasEarlier: true, loadEarlier });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load earlier messages' }));
    expect(loadEarlier).toHaveBeenCalled();
  });

  it('while the reader is scrolled up, counts new messages on a "jump to latest" button', () => {
    const items = [user('a', 'one', 1), user('b', 'two', 2)];
    const { rerenderWith } = renderConversation(items);
    expect(screen.queryByRole('button', { name: /jump to latest/i })).toBeNull();
    scrollAwayFromEnd();
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
    expect(screen.getByRole('log')).toHaveAttribute('aria-live', 'off');
    rerenderWith([...items, note('c', 'three', 3), note('d', 'four', 4)]);
    expect(screen.getByRole('button', { name: '2 new messages, jump to latest' })).toBeInTheDocument();
  });

  it('keeps following when the list moves away from the end without the reader scrolling', () => {
    renderConversation([user('a', 'one', 1), user('b', 'two', 2)]);
    scrollTo(4400, 'page');
    // Content grew or the virtualizer corrected an estimate: not a reason to stop following.
    scrollTo(3000, 'page');
    expect(screen.queryByRole('button', { name: /jump to latest/i })).toBeNull();
    expect(screen.getByRole('log')).toHaveAttribute('aria-live', 'polite');
  });

  it('follows again once the reader scrolls back to the end', () => {
    renderConversation([user('a', 'one', 1), user('b', 'two', 2)]);
    scrollAwayFromEnd();
    expect(screen.getByRole('button', { name: 'Jump to latest' })).toBeInTheDocument();
    scrollTo(4400, 'reader');
    expect(screen.queryByRole('button', { name: /jump to latest/i })).toBeNull();
  });

  it('re-renders only the rows whose item changed (streamed text grows one row)', () => {
    userRowRenders.clear();
    const items = [user('a', 'one', 1), user('b', 'two', 2)];
    const { rerenderWith } = renderConversation(items);
    const before = { a: userRowRenders.get('a')!, b: userRowRenders.get('b')! };
    rerenderWith([items[0]!, { ...items[1]!, text: 'two, and more' } as ConversationItem]);
    expect(screen.getByText('two, and more')).toBeInTheDocument();
    expect(userRowRenders.get('a')).toBe(before.a);
    expect(userRowRenders.get('b')).toBeGreaterThan(before.b);
  });
});
