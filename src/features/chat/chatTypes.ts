import type { LineageChild } from '../../reconcile/lineage';

export type { ChatActions } from '../../live/react';

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
