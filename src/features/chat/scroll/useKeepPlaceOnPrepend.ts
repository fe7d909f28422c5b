import { useLayoutEffect, useRef, type RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ConversationItem } from '../../../reconcile/types';

/**
 * Keeps the reader's place when earlier messages are prepended. The virtualizer anchors on the row at
 * the top of the viewport, but that is often the first loaded item, and the core may re-key exactly that
 * item when the earlier page brings the start of its streamed run (a joined item takes its first chunk's
 * id). So this also remembers a row below the first one and, after a prepend, puts it back where it was
 * on screen. When the virtualizer already did, there is nothing to correct. The place is read on every
 * scroll and whenever measured rows change the list's height.
 */
export function useKeepPlaceOnPrepend(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  items: readonly ConversationItem[],
) {
  const anchor = useRef<{ id: string; offsetFromTop: number } | null>(null);
  const firstId = items[0]?.id ?? null;
  const previousFirstId = useRef(firstId);

  /** Call on scroll and before asking for an earlier page. */
  function rememberPlace() {
    // The element, not the virtualizer: this runs in a scroll handler that may fire before its own.
    const scrollTop = scrollRef.current?.scrollTop ?? 0;
    const top = virtualizer.getVirtualItemForOffset(scrollTop);
    const row = top && top.index === 0 ? virtualizer.getVirtualItemForOffset(top.end) : top;
    const item = row && row.index >= 1 ? items[row.index] : undefined;
    anchor.current = row && item ? { id: item.id, offsetFromTop: row.start - scrollTop } : null;
  }

  // Rows measured since the last scroll move the ones below them without a scroll event: read the place
  // again, but not on a prepend's render (the effect below puts the reader back first).
  const contentSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    if (previousFirstId.current === firstId) rememberPlace();
    // Runs when the rows' measured size changes; the rest is read as of that render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contentSize]);

  useLayoutEffect(() => {
    const before = previousFirstId.current;
    previousFirstId.current = firstId;
    const place = anchor.current;
    if (before === null || before === firstId || place === null) return;
    const index = items.findIndex((item) => item.id === place.id);
    const start = index < 0 ? undefined : virtualizer.getOffsetForIndex(index, 'start')?.[0];
    if (start === undefined) return;
    const target = start - place.offsetFromTop;
    if (Math.abs((virtualizer.scrollOffset ?? 0) - target) > 1) virtualizer.scrollToOffset(target);
    // Runs when the first item changes; items and virtualizer are read as of that render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstId]);

  return rememberPlace;
}
