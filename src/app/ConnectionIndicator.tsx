import { useState } from 'react';
import { useConnectionStore } from '../state/connection';
import { StreamDiagnostics } from './StreamDiagnostics';
import type { ConnectionStatus } from '../reconcile/types';

const LOOK: Record<ConnectionStatus, { icon: string; label: string; tone: string }> = {
  connecting: { icon: '◌', label: 'Connecting', tone: 'text-muted' },
  live: { icon: '●', label: 'Live', tone: 'text-state-done' },
  reconnecting: { icon: '↻', label: 'Reconnecting', tone: 'text-state-attention' },
  offline: { icon: '○', label: 'Offline', tone: 'text-state-failed' },
};

/**
 * The stream's health, always visible: a person must know when what they see may be stale. A click
 * opens the diagnostics (`StreamDiagnostics`).
 */
export function ConnectionIndicator({ scope }: { scope: 'project' | 'notifications' }) {
  const status = useConnectionStore((s) => s[scope]);
  const catchingUp = useConnectionStore((s) => s.catchingUp);
  const [open, setOpen] = useState(false);
  const look = LOOK[status];
  const label = status === 'live' && catchingUp ? 'Catching up' : look.label;
  return (
    <div className="relative shrink-0">
      <button
        type="button"
        className="inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-md px-2 text-sm hover:bg-raised"
        aria-expanded={open}
        aria-label={`Connection: ${label}. Show diagnostics`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className={look.tone}>
          {look.icon}
        </span>
        <span className="hidden sm:inline" data-testid="connection-label">
          {label}
        </span>
      </button>
      <span role="status" className="sr-only">
        {status === 'live' ? '' : `Connection ${label.toLowerCase()}`}
      </span>
      {open && <StreamDiagnostics onClose={() => setOpen(false)} />}
    </div>
  );
}
