import { useEffect, useMemo, useRef, useState } from 'react';
import type { SessionGroup } from '../../reconcile/sessionGroups';
import type { SessionEntry } from '../../reconcile/types';

/**
 * At most one re-sort of a group's rows in this time, when only their activity times moved.
 *
 * With dozens of agents streaming, "newest activity first" changes the order on every animation frame,
 * and moving rows in the DOM (style, layout and text shaping of every moved row, for the whole list) was
 * most of the firehose benchmark's cost: frames at 10 per second and long tasks over a second in every
 * 20. Rows still show their entry's current state and time at once; a session that changes group
 * (needs you, working, recent) moves at once too.
 */
export const REORDER_EVERY_MS = 500;

type Order = ReadonlyMap<string, readonly string[]>;

const orderOf = (groups: readonly SessionGroup<SessionEntry>[]): Order =>
  new Map(groups.map((group) => [group.key, group.entries.map((entry) => entry.session.id)]));

function sameMembers(ids: readonly string[], entries: readonly SessionEntry[]): boolean {
  if (ids.length !== entries.length) return false;
  const held = new Set(ids);
  return entries.every((entry) => held.has(entry.session.id));
}

function sameOrder(order: Order, groups: readonly SessionGroup<SessionEntry>[]): boolean {
  if (order.size !== groups.length) return false;
  return groups.every((group) => {
    const ids = order.get(group.key);
    return ids !== undefined && ids.length === group.entries.length && group.entries.every((entry, i) => entry.session.id === ids[i]);
  });
}

/**
 * `groups` (sorted by the core), with each group's rows kept in the order last shown while the group has
 * the same sessions; the newest order is taken at most every REORDER_EVERY_MS.
 */
export function useSteadyOrder(groups: SessionGroup<SessionEntry>[]): SessionGroup<SessionEntry>[] {
  const [order, setOrder] = useState<Order>(() => orderOf(groups));
  const latest = useRef(groups);
  const steady = useMemo(
    () =>
      groups.map((group) => {
        const ids = order.get(group.key);
        if (!ids || !sameMembers(ids, group.entries)) return group;
        const byId = new Map(group.entries.map((entry) => [entry.session.id, entry]));
        const entries = ids.map((id) => byId.get(id) as SessionEntry);
        return entries.every((entry, i) => entry === group.entries[i]) ? group : { key: group.key, entries };
      }),
    [groups, order],
  );
  const settled = sameOrder(order, groups);
  useEffect(() => {
    latest.current = groups;
  });
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setOrder(orderOf(latest.current)), REORDER_EVERY_MS);
    return () => clearTimeout(timer);
    // Re-armed after each re-sort (`order`), not on every new `groups`: one re-sort per period at most.
  }, [settled, order]);
  return steady;
}
