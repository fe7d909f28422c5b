/* Test-only props for the chat view: every action a spy, the conversation one page with nothing earlier. */
import { vi } from 'vitest';
import type { ConversationItem, SessionEntry } from '../../reconcile/types';
import type { ChatViewProps } from './ChatView';

export function chatViewProps(entry: SessionEntry, items: readonly ConversationItem[] = []): ChatViewProps {
  return {
    projectId: 'p1',
    entry,
    agentState: null,
    history: { items, hasEarlier: false, isLoadingEarlier: false, earlierFailed: false, loadEarlier: () => {} },
    actions: { send: vi.fn(), retrySend: vi.fn(), discardSend: vi.fn(), interrupt: vi.fn(), answer: vi.fn() },
    lineageActions: { retry: vi.fn(), fork: vi.fn() },
  };
}
