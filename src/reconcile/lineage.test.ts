import { describe, expect, it } from 'vitest';
import type { Task } from '../api/contract';
import { MIN, T0, makeTask } from '../test/factories';
import { lineage } from './lineage';

const parent = makeTask({ id: 'p', title: 'Fix the build', status: 'failed' });
const tasks = (...list: Task[]) => new Map([parent, ...list].map((t) => [t.id, t]));
const child = (id: string, overrides: Partial<Task> = {}) => makeTask({ id, parentTaskId: 'p', createdAt: T0 + Number(id.replace(/\D/g, '') || 0) * MIN, ...overrides });
const sessions = new Map([['p', { id: 'sess-p' }]]);

describe('lineage, table', () => {
  const cases: Array<[string, Task, Task[], string, Record<string, unknown>]> = [
    ['no parent: root', makeTask({ id: 'r' }), [], 'root', {}],
    ['dispatched through MCP: subtask', child('c1', { triggeredBy: 'mcp' }), [], 'subtask', { parentTaskId: 'p' }],
    ['dispatched from inside a task: subtask', child('c1', { dispatchDepth: 1 }), [], 'subtask', {}],
    ['same title after a failed parent: retry, attempt 2', child('c1'), [], 'retry', { attempt: 2, text: '↩ attempt 2', parentSessionId: 'sess-p' }],
    ['title differs only in case and spaces: still a retry', child('c1', { title: '  fix  the BUILD ' }), [], 'retry', { attempt: 2 }],
    ['new title: fork', child('c1', { title: 'Add a changelog' }), [], 'fork', { text: '⑂ from Fix the build', attempt: null }],
  ];
  it.each(cases)('%s', (_name, task, others, kind, fields) => {
    const result = lineage(task, tasks(task, ...others), sessions);
    expect(result.kind).toBe(kind);
    expect(result).toMatchObject(fields);
  });

  it('counts attempts of the same parent in createdAt order, ignoring forks and subtasks', () => {
    const first = child('c1');
    const fork = child('c2', { title: 'Something else' });
    const sub = child('c3', { triggeredBy: 'mcp' });
    const second = child('c4');
    const all = tasks(second, sub, fork, first);
    expect(lineage(first, all, sessions)).toMatchObject({ kind: 'retry', attempt: 2 });
    expect(lineage(second, all, sessions)).toMatchObject({ kind: 'retry', attempt: 3 });
  });

  it('a child of a completed parent is a fork even with the same title', () => {
    const done = makeTask({ id: 'p', title: 'Fix the build', status: 'completed' });
    const c = child('c1');
    expect(lineage(c, new Map([done, c].map((t) => [t.id, t])), sessions).kind).toBe('fork');
  });

  it('an unknown parent gives a fork without a title, and no parent session', () => {
    const c = makeTask({ id: 'c', parentTaskId: 'gone' });
    expect(lineage(c, new Map([[c.id, c]]), sessions)).toMatchObject({ kind: 'fork', parentTitle: null, parentSessionId: null, text: '⑂ from an earlier task' });
  });
});
