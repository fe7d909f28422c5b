import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useLiveEngine } from '../live/react';
import { useConnectionStore } from '../state/connection';
import { useUiStore } from '../state/ui';
import type { ConnectionStatus } from '../reconcile/types';

// Off the first screen, but fetched right after it: the diagnostics matter most when the network is gone.
const loadDiagnostics = () => import('./StreamDiagnostics');
const StreamDiagnostics = lazy(() => loadDiagnostics().then((m) => ({ default: m.StreamDiagnostics })));

const LOOK: Record<ConnectionStatus, { icon: string; label: string; tone: string }> = {
  connecting: { icon: '◌', label: 'Connecting', tone: 'text-muted' },
  live: { icon: '●', label: 'Live', tone: 'text-state-done' },
  reconnecting: { icon: '↻', label: 'Reconnecting', tone: 'text-state-attention' },
  offline: { icon: '○', label: 'Offline', tone: 'text-state-failed' },
};

/**
 * The stream's health, always visible and in words: a person must know when what they see may be
 * stale. A click opens the diagnostics (`StreamDiagnostics`). On a
 * phone the `caption` (the project's name) sits above the word, so both fit in one 44 px target.
 * While not live, a "Reconnect now" button skips the backoff wait.
 */
export function ConnectionIndicator({ scope, caption }: { scope: 'project' | 'notifications'; caption?: ReactNode }) {
  const status = useConnectionStore((s) => s[scope]);
  const catchingUp = useConnectionStore((s) => s.catchingUp);
  // Signed out, the sockets cannot reconnect; the signed-out screen has its own way back.
  const signedOut = useUiStore((s) => s.signedOut);
  const engine = useLiveEngine();
  const [open, setOpen] = useState(false);
  useEffect(() => void loadDiagnostics(), []);
  const look = LOOK[status];
  const label = status === 'live' && catchingUp ? 'Catching up' : look.label;
  return (
    <div className={`relative flex items-center ${caption ? 'min-w-0 flex-1 sm:flex-none' : 'shrink-0'}`}>
      {status !== 'live' && !signedOut && (
        // Words from `sm` up; on a phone a 44 px icon keeps the header within 320 px.
        <button
          type="button"
          aria-label="Reconnect now"
          className="min-h-11 min-w-11 rounded-md px-2 text-sm text-accent underline-offset-2 hover:underline"
          onClick={engine.reconnectSockets}
        >
          <span aria-hidden="true" className="sm:hidden">
            ⟳
          </span>
          <span aria-hidden="true" className="hidden sm:inline">
            Reconnect now
          </span>
        </button>
      )}
      <button
        type="button"
        className="flex min-h-11 min-w-11 max-w-full flex-col items-start justify-center rounded-md px-2 text-left text-xs hover:bg-raised sm:flex-row sm:items-center sm:text-sm"
        aria-expanded={open}
        aria-label={`Connection: ${label}. Show diagnostics`}
        onClick={() => setOpen(!open)}
      >
        {caption && <span className="block max-w-full truncate text-sm text-fg sm:hidden">{caption}</span>}
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={look.tone}>
            {look.icon}
          </span>
          <span data-testid="connection-label">{label}</span>
        </span>
      </button>
      <span role="status" className="sr-only">
        {status === 'live' ? '' : `Connection ${label.toLowerCase()}`}
      </span>
      {open && (
        <Suspense fallback={null}>
          <StreamDiagnostics onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}
