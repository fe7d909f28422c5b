import { groupSessions } from './sessionGroups';
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
