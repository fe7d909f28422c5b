import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useLauncherKeys, type LauncherDialog } from './launcherKeys';

// The dialogs load on first use: the first screen carries only this button and the key listener.
const FindPalette = lazy(() => import('./FindPalette').then((m) => ({ default: m.FindPalette })));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })));

/**
 * The header's find button, and the app-wide keys: Cmd/Ctrl+K opens find, `?` (outside a field) the shortcuts.
 * `pressedEarly` is a key the header caught before this component's code had loaded.
 */
export function FindLauncher({ pressedEarly = null }: { pressedEarly?: LauncherDialog | null }) {
  const [open, setOpen] = useState<LauncherDialog | null>(pressedEarly);
  const returnFocus = useRef<HTMLElement | null>(null);
  const show = useCallback((which: LauncherDialog) => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('dialog')) returnFocus.current = document.activeElement;
    setOpen(which);
  }, []);
  const close = useCallback(() => setOpen(null), []);
  // Once the modal dialog is gone (while it is open, everything behind it is inert and takes no focus).
  useEffect(() => {
    if (open !== null) return;
    returnFocus.current?.focus();
    returnFocus.current = null;
  }, [open]);

  useLauncherKeys(show);

  return (
    <>
      <button
        type="button"
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-raised"
        aria-label="Find"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        title="Find (Ctrl+K or ⌘K)"
        onClick={() => show('find')}
      >
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5">
          <circle cx="10.5" cy="10.5" r="6.5" />
          <path d="m15.5 15.5 5 5" />
        </svg>
      </button>
      {open && <Suspense fallback={null}>{open === 'find' ? <FindPalette onClose={close} /> : <ShortcutsDialog onClose={close} />}</Suspense>}
    </>
  );
}
