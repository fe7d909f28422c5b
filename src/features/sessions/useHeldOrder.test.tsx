// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { groupSessions, type SessionGroup } from '../../reconcile/sessionGroups';
import type { DisplayState, SessionEntry } from '../../reconcile/types';
import { makeSessionEntry } from '../../test/factories';
import { useHeldOrder } from './useHeldOrder';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const chat = (id: string, state: DisplayState, startedAt: number) =>
  makeSessionEntry({ session: { id, topic: id, startedAt }, view: { state }, lastActivityAt: NOW });
const layout = (groups: readonly SessionGroup<SessionEntry>[]) => groups.map((g) => `${g.key}: ${g.entries.map((e) => e.session.id).join(' ')}`);

const first = [chat('a', 'working', NOW - 3), chat('b', 'working', NOW - 2), chat('c', 'working', NOW - 1)];
// While the pointer is on the list: b asks a question and a new chat starts.
const next = [first[0]!, chat('b', 'needs_input', NOW - 2), first[2]!, chat('d', 'working', NOW)];

function renderHeld() {
  return renderHook(({ entries, query }) => useHeldOrder(groupSessions(entries, NOW), query), {
    initialProps: { entries: first, query: '' },
  });
}

describe('useHeldOrder', () => {
  it('follows the current order while no pointer is on the list', () => {
    const { result, rerender } = renderHeld();
    rerender({ entries: next, query: '' });
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: d c a']);
    expect(result.current.moved).toBe(0);
  });

  it('holds every row in place while a pointer is on the list, and counts what moved', () => {
    const { result, rerender } = renderHeld();
    act(() => result.current.listProps.onPointerEnter());
    rerender({ entries: next, query: '' });
    expect(layout(result.current.groups)).toEqual(['working: c b a']);
    // The held row shows its current state.
    expect(result.current.groups[0]!.entries[1]!.view.state).toBe('needs_input');
    expect(result.current.moved).toBe(2);
  });

  it('"N chats moved · Show" shows the current order and keeps holding it', () => {
    const { result, rerender } = renderHeld();
    act(() => result.current.listProps.onPointerEnter());
    rerender({ entries: next, query: '' });
    act(() => result.current.showMoved());
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: d c a']);
    expect(result.current.moved).toBe(0);
    rerender({ entries: [...next, chat('e', 'working', NOW + 1)], query: '' });
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: d c a']);
    expect(result.current.moved).toBe(1);
  });

  it('a pointer on the list while it is still loading holds nothing: the rows that arrive are shown, none "moved"', () => {
    const { result, rerender } = renderHook(({ entries }) => useHeldOrder(groupSessions(entries, NOW), ''), {
      initialProps: { entries: [] as SessionEntry[] },
    });
    act(() => result.current.listProps.onPointerEnter());
    rerender({ entries: next });
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: d c a']);
    expect(result.current.moved).toBe(0);
  });

  it('lets go when the pointer leaves, and takes a new search at once', () => {
    const { result, rerender } = renderHeld();
    act(() => result.current.listProps.onPointerEnter());
    rerender({ entries: next, query: '' });
    rerender({ entries: next, query: 'x' });
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: d c a']);
    rerender({ entries: first, query: 'x' });
    expect(layout(result.current.groups)).toEqual(['needs_you: b', 'working: c a']);
    act(() => result.current.listProps.onPointerLeave());
    expect(layout(result.current.groups)).toEqual(['working: c b a']);
  });
});
