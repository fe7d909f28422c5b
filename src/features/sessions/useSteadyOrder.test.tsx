// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { groupSessions } from '../../reconcile/sessionGroups';
import type { SessionEntry } from '../../reconcile/types';
import { sessionEntry } from '../../ui/testing/sessionEntry';
import { REORDER_EVERY_MS, useSteadyOrder } from './useSteadyOrder';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const working = (id: string, at: number) => sessionEntry({ session: { id, topic: id }, view: { state: 'working', label: 'Working' }, lastActivityAt: at });
const ids = (groups: ReturnType<typeof groupSessions<SessionEntry>>) => groups.map((g) => `${g.key}: ${g.entries.map((e) => e.session.id).join(' ')}`);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('useSteadyOrder', () => {
  it('re-sorts rows whose activity moved at most every REORDER_EVERY_MS, showing their new entries at once', () => {
    const first = [working('a', NOW - 3), working('b', NOW - 2), working('c', NOW - 1)];
    const { result, rerender } = renderHook(({ entries }) => useSteadyOrder(groupSessions(entries, NOW)), { initialProps: { entries: first } });
    expect(ids(result.current)).toEqual(['working: c b a']);

    const a = working('a', NOW);
    rerender({ entries: [a, first[1]!, first[2]!] });
    expect(ids(result.current)).toEqual(['working: c b a']);
    expect(result.current[0]?.entries[2]).toBe(a);

    act(() => vi.advanceTimersByTime(REORDER_EVERY_MS));
    expect(ids(result.current)).toEqual(['working: a c b']);
  });

  it('moves a session that changes group at once', () => {
    const first = [working('a', NOW - 3), working('b', NOW - 2)];
    const { result, rerender } = renderHook(({ entries }) => useSteadyOrder(groupSessions(entries, NOW)), { initialProps: { entries: first } });
    const asking = sessionEntry({ session: { id: 'a', topic: 'a' }, view: { state: 'needs_input', label: 'Needs you' }, lastActivityAt: NOW });
    rerender({ entries: [asking, first[1]!] });
    expect(ids(result.current)).toEqual(['needs_you: a', 'working: b']);
  });
});
