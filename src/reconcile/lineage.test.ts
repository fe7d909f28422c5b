import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Task } from '../api/contract';
import { LIVE, MIN, T0, makeFacts, makeTask } from '../test/factories';
import { describeChild, lineage, lineageChildren, runningRetry } from './lineage';
import { sessionView } from './sessionView';
import type { SessionEntry } from './types';

const parent = makeTask({ id: 'p', title: 'Fix the build', status: 'failed' });
const tasks = (...list: Task[]) => new Map([parent, ...list].map((t) => [t.id, t]));
const child = (id: string, overrides: Partial<Task> = {}) =>
  makeTask({ id, parentTaskId: 'p', createdAt: T0 + Number(id.replace(/\D/g, '') || 0) * MIN, ...overrides });
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
    expect(lineage(c, new Map([[c.id, c]]), sessions)).toMatchObject({
      kind: 'fork',
      parentTitle: null,
      parentSessionId: null,
      text: '⑂ from an earlier task',
    });
  });
});

describe('lineageChildren: the other direction', () => {
  /** Entries as the app builds them: one derivation (sessionView, lineage) over the same tasks. */
  function entriesOf(all: Task[]): SessionEntry[] {
    const byId = new Map(all.map((t) => [t.id, t]));
    const sessionsByTask = new Map(all.map((t) => [t.id, { id: `sess-${t.id}` }]));
    return all.map((task) => {
      // Written to a minute before `now`, so a working one is not (yet) silent.
      const session = makeFacts({ id: `sess-${task.id}`, taskId: task.id, topic: task.title, lastMessageAt: T0 + 59 * MIN });
      return {
        session,
        task,
        view: sessionView(session, task, LIVE, T0 + 60 * MIN),
        lineage: lineage(task, byId, sessionsByTask),
        lastActivityAt: null,
      };
    });
  }

  it('lists retries and forks (not subtasks) oldest first, with their state and session', () => {
    const first = child('c1', { status: 'failed', errorMessage: 'boom' });
    const fork = child('c2', { title: 'Add a changelog', status: 'completed' });
    const sub = child('c3', { triggeredBy: 'mcp' });
    const second = child('c4', { status: 'in_progress' });
    const entries = entriesOf([parent, second, sub, fork, first]);
    const children = lineageChildren(entries[0]!, entries);
    expect(children.map((c) => [c.kind, c.taskId, c.sessionId, c.attempt, c.view.state])).toEqual([
      ['retry', 'c1', 'sess-c1', 2, 'failed'],
      ['fork', 'c2', 'sess-c2', null, 'completed'],
      ['retry', 'c4', 'sess-c4', 3, 'working'],
    ]);
    expect(children.map(describeChild)).toEqual(['Retried as attempt 2 (Failed)', 'Forked as Add a changelog (Completed)', 'Retried as attempt 3 (Working)']);
    expect(runningRetry(children)?.taskId).toBe('c4');
  });

  it('a retry that ended is not running; only entries that were listed are known', () => {
    const entries = entriesOf([parent, child('c1', { status: 'cancelled' })]);
    expect(lineageChildren(entries[0]!, entries)).toMatchObject([{ kind: 'retry', attempt: 2 }]);
    expect(runningRetry(lineageChildren(entries[0]!, entries))).toBeNull();
    expect(lineageChildren(entries[0]!, [entries[0]!])).toEqual([]);
  });

  it('a task without children, or an entry without a task, has none', () => {
    const entries = entriesOf([parent]);
    expect(lineageChildren(entries[0]!, entries)).toEqual([]);
    expect(lineageChildren({ ...entries[0]!, task: null }, entries)).toEqual([]);
    expect(runningRetry([])).toBeNull();
  });

  it('agrees with lineage: every child says the same kind and attempt of itself (generated families)', () => {
    const kid = fc.record({
      sameTitle: fc.boolean(),
      subtask: fc.constantFrom('no', 'mcp', 'depth'),
      minute: fc.integer({ min: 1, max: 5 }),
      status: fc.constantFrom('queued', 'in_progress', 'failed', 'completed', 'cancelled', 'paused_by_policy'),
    });
    fc.assert(
      fc.property(fc.constantFrom('failed', 'cancelled', 'completed'), fc.array(kid, { maxLength: 6 }), (parentStatus, kids) => {
        const root = makeTask({ id: 'p', title: 'Fix the build', status: parentStatus });
        const all = [
          root,
          ...kids.map((k, i) =>
            makeTask({
              id: `c${i}`,
              parentTaskId: 'p',
              title: k.sameTitle ? 'Fix the build' : `Other ${i}`,
              status: k.status,
              createdAt: T0 + k.minute * MIN,
              triggeredBy: k.subtask === 'mcp' ? 'mcp' : 'user',
              dispatchDepth: k.subtask === 'depth' ? 1 : 0,
            }),
          ),
        ];
        const entries = entriesOf(all);
        const children = lineageChildren(entries[0]!, entries);
        expect(children).toHaveLength(kids.filter((k) => k.subtask === 'no').length);
        for (const c of children) {
          const own = entries.find((e) => e.session.id === c.sessionId)!.lineage;
          expect(own).toMatchObject({ kind: c.kind, attempt: c.attempt });
        }
      }),
    );
  });
});
