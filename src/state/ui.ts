import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_STALL_AFTER_MINUTES } from '../reconcile/stall';

interface UiState {
  /** The sessions drawer on narrow screens (under 768 px the sidebar is a drawer). */
  drawerOpen: boolean;
  setDrawerOpen(open: boolean): void;
  /** Set when SAM answered 401: the shell shows how to sign in instead of pretending to work. */
  signedOut: boolean;
  setSignedOut(signedOut: boolean): void;
  /**
   * The stall alarm's preference (kept on this device): minutes of silence after which a working agent
   * reads "Working, silent for N min" (reconcile/stall). 0 turns the alarm off.
   */
  stallAfterMinutes: number;
  setStallAfterMinutes(minutes: number): void;
}

export const UI_PREFERENCES_KEY = 'lookout.ui';

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      drawerOpen: false,
      setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
      signedOut: false,
      setSignedOut: (signedOut) => set({ signedOut }),
      stallAfterMinutes: DEFAULT_STALL_AFTER_MINUTES,
      setStallAfterMinutes: (minutes) => set({ stallAfterMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 0 }),
    }),
    // Only the preference is kept: the drawer and the signed-out flag belong to this visit.
    { name: UI_PREFERENCES_KEY, partialize: ({ stallAfterMinutes }) => ({ stallAfterMinutes }) },
  ),
);
