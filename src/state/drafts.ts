import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * Unsent composer text per session, so a half-written follow-up survives switching chats and a
 * reload of the tab. sessionStorage: drafts belong to this tab and go away with it.
 */
interface DraftsState {
  /** sessionId -> text; a session without a draft has no key (an empty draft is deleted). */
  drafts: Record<string, string>;
  setDraft(sessionId: string, text: string): void;
  clearDraft(sessionId: string): void;
}

export const useDraftsStore = create<DraftsState>()(
  persist(
    (set) => ({
      drafts: {},
      setDraft: (sessionId, text) =>
        set((state) => {
          if (text === '') return { drafts: withoutKey(state.drafts, sessionId) };
          return { drafts: { ...state.drafts, [sessionId]: text } };
        }),
      clearDraft: (sessionId) => set((state) => ({ drafts: withoutKey(state.drafts, sessionId) })),
    }),
    {
      name: 'lookout.drafts',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ drafts: state.drafts }),
    },
  ),
);

function withoutKey(drafts: Record<string, string>, key: string): Record<string, string> {
  if (!(key in drafts)) return drafts;
  const rest = { ...drafts };
  delete rest[key];
  return rest;
}

/** The draft of one session and its setter, for a composer. */
export function useDraft(sessionId: string): [string, (text: string) => void] {
  const text = useDraftsStore((state) => state.drafts[sessionId] ?? '');
  const setDraft = useDraftsStore((state) => state.setDraft);
  return [text, (next) => setDraft(sessionId, next)];
}
