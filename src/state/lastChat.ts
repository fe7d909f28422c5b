import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * The chat last open in each project, so a wide screen can reopen it instead of an empty pane.
 * localStorage: it is a preference of this browser, kept across tabs and restarts.
 */
interface LastChatState {
  /** projectId -> sessionId */
  byProject: Record<string, string>;
  remember(projectId: string, sessionId: string): void;
}

export const useLastChatStore = create<LastChatState>()(
  persist(
    (set) => ({
      byProject: {},
      remember: (projectId, sessionId) =>
        set((state) => (state.byProject[projectId] === sessionId ? state : { byProject: { ...state.byProject, [projectId]: sessionId } })),
    }),
    {
      name: 'lookout.last-chat',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ byProject: state.byProject }),
    },
  ),
);
