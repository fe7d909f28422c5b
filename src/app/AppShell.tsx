import { lazy, Suspense, useEffect } from 'react';
import { Outlet } from 'react-router';
import { onUnauthorized } from '../api/http';
import { AppHeader } from './AppHeader';
import { useUiStore } from '../state/ui';
import { useNotificationStream } from '../live/react';

// Only a reopened tab needs it: its code comes with the persister's, off the first screen.
const RestoredMark = lazy(() => import('./RestoredMark').then((m) => ({ default: m.RestoredMark })));
// Only after a 401: a signed-in first screen, the common one, does not carry it.
const SignedOut = lazy(() => import('./SignedOut').then((m) => ({ default: m.SignedOut })));

export function AppShell() {
  const signedOut = useUiStore((s) => s.signedOut);
  const setSignedOut = useUiStore((s) => s.setSignedOut);
  // Any 401 (a request, or the probe after a refused socket upgrade) means the sign-in is gone.
  useEffect(() => onUnauthorized(() => setSignedOut(true)), [setSignedOut]);
  useNotificationStream();
  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2">
        Skip to content
      </a>
      <AppHeader />
      <Suspense fallback={null}>
        <RestoredMark />
      </Suspense>
      <main id="main" className="flex min-h-0 flex-1 flex-col">
        {signedOut ? (
          <Suspense fallback={null}>
            <SignedOut />
          </Suspense>
        ) : (
          <Outlet />
        )}
      </main>
    </div>
  );
}
