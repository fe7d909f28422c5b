import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export type ThemePreference = 'system' | 'light' | 'dark';

interface ThemeState {
  preference: ThemePreference;
  setPreference(preference: ThemePreference): void;
}

/** The persisted key is also read by the inline script in index.html, before React starts. */
export const THEME_STORAGE_KEY = 'lookout.theme';

export const useThemeStore = create<ThemeState>()(
  persist((set) => ({ preference: 'system', setPreference: (preference) => set({ preference }) }), {
    name: THEME_STORAGE_KEY,
  }),
);

export function resolveDark(preference: ThemePreference, systemPrefersDark: boolean): boolean {
  return preference === 'dark' || (preference === 'system' && systemPrefersDark);
}

export function nextPreference(preference: ThemePreference): ThemePreference {
  return preference === 'system' ? 'dark' : preference === 'dark' ? 'light' : 'system';
}
