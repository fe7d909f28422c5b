import { useEffect } from 'react';

/** The favicon's drawing is its own chunk: the first screen's bundle has no room for it (scripts/check-bundle.mjs). */
const loadFavicon = () => import('./favicon');

/**
 * Keeps the tab's icon (and the app badge) on what needs you and whether something failed unseen. Live
 * because its inputs are: the bell's count and the unread feed move with every frame and every tick.
 */
export function useFleetFavicon(count: number, failed: boolean): void {
  useEffect(() => {
    let current = true;
    void loadFavicon().then(({ showFleetBadge }) => {
      // A newer count may have rendered while the chunk loaded: only the newest one is drawn.
      if (current) showFleetBadge({ count, failed });
    });
    return () => {
      current = false;
    };
  }, [count, failed]);
  useEffect(() => () => void loadFavicon().then(({ showFleetBadge }) => showFleetBadge({ count: 0, failed: false })), []);
}
