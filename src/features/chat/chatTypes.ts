import type { LineageChild } from '../../reconcile/lineage';
import type { ConversationItem } from '../../reconcile/types';

export type { ChatActions } from '../../live/react/project';

/** A retry or fork of the open session, with the path of its chat. */
export interface LineageChildLink extends LineageChild {
  path: string;
}

/** Starting a new task from this session: both navigate to the new chat when they resolve. */
export interface LineageActions {
  retry(): Promise<void>;
  fork(message: string): Promise<void>;
  /** The retries and forks already started from this session, oldest first. */
  children?: readonly LineageChildLink[];
}

/** The messages loaded so far, and the paging back to earlier ones: everything the conversation shows. */
/** A request to scroll the conversation to an item; `seq` tells a repeated request for the same item apart. */
export interface ItemJump {
  itemId: string;
  seq: number;
}

export interface ConversationHistory {
  items: readonly ConversationItem[];
  hasEarlier: boolean;
  isLoadingEarlier: boolean;
  /** The last earlier page failed to load: the bar offers to try again, and scrolling up no longer loads by itself. */
  earlierFailed: boolean;
  loadEarlier(): void;
}
