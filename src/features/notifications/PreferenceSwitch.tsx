interface PreferenceSwitchProps {
  checked: boolean;
  onToggle(): void;
  children: string;
}

/** One on/off preference of the panel: the whole row is the switch, its state in words beside the label. */
export function PreferenceSwitch({ checked, onToggle, children }: PreferenceSwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      onClick={onToggle}
      className="flex min-h-11 w-full items-center justify-between gap-3 rounded-md px-1 text-left text-sm hover:bg-raised"
    >
      <span>{children}</span>
      <span
        aria-hidden="true"
        className={`shrink-0 rounded-full border px-2 text-xs font-semibold ${checked ? 'border-accent bg-accent text-accent-fg' : 'border-line text-muted'}`}
      >
        {checked ? 'On' : 'Off'}
      </span>
    </button>
  );
}
