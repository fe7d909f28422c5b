import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_STALL_AFTER_MINUTES } from '../reconcile/stall';

/*
 * The stall alarm's preference, kept on this device like the theme and the notification preferences. Its
 * own store rather than a field of the UI store: only the project view reads it, and it loads with that view
 * (the first screen's bundle has no room to spare).
 */
interface StallPreference {
  /** Minutes of silence after which a working agent reads "Working, silent for N min" (reconcile/stall). 0 = off. */
  stallAfterMinutes: number;
  setStallAfterMinutes(minutes: number): void;
}

export const STALL_PREFERENCE_KEY = 'lookout.stall';

export const useStallPreference = create<StallPreference>()(
  persist(
    (set) => ({
      stallAfterMinutes: DEFAULT_STALL_AFTER_MINUTES,
      setStallAfterMinutes: (minutes) => set({ stallAfterMinutes: Number.isFinite(minutes) && minutes > 0 ? minutes : 0 }),
    }),
    { name: STALL_PREFERENCE_KEY, partialize: ({ stallAfterMinutes }) => ({ stallAfterMinutes }) },
  ),
);
