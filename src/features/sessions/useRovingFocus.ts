import { useState, type KeyboardEvent } from 'react';

const ITEM_SELECTOR = '[data-roving-id]';

/**
 * Roving focus over a list of items (one tab stop for the whole list; arrows, Home and End move).
 * Items carry `data-roving-id`; the item with `tabIndex={id === activeId ? 0 : -1}` is the tab stop.
 * `preferredId` (the open session) is the tab stop until the person moves.
 */
export function useRovingFocus(ids: readonly string[], preferredId: string | null) {
  const [movedTo, setMovedTo] = useState<string | null>(null);
  const activeId = movedTo !== null && ids.includes(movedTo) ? movedTo : preferredId !== null && ids.includes(preferredId) ? preferredId : (ids[0] ?? null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const items = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(ITEM_SELECTOR));
    const current = (event.target as HTMLElement).closest<HTMLElement>(ITEM_SELECTOR);
    const index = current ? items.indexOf(current) : -1;
    const next = targetIndex(event.key, index, items.length);
    if (next === null) return;
    event.preventDefault();
    const item = items[next];
    if (!item) return;
    setMovedTo(item.dataset.rovingId ?? null);
    item.focus();
  }

  return { activeId, onKeyDown, onItemFocus: setMovedTo };
}

function targetIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, count - 1);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
