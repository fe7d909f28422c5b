// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { SessionState } from '../../api/contract';
import { foldFacts, emptyFacts, type FactsWrite, type TaskSnapshotsCache } from '../../live/normalisedCaches';
import { buildEntry, createSessionEntryMemo, type SessionEntryInputs } from '../../live/sessionEntries';
import { detailPatch, detailVersions, listRowPatch, listRowVersions } from '../../reconcile/sessionFacts';
import { mergeTaskSnapshot, type TaskSnapshot } from '../../reconcile/taskSnapshots';
import type { SessionEntry } from '../../reconcile/types';
import { LIVE, MIN, T0, makeRow, makeTask } from '../../test/factories';
import { SessionListItem } from '../sessions/SessionListItem';
import { ChatView } from './ChatView';
import { chatViewProps } from './testing';

/*
 * What a person reads in the chat (header, composer, title) and in its sidebar row, for states the core
 * used to get wrong. Each entry is built by the core itself (merged caches -> buildEntry -> sessionView).
 */

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(50);
});
afterEach(cleanup);

const TOPIC = 'Fix the login bug';

function entryFrom(writes: FactsWrite[], snapshots: TaskSnapshot[], failedTaskLookups?: ReadonlySet<string>): SessionEntry {
  const held: TaskSnapshotsCache = new Map(
    snapshots.length === 0 ? [] : [['t1', snapshots.reduce<ReturnType<typeof mergeTaskSnapshot> | undefined>((h, s) => mergeTaskSnapshot(h, s), undefined)!]],
  );
  const inputs: SessionEntryInputs = { facts: foldFacts(emptyFacts, writes), snapshots: held, stream: LIVE, now: T0 + 10 * MIN, failedTaskLookups };
  const entry = buildEntry(createSessionEntryMemo(), inputs, 's1');
  if (!entry) throw new Error('no entry');
  return entry;
}

function renderChat(entry: SessionEntry) {
  return render(
    <MemoryRouter>
      <section aria-label="Chat">
        <ChatView {...chatViewProps(entry)} />
      </section>
      <ul>
        <SessionListItem projectId="p1" entry={entry} selected={false} tabStop onFocus={() => {}} />
      </ul>
    </MemoryRouter>,
  );
}

const chat = () => screen.getByRole('region', { name: 'Chat' });
const header = () => chat().querySelector('header') as HTMLElement;
const sidebarRow = () => screen.getAllByRole('link').find((link) => link.getAttribute('href')?.endsWith('/s1')) as HTMLElement;
const row = (overrides = {}) => makeRow({ id: 's1', taskId: 't1', topic: TOPIC, ...overrides });

describe('the displayed status tells the truth', () => {
  it('a session whose task is not loaded yet: Unknown, and nobody claims the agent works (issue 12 item 4)', () => {
    renderChat(entryFrom([{ id: 's1', patch: listRowPatch(row()), stamp: 1 }], []));
    expect(within(header()).getByText('Unknown')).toBeInTheDocument();
    expect(header()).toHaveTextContent('task status not loaded yet');
    expect(chat()).not.toHaveTextContent(/agent working|Working/);
    // A prompt can still be written: SAM queues it whatever the task does (the box says it will wait).
    expect(screen.getByRole('textbox', { name: 'Message the agent' })).toBeInTheDocument();
    expect(document.title).toBe(`${TOPIC} (Unknown) · Lookout`);
    expect(sidebarRow()).toHaveAccessibleName(/,\s*Unknown$/);
  });

  it('a task that could not be loaded says so', () => {
    renderChat(entryFrom([{ id: 's1', patch: listRowPatch(row()), stamp: 1 }], [], new Set(['t1'])));
    expect(header()).toHaveTextContent('could not load the task');
    expect(chat()).not.toHaveTextContent(/agent working/);
  });

  it('an idle agent the detail reported stays idle after an older list row, and the message box is open (issue 12 item 5)', () => {
    const state: SessionState = {
      activity: 'idle',
      activityAt: T0 + 5 * MIN,
      statusError: null,
      currentPlan: [],
      promptStartedAt: null,
      lastStopReason: 'cancelled',
      recoveryStatus: null,
      wakePhase: null,
    };
    const detailRow = { ...row({ lastMessageAt: T0 + 4 * MIN }), agentSessionId: null, agentType: null, task: null };
    const listed = row({ lastMessageAt: T0 + 4 * MIN });
    const entry = entryFrom(
      [
        { id: 's1', patch: detailPatch(detailRow, state), versions: detailVersions(state), stamp: 10 },
        { id: 's1', patch: listRowPatch(listed), versions: listRowVersions(listed), stamp: 20 },
      ],
      [{ kind: 'full', task: makeTask({ id: 't1', status: 'in_progress' }), asOf: 5 }],
    );
    renderChat(entry);
    expect(within(header()).getByText('Idle')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message the agent' })).toBeInTheDocument();
    expect(chat()).not.toHaveTextContent(/agent working/);
    expect(sidebarRow()).toHaveAccessibleName(/,\s*Idle$/);
  });

  it('a failed task SAM sent back to work: queued again, no failure, no Retry (issue 18 item 1)', () => {
    const failedRow = row({ status: 'failed', endedAt: T0 + 1 * MIN + 300, isTerminated: true });
    const entry = entryFrom(
      [{ id: 's1', patch: listRowPatch(failedRow), stamp: 30 }],
      [
        // The failure came from a datetime('now') path: whole seconds.
        { kind: 'full', task: makeTask({ id: 't1', status: 'failed', errorMessage: 'Out of disk space', updatedAt: T0 + MIN }), asOf: 10 },
        { kind: 'full', task: makeTask({ id: 't1', status: 'queued', executionStep: null, errorMessage: null, updatedAt: T0 + 3 * MIN + 120 }), asOf: 40 },
      ],
    );
    renderChat(entry);
    expect(within(header()).getByText('Working')).toBeInTheDocument();
    expect(header()).toHaveTextContent('queued again: waiting for a VM');
    expect(chat()).not.toHaveTextContent(/Failed|Out of disk space/);
    expect(screen.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
    expect(document.title).toBe(`${TOPIC} (Working) · Lookout`);
    expect(sidebarRow()).toHaveAccessibleName(/,\s*Working$/);
  });
});
