import { useEffect, useSyncExternalStore } from 'react';
import { resolveDark, useThemeStore } from '../state/theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToSystemTheme(onChange: () => void) {
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Keeps the `dark` class on <html> in step with the stored preference and the system setting. */
export function useThemeClass() {
  const preference = useThemeStore((s) => s.preference);
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, () => window.matchMedia(DARK_QUERY).matches);
  const dark = resolveDark(preference, systemDark);
  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
  }, [dark]);
}
