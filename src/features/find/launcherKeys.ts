import { useEffect } from 'react';

export type LauncherDialog = 'find' | 'shortcuts';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Which dialog a key press asks for: Cmd/Ctrl+K is find, `?` outside a text field the shortcuts. */
export function launcherDialogFor(event: KeyboardEvent): LauncherDialog | null {
  if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === 'k') return 'find';
  if (event.key === '?' && !event.metaKey && !event.ctrlKey && !event.altKey && !isTyping(event.target)) return 'shortcuts';
  return null;
}

/** Listens on the whole page for the launcher's keys, and hands each press's dialog to `onPress`. */
export function useLauncherKeys(onPress: (dialog: LauncherDialog) => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const dialog = launcherDialogFor(event);
      if (!dialog) return;
      event.preventDefault();
      onPress(dialog);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onPress]);
}
