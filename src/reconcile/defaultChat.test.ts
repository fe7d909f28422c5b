import { describe, expect, it } from 'vitest';
import { makeSessionEntry } from '../test/factories';
import { canChooseDefaultChat, defaultChatId } from './defaultChat';
import { TASK_NOT_LOADED_YET } from './sessionView';
import type { DisplayState } from './types';

const NOW = Date.UTC(2026, 10, 21, 12);
// The sidebar lists each group by start time, newest first (sessionGroups): `at` is both.
const entry = (id: string, state: DisplayState, at: number) =>
  makeSessionEntry({ session: { id, startedAt: at, createdAt: at }, view: { state }, lastActivityAt: at });

describe('defaultChatId', () => {
  it('opens the chat that needs you (the newest, as the sidebar lists them) before the last one open', () => {
    const entries = [entry('a', 'working', NOW), entry('b', 'needs_input', NOW - 5_000), entry('c', 'needs_input', NOW - 1_000)];
    expect(defaultChatId(entries, 'a', NOW)).toBe('c');
  });

  it('else the last chat open, while it is still listed', () => {
    const entries = [entry('a', 'working', NOW), entry('b', 'failed', NOW - 5_000)];
    expect(defaultChatId(entries, 'b', NOW)).toBe('b');
    expect(defaultChatId(entries, 'gone', NOW)).toBeNull();
  });

  it('else none: the empty pane', () => {
    expect(defaultChatId([entry('a', 'idle', NOW)], null, NOW)).toBeNull();
    expect(defaultChatId([], 'a', NOW)).toBeNull();
  });

  it('waits while a listed task is still loading (that chat may need you), not when a lookup failed', () => {
    const loading = makeSessionEntry({ session: { id: 'l' }, view: { state: 'unknown', reason: TASK_NOT_LOADED_YET } });
    const failed = makeSessionEntry({ session: { id: 'f' }, view: { state: 'unknown', reason: 'could not load the task; its status is unknown' } });
    expect(canChooseDefaultChat([entry('a', 'working', NOW), loading], false)).toBe(false);
    expect(canChooseDefaultChat([entry('a', 'working', NOW), failed], false)).toBe(true);
  });

  it('waits while an open question is still being looked up (SAM lists none), whatever the tasks say', () => {
    expect(canChooseDefaultChat([entry('a', 'working', NOW)], true)).toBe(false);
    expect(canChooseDefaultChat([entry('a', 'working', NOW)], false)).toBe(true);
  });
});
