import { useCallback, useEffect, useState } from 'react';
import { config } from '../api/config';
import { useLiveEngine } from '../live/react';
import { useUiStore } from '../state/ui';

/**
 * What a 401 from SAM turns into: an explanation and the way back, not a broken page. The page behind it
 * (the same chat, its unsent draft) stays where it was: once SAM accepts the cookie again, "Try again"
 * (or coming back to this tab) returns to it without a reload.
 */
export function SignedOut() {
  const tryAgain = useReturnWhenSignedIn();
  const [checking, setChecking] = useState(false);
  const [stillOut, setStillOut] = useState(false);
  const onTryAgain = async () => {
    setChecking(true);
    const state = await tryAgain();
    setChecking(false);
    setStillOut(state !== 'signed-in');
  };
  return (
    <section aria-labelledby="signed-out-title" className="mx-auto max-w-lg p-6">
      <h1 id="signed-out-title" className="text-lg font-semibold">
        You are signed out of SAM
      </h1>
      <p className="mt-2 text-muted">
        SAM answered “unauthorized”: your session cookie is missing or has expired. Sign in to your SAM dashboard in this browser, then come back here and try
        again. Unsent messages are kept.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-muted">
        <li>
          Running <code>npm run dev:live</code>? Set <code>SAM_API_TOKEN</code> and Lookout’s proxy signs in for you.
        </li>
        {config.simulated && (
          <li>
            This is the simulator: remove <code>scenario=signed-out</code> from the address.
          </li>
        )}
      </ul>
      <div className="mt-4 flex flex-wrap gap-2">
        <button
          type="button"
          className="min-h-11 rounded-md bg-accent px-4 text-accent-fg disabled:opacity-60"
          disabled={checking}
          onClick={() => void onTryAgain()}
        >
          {checking ? 'Checking…' : 'Try again'}
        </button>
        <button type="button" className="min-h-11 rounded-md border border-line px-4" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
      <p role="status" className="mt-2 text-sm text-muted">
        {stillOut && !checking ? 'Still signed out: SAM did not accept the sign-in yet.' : ''}
      </p>
    </section>
  );
}

/** Asks SAM whether the sign-in is back (on "Try again" and whenever the tab gets focus); if so, resumes. */
function useReturnWhenSignedIn() {
  const engine = useLiveEngine();
  const setSignedOut = useUiStore((s) => s.setSignedOut);
  const tryAgain = useCallback(async () => {
    const state = await engine.probeSignIn();
    if (state === 'signed-in') {
      setSignedOut(false);
      engine.reconnectSockets();
      void engine.client.invalidateQueries();
    }
    return state;
  }, [engine, setSignedOut]);
  useEffect(() => {
    const onFocus = () => void tryAgain();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [tryAgain]);
  return tryAgain;
}
