import { useState } from 'react';
import { renderedItems, type Conversation, type RenderedItems } from '../../reconcile/conversation';
import type { ConversationItem, PendingSend } from '../../reconcile/types';

const NO_ITEMS: readonly ConversationItem[] = [];

/**
 * The chat's items to render, each version made from the one before (reconcile/conversation
 * `renderedItems`): a streamed chunk no longer copies every item of a long chat one by one.
 */
export function useChatItems(conversation: Conversation | undefined, pendingSends: readonly PendingSend[] | undefined): readonly ConversationItem[] {
  const [held, setHeld] = useState<RenderedItems | null>(null);
  if (!conversation || !pendingSends) return NO_ITEMS;
  if (held && held.from === conversation.items && held.pendingSends === pendingSends) return held.items;
  const next = renderedItems(conversation, pendingSends, held);
  setHeld(next);
  return next.items;
}
