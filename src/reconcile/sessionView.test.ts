import { describe, expect, it } from 'vitest';
import { LIVE, MIN, T0, makeEmbedded, makeFacts, makeTask } from '../test/factories';
import { clockTime } from './format';
import { sessionView } from './sessionView';
import type { DisplayState, SessionFacts, StreamFacts, TaskFacts } from './types';

const NOW = T0 + 10 * MIN;
const question = { markerId: 'm1', kind: 'question', createdAt: T0, expiresAt: null, reason: 'Which branch?', options: ['main', 'dev'] };

// [case, session facts, task (null = not known yet), expected state, reason pattern]
const table: Array<[string, Partial<SessionFacts>, Partial<TaskFacts> | null, DisplayState, RegExp]> = [
  // The working cases wrote a minute ago: the stall alarm has its own cases below.
  [
    'active, agent prompting',
    { activity: 'prompting', promptStartedAt: T0, lastMessageAt: NOW - MIN },
    {},
    'working',
    new RegExp(`^agent working since ${clockTime(T0)}$`),
  ],
  ['active, no activity known, not finished', { lastMessageAt: NOW - MIN }, {}, 'working', /^agent working$/],
  ['active, task still queued', {}, { status: 'queued', executionStep: 'node_provisioning' }, 'working', /^task queued: node provisioning$/],
  ['active, agent finished (row only)', { agentCompletedAt: T0 + 8 * MIN }, {}, 'idle', /^agent finished 2 min ago$/],
  ['active, activity idle', { activity: 'idle', agentCompletedAt: T0 }, {}, 'idle', /^agent finished 10 min ago$/],
  ['active, agent error', { activity: 'error', statusError: 'OOM\nkilled' }, {}, 'idle', /^the agent stopped with an error: OOM killed$/],
  ['active, recovering', { activity: 'recovering' }, {}, 'waking', /recovering/],
  ['open question', { attention: question }, {}, 'needs_input', /^waiting for your answer: Which branch\?$/],
  ['expired question', { attention: { ...question, expiresAt: T0 + MIN }, agentCompletedAt: T0 }, {}, 'idle', /finished/],
  ['sleeping', { status: 'sleeping' }, {}, 'sleeping', /^asleep; a new message wakes it$/],
  ['sleeping, waking up', { status: 'sleeping', wakePhase: 'vm_boot' }, {}, 'waking', /^waking: vm boot$/],
  [
    'sleeping, waking through a known phase',
    { status: 'sleeping', recoveryStatus: 'waking', wakePhase: 'node_provisioning' },
    {},
    'waking',
    /^waking: provisioning a server$/,
  ],
  ['stopped session', { status: 'stopped', endedAt: T0 }, {}, 'stopped', /^session stopped 10 min ago$/],
  ['failed session', { status: 'failed', statusError: 'VM lost' }, {}, 'failed', /^session failed: VM lost$/],
  [
    'task completed beats an active row',
    { activity: 'prompting' },
    { status: 'completed', completedAt: T0 + 5 * MIN },
    'completed',
    /^task completed 5 min ago$/,
  ],
  [
    'task failed beats an open question',
    { attention: question },
    { status: 'failed', errorMessage: 'tests did not pass', completedAt: T0 + 8 * MIN },
    'failed',
    /^task failed 2 min ago: tests did not pass$/,
  ],
  ['task cancelled beats a stopped row', { status: 'stopped' }, { status: 'cancelled', updatedAt: T0 }, 'cancelled', /^task cancelled 10 min ago$/],
  [
    'embedded failed task (finalizedAt only)',
    {},
    { ...makeEmbedded({ id: 't1', status: 'failed', errorMessage: 'boom', finalizedAt: T0 }) },
    'failed',
    /^task failed 10 min ago: boom$/,
  ],
  [
    'failed task sent back to ready',
    { activity: 'prompting', promptStartedAt: T0 },
    { status: 'ready', errorMessage: 'old' },
    'working',
    /^agent working since/,
  ],
  ['unknown session status', { status: 'hibernating' }, {}, 'unknown', /session status "hibernating"/],
  ['unknown task status', {}, { status: 'paused' }, 'unknown', /task status "paused"/],
  ['unknown activity', { activity: 'dreaming' }, {}, 'unknown', /agent activity "dreaming"/],
  ['task not loaded yet: unknown, not working', {}, null, 'unknown', /^task status not loaded yet$/],
  ['task not loaded yet, even with a prompting agent', { activity: 'prompting', promptStartedAt: T0 }, null, 'unknown', /^task status not loaded yet$/],
  ['no task at all: the agent decides', { taskId: null, activity: 'prompting', promptStartedAt: T0 }, null, 'working', /^agent working since/],
  ['task not loaded, session stopped: the row still says so', { status: 'stopped', endedAt: T0 }, null, 'stopped', /^session stopped/],
  // SAM retries a failed task in place: the row still says failed, the newer task says where it is.
  [
    'failed row, task queued again since',
    { status: 'failed', endedAt: T0 },
    { status: 'queued', executionStep: null, updatedAt: T0 + MIN },
    'working',
    /^queued again: waiting for a VM$/,
  ],
  [
    'failed row, task queued again, step known',
    { status: 'failed', endedAt: T0 },
    { status: 'queued', executionStep: 'node_provisioning', updatedAt: T0 + MIN },
    'working',
    /^queued again: node provisioning$/,
  ],
  [
    'failed row, task delegated again',
    { status: 'failed', endedAt: T0 },
    { status: 'delegated', executionStep: 'workspace_creation', updatedAt: T0 + MIN },
    'working',
    /^starting again: workspace creation$/,
  ],
  [
    'failed row, task running again',
    { status: 'failed', endedAt: T0 },
    { status: 'in_progress', executionStep: 'running', updatedAt: T0 + MIN },
    'working',
    /^running again after the failure/,
  ],
  [
    'failed row, task back to ready',
    { status: 'failed', endedAt: T0 },
    { status: 'ready', executionStep: null, updatedAt: T0 + MIN },
    'working',
    /^sent back to work: task ready$/,
  ],
  [
    'failed row newer than a running task: failed',
    { status: 'failed', endedAt: T0 + MIN, statusError: 'VM lost' },
    { status: 'in_progress', updatedAt: T0 },
    'failed',
    /^session failed: VM lost$/,
  ],
];

describe('sessionView, table', () => {
  it.each(table)('%s', (_name, session, task, state, reason) => {
    const taskFacts = task === null ? null : { ...makeTask({ id: 't1' }), ...task };
    const view = sessionView(makeFacts(session), taskFacts, LIVE, NOW);
    expect(view.state).toBe(state);
    expect(view.reason).toMatch(reason);
    expect(view.stale).toBe(false);
  });
});

describe('sessionView, task context', () => {
  const failedRow = makeFacts({ status: 'failed', endedAt: T0 + 500 });
  // A whole-second task version (SAM's datetime('now')) in the second of the row's failure: unordered by value.
  const sameSecond = { ...makeTask({ id: 't1', status: 'queued', executionStep: null }), updatedAt: T0 };

  it('a task lookup that failed says so, and nothing can be sent or interrupted', () => {
    const view = sessionView(makeFacts({ activity: 'prompting' }), null, LIVE, NOW, { lookup: 'failed', taskLeftTerminal: false });
    expect(view).toMatchObject({ state: 'unknown', label: 'Unknown', canSend: false, canInterrupt: false, ended: false });
    expect(view.reason).toBe('could not load the task; its status is unknown');
  });

  it('a requeued task in the second of the failure wins only when it was seen leaving its terminal state', () => {
    expect(sessionView(failedRow, sameSecond, LIVE, NOW, { lookup: 'loading', taskLeftTerminal: true }).state).toBe('working');
    expect(sessionView(failedRow, sameSecond, LIVE, NOW, { lookup: 'loading', taskLeftTerminal: false }).state).toBe('failed');
  });

  it('an embedded snapshot (no version) of a requeued task wins once the task was seen leaving failed', () => {
    const embedded = makeEmbedded({ id: 't1', status: 'delegated', executionStep: null });
    expect(sessionView(failedRow, embedded, LIVE, NOW, { lookup: 'loading', taskLeftTerminal: true }).reason).toBe('starting again');
  });
});

describe('sessionView, affordances', () => {
  const at = (session: Partial<SessionFacts>, task: Partial<TaskFacts> = {}) =>
    sessionView(makeFacts(session), { ...makeTask({ id: 't1' }), ...task }, LIVE, NOW);

  it('a terminal task ends the conversation and nothing can be sent or interrupted', () => {
    const view = at({ activity: 'prompting' }, { status: 'failed' });
    expect(view).toMatchObject({ ended: true, canSend: false, canInterrupt: false, label: 'Failed' });
  });

  it('a working agent can be interrupted but not prompted; an idle one the other way round', () => {
    expect(at({ activity: 'prompting' })).toMatchObject({ canInterrupt: true, canSend: false, ended: false });
    expect(at({ activity: 'idle' })).toMatchObject({ canInterrupt: false, canSend: true });
  });

  it('carries the open question so the composer can offer its options', () => {
    expect(at({ attention: question }).attention?.options).toEqual(['main', 'dev']);
  });

  it('a sleeping session accepts a message (it wakes it)', () => {
    expect(at({ status: 'sleeping' })).toMatchObject({ canSend: true, label: 'Asleep' });
  });
});

describe('sessionView, staleness', () => {
  const facts = makeFacts({ activity: 'prompting', promptStartedAt: T0 });
  const streams: Array<[StreamFacts, RegExp]> = [
    [
      { connection: 'reconnecting', lastLiveAt: T0 + 3 * MIN, catchingUp: false },
      new RegExp(`^reconnecting: showing the state as of ${clockTime(T0 + 3 * MIN)} · agent working`),
    ],
    [{ connection: 'offline', lastLiveAt: T0, catchingUp: false }, new RegExp(`^offline: showing the state as of ${clockTime(T0)}`)],
    [{ connection: 'connecting', lastLiveAt: null, catchingUp: false }, /^connecting: live updates have not started yet/],
    [{ connection: 'live', lastLiveAt: T0, catchingUp: true }, /^catching up on missed updates · /],
  ];
  it.each(streams)('not live (%j) is stale and says since when', (stream, reason) => {
    const view = sessionView(facts, makeTask({ id: 't1' }), stream, NOW);
    expect(view.stale).toBe(true);
    expect(view.reason).toMatch(reason);
    expect(view.state).toBe('working');
  });
});
