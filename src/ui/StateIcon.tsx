import type { DisplayState } from '../reconcile/types';
import type { ReactNode } from 'react';

/**
 * One glyph per display state, drawn in currentColor. Always paired with a text label (state is never
 * shown by colour or shape alone); the icon itself is hidden from assistive technology.
 */
const SHAPES: Record<DisplayState, ReactNode> = {
  working: (
    <>
      <circle cx="8" cy="8" r="6" opacity="0.3" />
      <path d="M8 2a6 6 0 0 1 6 6" />
    </>
  ),
  idle: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M6.5 5.5v5M9.5 5.5v5" />
    </>
  ),
  needs_input: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M6.2 6.3a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4M8 11.4v.1" />
    </>
  ),
  sleeping: <path d="M12.5 10.2A5.5 5.5 0 0 1 5.8 3.5a5.5 5.5 0 1 0 6.7 6.7Z" />,
  waking: (
    <>
      <path d="M3 12h10M5 12a3 3 0 0 1 6 0" />
      <path d="M8 2.5v3M6.5 4 8 2.5 9.5 4" />
    </>
  ),
  completed: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="m5.3 8.2 1.8 1.8 3.6-3.8" />
    </>
  ),
  failed: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="m5.8 5.8 4.4 4.4M10.2 5.8l-4.4 4.4" />
    </>
  ),
  cancelled: (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="m3.8 12.2 8.4-8.4" />
    </>
  ),
  stopped: <rect x="3.5" y="3.5" width="9" height="9" rx="1.5" />,
  unknown: <circle cx="8" cy="8" r="6" strokeDasharray="2.5 2" />,
};

export function isDisplayState(state: string): state is DisplayState {
  return Object.hasOwn(SHAPES, state);
}

export function StateIcon({ state, className }: { state: string; className?: string }) {
  const known = isDisplayState(state) ? state : 'unknown';
  return (
    <svg
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={known}
      className={`shrink-0 ${known === 'working' ? 'motion-safe:animate-spin' : ''} ${className ?? ''}`}
    >
      {SHAPES[known]}
    </svg>
  );
}
