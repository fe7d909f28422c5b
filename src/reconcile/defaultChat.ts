import { groupSessions } from './sessionGroups';
import { TASK_NOT_LOADED_YET } from './sessionView';
import type { SessionEntry } from './types';

/**
 * The chat a wide screen opens when a project is opened without one: the first that needs the person
 * (as the sidebar's "Needs you" group lists them), else the one they had open last, if it is still
 * listed, else none (the empty pane with "New chat").
 */
export function defaultChatId(
  entries: readonly Pick<SessionEntry, 'session' | 'view' | 'lastActivityAt'>[],
  lastOpenedId: string | null,
  now: number,
): string | null {
  const [first] = groupSessions(entries, now);
  if (first?.key === 'needs_you') return first.entries[0]?.session.id ?? null;
  if (lastOpenedId !== null && entries.some((entry) => entry.session.id === lastOpenedId)) return lastOpenedId;
  return null;
}

/**
 * Whether the choice can be made yet: not while a listed session's task is still being fetched, nor
 * while an active session's open question is still being looked up (SAM's list never names it), since
 * either session may turn out to need the person (deciding early left the pane empty, by luck of
 * timing: under load the look at the question came back after the tasks). A lookup that failed does
 * not hold the choice up.
 */
export function canChooseDefaultChat(entries: readonly Pick<SessionEntry, 'view'>[], attentionPending: boolean): boolean {
  return !attentionPending && !entries.some((entry) => entry.view.state === 'unknown' && entry.view.reason === TASK_NOT_LOADED_YET);
}
