import type { Query, QueryKey } from '@tanstack/query-core';
import { keys } from '../../api/queries';

/*
 * Which cache entries are kept between visits, by key (api/queries.ts), and which query's answer confirms
 * a restored one. Apart from codec.ts so the "as of" mark (marks.ts) needs none of the chat code.
 */

/** What one kept entry is, by its key (api/queries.ts); null for what is never kept. */
export type KeptKind = 'projects' | 'project' | 'sessionList' | 'sessionFacts' | 'chat' | 'taskList' | 'taskSnapshots' | 'notifications';

const PROJECT_ENTRIES: Record<string, KeptKind> = { detail: 'project', activeSessions: 'project' };
const SESSION_ENTRIES: Record<string, KeptKind> = { list: 'sessionList', facts: 'sessionFacts', chat: 'chat' };
const NOTIFICATION_ENTRIES = new Set<unknown>(['feed', 'unread', 'unread-count']);
const TASK_ENTRIES: Record<string, KeptKind> = { list: 'taskList', snapshots: 'taskSnapshots' };

/**
 * Kept: what a screen paints from (projects, session list and facts, chats, tasks list and snapshots,
 * notifications). Not kept: prompt deliveries and optimistic sends (they belong to requests of the tab
 * that made them: a restored one would wait forever for an answer, or be sent twice), single-session
 * probes and task details (cheap to ask again; their facts are in the kept snapshots), and tool output
 * loaded on demand (large, and fetched again when opened).
 */
export function keptKind(queryKey: QueryKey): KeptKind | null {
  const [root, area, project, group, part] = queryKey as readonly unknown[];
  if (root !== keys.all[0]) return null;
  if (area === 'notifications') return queryKey.length === 3 && NOTIFICATION_ENTRIES.has(project) ? 'notifications' : null;
  if (area !== 'projects') return null;
  if (typeof project !== 'string') return queryKey.length === 3 ? 'projects' : null;
  if (queryKey.length === 4 && typeof group === 'string') return PROJECT_ENTRIES[group] ?? null;
  if (typeof part !== 'string') return null;
  if (group === 'sessions') return (part === 'chat' ? queryKey.length === 6 : queryKey.length === 5) ? (SESSION_ENTRIES[part] ?? null) : null;
  if (group === 'tasks' && queryKey.length === 5) return TASK_ENTRIES[part] ?? null;
  return null;
}

/** Only answers that arrived: a failed or pending query is asked again anyway. */
export function shouldKeepQuery(query: Pick<Query, 'queryKey' | 'state'>): boolean {
  return query.state.status === 'success' && query.state.data !== undefined && keptKind(query.queryKey) !== null;
}

/**
 * The query whose own answer confirms a kept entry. The normalised caches have no query function:
 * the session list's answer refreshes the facts, the task list's the snapshots.
 */
export function confirmingKey(queryKey: QueryKey): QueryKey | null {
  const kind = keptKind(queryKey);
  const project = queryKey[2] as string;
  if (kind === 'sessionFacts') return keys.sessionList(project);
  if (kind === 'taskSnapshots') return keys.taskList(project);
  return kind === null ? null : queryKey;
}
