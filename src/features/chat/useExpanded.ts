import { createContext, useCallback, useContext, useState } from 'react';

/**
 * Which collapsible parts of a conversation the reader opened. Rows of a virtual list unmount when
 * scrolled away; keeping this outside them means an opened tool card is still open when it comes back.
 * One store per conversation (ChatPage remounts it per session); keys are "<itemId>:<part>".
 */
export type ExpandedStore = Map<string, boolean>;

export const ExpandedContext = createContext<ExpandedStore | null>(null);

export function useExpanded(key: string, initiallyOpen = false): [boolean, (open: boolean) => void] {
  const store = useContext(ExpandedContext);
  const [open, setOpenState] = useState(() => store?.get(key) ?? initiallyOpen);
  const setOpen = useCallback(
    (next: boolean) => {
      store?.set(key, next);
      setOpenState(next);
    },
    [store, key],
  );
  return [open, setOpen];
}
