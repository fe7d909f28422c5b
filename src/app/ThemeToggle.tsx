import { nextPreference, useThemeStore } from '../state/theme';

const LABELS = { system: 'System theme', dark: 'Dark theme', light: 'Light theme' } as const;
const ICONS = { system: '◐', dark: '☾', light: '☀' } as const;

/** `className` adds to the button's own classes (the header hides it on a phone inside a project). */
export function ThemeToggle({ className = '' }: { className?: string }) {
  const preference = useThemeStore((s) => s.preference);
  const setPreference = useThemeStore((s) => s.setPreference);
  const next = nextPreference(preference);
  return (
    <button
      type="button"
      className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-raised ${className}`}
      aria-label={`${LABELS[preference]}; switch to ${LABELS[next].toLowerCase()}`}
      title={`${LABELS[preference]} (click for ${LABELS[next].toLowerCase()})`}
      onClick={() => setPreference(next)}
    >
      <span aria-hidden="true" className="text-lg">
        {ICONS[preference]}
      </span>
    </button>
  );
}
