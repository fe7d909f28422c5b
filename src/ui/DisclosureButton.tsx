import type { ReactNode } from 'react';

interface DisclosureButtonProps {
  open: boolean;
  onToggle(open: boolean): void;
  /** The id of the region this button shows and hides. */
  controls: string;
  children: ReactNode;
  className?: string;
}

/** The button of a show/hide pair: states its state (aria-expanded) and points at what it controls. */
export function DisclosureButton({ open, onToggle, controls, children, className }: DisclosureButtonProps) {
  return (
    <button
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => onToggle(!open)}
      className={`inline-flex min-h-11 min-w-0 items-center gap-1.5 rounded-md text-left text-sm hover:bg-raised pointer-fine:min-h-8 ${className ?? ''}`}
    >
      <span aria-hidden="true" className={`inline-block shrink-0 transition-transform ${open ? 'rotate-90' : ''}`}>
        ▸
      </span>
      {children}
    </button>
  );
}
