import { describe, expect, it } from 'vitest';
import { LIVE, MIN, T0, makeRow, makeTask } from '../test/factories';
import { detailPatch, detailVersions, listRowPatch, listRowVersions, mergeSessionFacts, type SessionRecord } from './sessionFacts';
import { sessionView } from './sessionView';
import type { SessionState } from '../api/contract';

const idleState = (activityAt: number): SessionState => ({
  activity: 'idle',
  activityAt,
  statusError: null,
  currentPlan: [],
  promptStartedAt: null,
  lastStopReason: 'cancelled',
  recoveryStatus: null,
  wakePhase: null,
});
// An interrupted turn: the agent is idle, and SAM never set agentCompletedAt.
const row = (lastMessageAt: number) => makeRow({ id: 's1', agentCompletedAt: null, lastMessageAt });
const detail = (record: SessionRecord | undefined, activityAt: number, stamp: number) =>
  mergeSessionFacts(record, 's1', detailPatch({ ...row(activityAt - 1), agentSessionId: null, agentType: null, task: null }, idleState(activityAt)), stamp, detailVersions(idleState(activityAt)));
const list = (record: SessionRecord | undefined, lastMessageAt: number, stamp: number) =>
  mergeSessionFacts(record, 's1', listRowPatch(row(lastMessageAt)), stamp, listRowVersions(row(lastMessageAt)));
const show = (record: SessionRecord) => sessionView(record.facts, makeTask({ id: 't1', status: 'in_progress' }), LIVE, T0 + 10 * MIN);

describe("the detail's activity against the sessions list (issue 12 item 5)", () => {
  it('an idle agent stays idle when a list row no newer than the activity arrives later', () => {
    const seen = list(detail(undefined, T0 + 5 * MIN, 10), T0 + 4 * MIN, 20);
    expect(show(seen)).toMatchObject({ state: 'idle', reason: 'waiting for your message', canSend: true, canInterrupt: false });
  });

  it('the same in either arrival order', () => {
    const seen = detail(list(undefined, T0 + 4 * MIN, 20), T0 + 5 * MIN, 10);
    expect(show(seen)).toMatchObject({ state: 'idle', canSend: true });
  });

  it('a list row written after the activity still resets it (the row decides)', () => {
    const seen = list(detail(undefined, T0 + 5 * MIN, 10), T0 + 6 * MIN, 20);
    expect(seen.facts.activity).toBeNull();
    expect(show(seen).state).toBe('working');
  });

  it('a live event (no version) after the detail is still ordered by stamp', () => {
    const seen = mergeSessionFacts(detail(undefined, T0 + 5 * MIN, 10), 's1', { activity: 'prompting', promptStartedAt: T0 + 6 * MIN }, 30);
    expect(show(seen).state).toBe('working');
    expect(list(seen, T0 + 5 * MIN, 20).facts.activity).toBe('prompting');
  });
});
