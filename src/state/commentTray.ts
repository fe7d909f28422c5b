import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { CommentAnchor, DraftComment } from '../reconcile/comments';

/**
 * The comments a person has written in a chat and not sent yet, per session (docs/comments.md). UI state:
 * nothing here is on SAM until the tray is sent. sessionStorage, like the composer's drafts: a reload
 * keeps them, another tab does not see them.
 */
interface CommentTrayState {
  /** sessionId -> comments in the order written; a session with none has no key. */
  trays: Record<string, readonly DraftComment[]>;
  add(sessionId: string, comment: DraftComment): void;
  edit(sessionId: string, commentId: string, body: string): void;
  remove(sessionId: string, commentId: string): void;
  /** After a send: only the comments that went out leave (one added meanwhile stays). */
  removeSent(sessionId: string, commentIds: readonly string[]): void;
}

const NONE: readonly DraftComment[] = [];

function withTray(trays: Record<string, readonly DraftComment[]>, sessionId: string, tray: readonly DraftComment[]) {
  const next = { ...trays };
  if (tray.length === 0) delete next[sessionId];
  else next[sessionId] = tray;
  return next;
}

export const useCommentTrayStore = create<CommentTrayState>()(
  persist(
    (set) => ({
      trays: {},
      add: (sessionId, comment) => set((s) => ({ trays: withTray(s.trays, sessionId, [...(s.trays[sessionId] ?? NONE), comment]) })),
      edit: (sessionId, commentId, body) =>
        set((s) => ({
          trays: withTray(
            s.trays,
            sessionId,
            (s.trays[sessionId] ?? NONE).map((c) => (c.id === commentId ? { ...c, body } : c)),
          ),
        })),
      remove: (sessionId, commentId) =>
        set((s) => ({
          trays: withTray(
            s.trays,
            sessionId,
            (s.trays[sessionId] ?? NONE).filter((c) => c.id !== commentId),
          ),
        })),
      removeSent: (sessionId, commentIds) =>
        set((s) => ({
          trays: withTray(
            s.trays,
            sessionId,
            (s.trays[sessionId] ?? NONE).filter((c) => !commentIds.includes(c.id)),
          ),
        })),
    }),
    {
      name: 'lookout.commentTray',
      version: 1,
      storage: createJSONStorage(() => sessionStorage),
      partialize: (state) => ({ trays: state.trays }),
    },
  ),
);

export function useCommentTray(sessionId: string): readonly DraftComment[] {
  return useCommentTrayStore((state) => state.trays[sessionId] ?? NONE);
}

/**
 * The one way into the tray, for any surface that can quote something (a message today, lines of a
 * diff later): the comment joins the session's tray and is sent with the others.
 */
export function addToCommentTray(sessionId: string, anchor: CommentAnchor, body: string, id: string = crypto.randomUUID()): DraftComment {
  const comment: DraftComment = { id, anchor, body: body.trim() };
  useCommentTrayStore.getState().add(sessionId, comment);
  return comment;
}
