import { describe, expect, it } from 'vitest';
import type { DisplayState } from './types';
import { RECENT_WINDOW_MS, groupSessions, sessionGroupOf, topicMatches } from './sessionGroups';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const HOUR = 3_600_000;

const entry = (id: string, state: DisplayState, hoursAgo: number | null) => ({
  id,
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
    expect(sessionGroupOf({ view: { state: 'idle' }, lastActivityAt: NOW - RECENT_WINDOW_MS }, NOW)).toBe('older');
  });
});

describe('groupSessions', () => {
  it('returns non-empty groups in display order, newest activity first inside each', () => {
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

  it('omits empty groups and keeps the input order on ties', () => {
    const groups = groupSessions([entry('a', 'idle', 2), entry('b', 'idle', 2)], NOW);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.entries.map((e) => e.id)).toEqual(['a', 'b']);
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

describe('topicMatches', () => {
  it('matches case-insensitively and treats an empty search as everything', () => {
    expect(topicMatches('Fix the Login bug', 'login')).toBe(true);
    expect(topicMatches('Fix the Login bug', '  ')).toBe(true);
    expect(topicMatches(null, '')).toBe(true);
    expect(topicMatches(null, 'x')).toBe(false);
    expect(topicMatches('Refactor', 'login')).toBe(false);
  });
});
