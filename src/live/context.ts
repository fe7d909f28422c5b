import type { QueryClient } from '@tanstack/react-query';
import { api } from '../api/endpoints';

/*
 * What the live caches' query functions and writers share, per QueryClient: the SAM routes they call,
 * the clock, and the stamp clock that orders REST snapshots against live events. The app uses the
 * defaults; tests install a fake api and a virtual clock with `configureLive`.
 */

export type LiveApi = Pick<
  typeof api,
  'sessions' | 'session' | 'messages' | 'tasks' | 'task' | 'sendPrompt' | 'interrupt' | 'resolveAttention' | 'submitTask' | 'summarize' | 'forkPrepare'
>;

export interface LiveContext {
  api: LiveApi;
  now(): number;
  /**
   * A strictly increasing time (ms, with sub-ms steps when needed). REST snapshots take one when their
   * request starts, live events when they are applied; so no two stamps are equal and their order is
   * the order in which Lookout learned things.
   */
  stamp(): number;
  newId(): string;
}

const contexts = new WeakMap<QueryClient, LiveContext>();

function stampClock(now: () => number): () => number {
  let last = -Infinity;
  return () => {
    const t = now();
    last = t > last ? t : last + 0.001;
    return last;
  };
}

let counter = 0;
const defaultId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `local-${Date.now()}-${(counter += 1)}`;

export function configureLive(client: QueryClient, overrides: Partial<Pick<LiveContext, 'api' | 'now' | 'newId'>> = {}): LiveContext {
  const now = overrides.now ?? (() => Date.now());
  const context: LiveContext = { api: overrides.api ?? api, now, stamp: stampClock(now), newId: overrides.newId ?? defaultId };
  contexts.set(client, context);
  return context;
}

export function liveContext(client: QueryClient): LiveContext {
  return contexts.get(client) ?? configureLive(client);
}
