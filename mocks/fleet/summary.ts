import type { World } from '../world/world';

const MAX_SUMMARY = 4000;

export interface SessionSummary {
  summary: string;
  messageCount: number;
  filteredCount: number;
  method: string;
}

/**
 * A context summary of a session for a retry or a fork: the task, its outcome and the last things the
 * agent said (tool and thinking rows are filtered out, chunks joined).
 */
export function summarizeSession(world: World, sessionId: string): SessionSummary {
  const session = world.sessions.require(sessionId);
  const task = session.taskId ? world.tasks.get(session.taskId) : undefined;
  const rows = world.messages.all(sessionId);
  const turns: { role: string; text: string }[] = [];
  let filtered = 0;
  for (const row of rows) {
    if (row.role !== 'assistant' && row.role !== 'user') {
      filtered += 1;
      continue;
    }
    const last = turns[turns.length - 1];
    if (last && last.role === row.role) last.text += row.content;
    else turns.push({ role: row.role, text: row.content });
  }
  const lines = [`## Context from the previous session`, '', `Task: ${task?.title ?? session.topic ?? 'untitled'}`];
  if (task) lines.push(`Outcome: ${task.status}${task.errorMessage ? ` (${task.errorMessage})` : ''}`);
  if (task?.outputBranch) lines.push(`Branch: ${task.outputBranch}`);
  lines.push('', '### Conversation (most recent last)');
  for (const turn of turns.slice(-4)) {
    const text = turn.text.length > 600 ? `${turn.text.slice(0, 600)}...` : turn.text;
    lines.push('', `**${turn.role}:** ${text}`);
  }
  let summary = lines.join('\n');
  if (summary.length > MAX_SUMMARY) summary = `${summary.slice(0, MAX_SUMMARY)}...`;
  return { summary, messageCount: rows.length, filteredCount: filtered, method: 'heuristic' };
}
