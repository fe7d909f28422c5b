import type { ConversationItem } from '../../../reconcile/types';

export type ItemOf<K extends ConversationItem['kind']> = Extract<ConversationItem, { kind: K }>;

/** What rows can ask for; a stable object so memoized rows do not re-render for it. */
export interface RowActions {
  retrySend(itemId: string): void;
  discardSend(itemId: string): void;
}
