import { Outlet } from 'react-router';
import { AppHeader } from './AppHeader';
import { SignedOut } from './SignedOut';
import { useUiStore } from '../state/ui';
import { useNotificationStream } from '../live/notificationStream';

export function AppShell() {
  const signedOut = useUiStore((s) => s.signedOut);
  useNotificationStream();
  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="flex min-h-0 flex-1 flex-col">
        {signedOut ? <SignedOut /> : <Outlet />}
      </main>
    </div>
  );
}
