import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { holdLayout, layoutOf, type GroupLayout, type SessionGroup } from '../../reconcile/sessionGroups';
import type { SessionEntry } from '../../reconcile/types';

export interface HeldOrder {
  groups: SessionGroup<SessionEntry>[];
  /** Chats that would be elsewhere without the hold (0 when not held). */
  moved: number;
  /** Shows the current order now, keeping the hold. */
  showMoved(): void;
  /** For the list's element: a mouse over it or a finger on it holds the rows where they are. */
  listProps: { onPointerEnter(): void; onPointerLeave(): void };
}

/**
 * `groups` as they are, except while a pointer is on the list: then the rows stay where they were when it
 * arrived, so the row under the pointer is the one clicked. A new `resetKey` shows the new order at once.
 */
export function useHeldOrder(groups: SessionGroup<SessionEntry>[], resetKey: string): HeldOrder {
  const [held, setHeld] = useState<GroupLayout | null>(null);
  const shown = useRef(groups);
  const latest = useRef(groups);
  const result = useMemo(() => (held ? holdLayout(held, groups) : { groups, moved: 0 }), [held, groups]);
  useEffect(() => {
    shown.current = result.groups;
    latest.current = groups;
  });
  useEffect(() => {
    setHeld((layout) => (layout ? layoutOf(latest.current) : null));
  }, [resetKey]);
  const showMoved = useCallback(() => setHeld(layoutOf(latest.current)), []);
  // Nothing shown yet (the list is loading): nothing to hold, or every row that arrives would wait as "moved".
  const listProps = useMemo(
    () => ({
      onPointerEnter: () => setHeld(shown.current.some((group) => group.entries.length > 0) ? layoutOf(shown.current) : null),
      onPointerLeave: () => setHeld(null),
    }),
    [],
  );
  return { groups: result.groups, moved: result.moved, showMoved, listProps };
}
