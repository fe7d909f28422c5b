import type { SessionRow } from '../api/contract';

/*
 * The counts on a project card. SAM's projects list sends `taskCountsByStatus: {}` for every project
 * (sam-contract Corrections 8): the real task counts come only from the project's own route (`summary`),
 * and who waits on a person only from its sessions. A count not known yet is null, never a made-up 0.
 */

export interface ProjectCardCounts {
  /** Sessions whose agent asked a question that is still open. */
  needsYou: number | null;
  /** Tasks queued, handed to a node or running. */
  working: number | null;
  /** Tasks that failed (SAM's ledger keeps them until retried or cancelled). */
  failed: number | null;
}

const WORKING_TASK_STATUSES = ['queued', 'delegated', 'in_progress'] as const;
const ENDED_SESSION_STATUSES = new Set(['stopped', 'failed']);

export interface ProjectCardInputs {
  /** `summary.taskCountsByStatus` of `GET /api/projects/:p`; null until it answered. */
  taskCounts: Readonly<Record<string, number>> | null;
  /** The project's active sessions, when loaded; null while unknown. */
  activeSessions: readonly Pick<SessionRow, 'status' | 'attention'>[] | null;
  /** From the list (a real figure there): with none active, nobody can be waiting. Null while unknown. */
  activeSessionCount: number | null;
  now: number;
}

function asksNow(session: Pick<SessionRow, 'status' | 'attention'>, now: number): boolean {
  const attention = session.attention;
  if (!attention || ENDED_SESSION_STATUSES.has(session.status)) return false;
  return attention.expiresAt === null || attention.expiresAt > now;
}

export function projectCardCounts({ taskCounts, activeSessions, activeSessionCount, now }: ProjectCardInputs): ProjectCardCounts {
  const count = (status: string) => taskCounts?.[status] ?? 0;
  let needsYou: number | null = null;
  if (activeSessions) needsYou = activeSessions.filter((s) => asksNow(s, now)).length;
  else if (activeSessionCount === 0) needsYou = 0;
  return {
    needsYou,
    working: taskCounts ? WORKING_TASK_STATUSES.reduce((sum, status) => sum + count(status), 0) : null,
    failed: taskCounts ? count('failed') : null,
  };
}
