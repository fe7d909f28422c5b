import { create } from 'zustand';

interface UiState {
  /** The sessions drawer on narrow screens (under 768 px the sidebar is a drawer). */
  drawerOpen: boolean;
  setDrawerOpen(open: boolean): void;
  /** Set when SAM answered 401: the shell shows how to sign in instead of pretending to work. */
  signedOut: boolean;
  setSignedOut(signedOut: boolean): void;
}

export const useUiStore = create<UiState>()((set) => ({
  drawerOpen: false,
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  signedOut: false,
  setSignedOut: (signedOut) => set({ signedOut }),
}));
