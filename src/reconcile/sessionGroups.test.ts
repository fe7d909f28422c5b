import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DisplayState } from './types';
import { RECENT_WINDOW_MS, groupSessions, holdLayout, layoutOf, sessionGroupOf, topicMatches, type GroupableEntry } from './sessionGroups';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

/** A session that started `startedHoursAgo` ago (null: SAM sent neither startedAt nor createdAt). */
const entry = (id: string, state: DisplayState, hoursAgo: number | null, startedHoursAgo: number | null = hoursAgo) => ({
  id,
  session: { id, startedAt: null, createdAt: startedHoursAgo === null ? null : NOW - startedHoursAgo * HOUR },
  view: { state },
  lastActivityAt: hoursAgo === null ? null : NOW - hoursAgo * HOUR,
});

describe('sessionGroupOf', () => {
  it.each([
    ['needs_input', 100, 'needs_you'],
    ['working', 100, 'working'],
    ['waking', 100, 'working'],
    ['idle', 1, 'recent'],
    ['failed', 1, 'recent'],
    ['completed', 23.9, 'recent'],
    ['completed', 24, 'older'],
    ['sleeping', 48, 'older'],
    ['unknown', 1, 'recent'],
    ['stopped', null, 'older'],
  ] as const)('%s, active %s h ago -> %s', (state, hoursAgo, group) => {
    expect(sessionGroupOf(entry('s', state, hoursAgo), NOW)).toBe(group);
  });

  it('puts a session exactly at the window edge into Older', () => {
    expect(sessionGroupOf({ ...entry('s', 'idle', null), lastActivityAt: NOW - RECENT_WINDOW_MS }, NOW)).toBe('older');
  });
});

describe('groupSessions', () => {
  it('returns non-empty groups in display order, newest start first inside each', () => {
    const groups = groupSessions(
      [
        entry('old-done', 'completed', 72),
        entry('ask-1', 'needs_input', 5),
        entry('run', 'working', 0.1),
        entry('recent-a', 'idle', 3),
        entry('ask-2', 'needs_input', 1),
        entry('recent-b', 'failed', 1),
        entry('never', 'unknown', null),
      ],
      NOW,
    );
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.id)])).toEqual([
      ['needs_you', ['ask-2', 'ask-1']],
      ['working', ['run']],
      ['recent', ['recent-b', 'recent-a']],
      ['older', ['old-done', 'never']],
    ]);
  });

  it('omits empty groups and orders ties by id, whatever the input order', () => {
    const groups = groupSessions([entry('b', 'idle', 2), entry('a', 'idle', 2)], NOW);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.entries.map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('keeps working rows in start order while their activity leapfrogs (the firehose)', () => {
    const started = [entry('first', 'working', 0.5, 3), entry('second', 'working', 0.2, 2), entry('third', 'working', 0.1, 1)];
    const before = groupSessions(started, NOW)[0]!.entries.map((e) => e.id);
    // The oldest chat writes the newest output.
    const streamed = started.map((e) => (e.id === 'first' ? { ...e, lastActivityAt: NOW } : e));
    expect(groupSessions(streamed, NOW)[0]!.entries.map((e) => e.id)).toEqual(before);
    expect(before).toEqual(['third', 'second', 'first']);
  });

  it('prefers startedAt over createdAt, and puts chats with no known start last', () => {
    const late = { ...entry('late', 'working', 0, 5), session: { id: 'late', startedAt: NOW - 1, createdAt: NOW - 5 * HOUR } };
    const groups = groupSessions([entry('unknown', 'working', 0, null), entry('early', 'working', 0, 2), late], NOW);
    expect(groups[0]!.entries.map((e) => e.id)).toEqual(['late', 'early', 'unknown']);
  });

  it('returns no groups for no sessions', () => {
    expect(groupSessions([], NOW)).toEqual([]);
  });

  it('moves a recent session to Older as time passes, without any new data', () => {
    const sessions = [entry('a', 'idle', 20)];
    expect(groupSessions(sessions, NOW)[0]!.key).toBe('recent');
    expect(groupSessions(sessions, NOW + 5 * HOUR)[0]!.key).toBe('older');
  });
});

const STATES: DisplayState[] = ['working', 'idle', 'needs_input', 'sleeping', 'waking', 'completed', 'failed', 'cancelled', 'stopped', 'unknown'];
const at = fc.option(fc.integer({ min: NOW - 72 * HOUR, max: NOW }), { nil: null });
const arbitraryEntry = (id: string) =>
  fc.record({
    id: fc.constant(id),
    // Ties on start time are common (chats started in the same ms) and SAM may send null createdAt.
    session: fc.record({ id: fc.constant(id), startedAt: fc.option(fc.constantFrom(NOW - HOUR, NOW - 2 * HOUR), { nil: null }), createdAt: at }),
    view: fc.record({ state: fc.constantFrom(...STATES) }),
    lastActivityAt: at,
  });
const arbitraryEntries = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map(arbitraryEntry)));

const layout = (entries: readonly GroupableEntry[]) => new Map(groupSessions(entries, NOW).map((g) => [g.key, g.entries.map((e) => e.session.id)]));
const keptOrder = (before: readonly string[], after: readonly string[]) => {
  const kept = new Set(after);
  const common = before.filter((id) => kept.has(id));
  const still = new Set(before);
  return after.filter((id) => still.has(id)).join('\n') === common.join('\n');
};

describe('groupSessions: rows stay put', () => {
  it('new activity alone never reorders the rows inside a group; only rows that change group move', () => {
    fc.assert(
      fc.property(arbitraryEntries, fc.array(fc.integer({ min: 0, max: 10 * HOUR })), (entries, bumps) => {
        // Streaming: any session's latest activity moves forward, by any amount (up to now).
        const streamed = entries.map((e, i) => ({
          ...e,
          lastActivityAt: bumps[i] === undefined ? e.lastActivityAt : Math.min(NOW, (e.lastActivityAt ?? NOW - 72 * HOUR) + bumps[i]!),
        }));
        const before = layout(entries);
        const after = layout(streamed);
        for (const [key, ids] of after) expect(keptOrder(before.get(key) ?? [], ids), key).toBe(true);
      }),
    );
  });

  it('a new chat or a change of state moves no other row relative to its group', () => {
    fc.assert(
      fc.property(arbitraryEntries, arbitraryEntry('new!'), fc.nat(), fc.constantFrom(...STATES), (entries, added, which, state) => {
        const changed = entries.map((e, i) => (entries.length > 0 && i === which % entries.length ? { ...e, view: { state } } : e));
        const before = layout(entries);
        const after = layout([...changed, added]);
        for (const [key, ids] of after) expect(keptOrder(before.get(key) ?? [], ids), key).toBe(true);
      }),
    );
  });

  it('does not depend on the order the entries come in', () => {
    fc.assert(
      fc.property(
        arbitraryEntries.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))),
        ([entries, shuffled]) => {
          expect([...layout(shuffled)]).toEqual([...layout(entries)]);
        },
      ),
    );
  });
});

describe('holdLayout', () => {
  const shown = [entry('ask', 'needs_input', 1, 1), entry('a', 'working', 0, 3), entry('b', 'working', 0, 2)];

  it('keeps every row in its held group and place, with its current content, and counts what moved', () => {
    const held = layoutOf(groupSessions(shown, NOW));
    const answered = { ...shown[0]!, view: { state: 'working' as const } };
    const fresh = entry('new', 'working', 0, 0);
    const { groups, moved } = holdLayout(held, groupSessions([answered, shown[1]!, shown[2]!, fresh], NOW));
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.id)])).toEqual([
      ['needs_you', ['ask']],
      ['working', ['b', 'a']],
    ]);
    expect(groups[0]!.entries[0]).toBe(answered);
    expect(moved).toBe(2);
  });

  it('drops a chat that is gone and drops a group left empty', () => {
    const held = layoutOf(groupSessions(shown, NOW));
    const { groups, moved } = holdLayout(held, groupSessions(shown.slice(1), NOW));
    expect(groups.map((g) => g.key)).toEqual(['working']);
    expect(moved).toBe(0);
  });

  it('is the plain grouping when nothing changed', () => {
    fc.assert(
      fc.property(arbitraryEntries, (entries) => {
        const groups = groupSessions(entries, NOW);
        expect(holdLayout(layoutOf(groups), groups)).toEqual({ groups, moved: 0 });
      }),
    );
  });

  it('never moves a held row, whatever happens to the entries', () => {
    fc.assert(
      fc.property(arbitraryEntries, arbitraryEntries, (before, after) => {
        const held = layoutOf(groupSessions(before, NOW));
        const shownNow = layoutOf(holdLayout(held, groupSessions(after, NOW)).groups);
        for (const [key, ids] of shownNow) expect(ids).toEqual((held.get(key) ?? []).filter((id) => ids.includes(id)));
      }),
    );
  });
});

describe('topicMatches', () => {
  it('matches case-insensitively and treats an empty search as everything', () => {
    expect(topicMatches('Fix the Login bug', 'login')).toBe(true);
    expect(topicMatches('Fix the Login bug', '  ')).toBe(true);
    expect(topicMatches(null, '')).toBe(true);
    expect(topicMatches(null, 'x')).toBe(false);
    expect(topicMatches('Refactor', 'login')).toBe(false);
  });
});
