import { describe, expect, it } from 'vitest';
import { LIVE, MIN, T0, makeRow, makeTask } from '../test/factories';
import { attentionUnknown, detailPatch, detailVersions, listRowPatch, listRowVersions, mergeSessionFacts, type SessionRecord } from './sessionFacts';
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
  mergeSessionFacts(
    record,
    's1',
    detailPatch({ ...row(activityAt - 1), agentSessionId: null, agentType: null, task: null }, idleState(activityAt)),
    stamp,
    detailVersions(idleState(activityAt)),
  );
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

describe("an open question against SAM's sessions list, which does not follow attention markers", () => {
  const question = { markerId: 'm1', kind: 'needs_input', createdAt: T0, expiresAt: T0 + 60 * MIN, reason: 'Cover SSO too?', options: ['Yes', 'No'] };
  const withQuestion = (record: SessionRecord | undefined, stamp: number) =>
    mergeSessionFacts(record, 's1', detailPatch({ ...row(T0), attention: question, agentSessionId: null, agentType: null, task: null }, null), stamp);
  const listed = (record: SessionRecord | undefined, stamp: number, attention: typeof question | null = null) =>
    mergeSessionFacts(record, 's1', listRowPatch({ ...row(T0), attention }), stamp);

  it('a later list row saying no question leaves the question the detail saw', () => {
    const seen = listed(withQuestion(undefined, 10), 20);
    expect(seen.facts.attention).toEqual(question);
    expect(show(seen).state).toBe('needs_input');
  });

  it("a list row's marker is taken", () => {
    expect(listed(undefined, 10, question).facts.attention).toEqual(question);
  });

  it('an active session the list alone describes has an unknown question; a detail or a marker makes it known', () => {
    expect(attentionUnknown(listed(undefined, 10))).toBe(true);
    expect(attentionUnknown(withQuestion(listed(undefined, 10), 20))).toBe(false);
    expect(attentionUnknown(listed(undefined, 10, question))).toBe(false);
    const answered = mergeSessionFacts(withQuestion(undefined, 10), 's1', { attention: null }, 30);
    expect(attentionUnknown(answered)).toBe(false);
    expect(show(answered).state).not.toBe('needs_input');
  });
});
