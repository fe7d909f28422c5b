import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../api/queries';
import { useUiStore } from '../state/ui';
import { ConnectionIndicator } from './ConnectionIndicator';
import { ThemeToggle } from './ThemeToggle';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useLauncherKeys, type LauncherDialog } from '../features/find/launcherKeys';

// Only simulated builds carry the fault/scenario panel; `__SIMULATED__` is false in live builds.
// The find button and its keys (Cmd/Ctrl+K, `?`) arrive just after first paint, off the first screen's budget.
const FindLauncher = lazy(() => import('../features/find/FindLauncher').then((m) => ({ default: m.FindLauncher })));
const DevPanel = __SIMULATED__ ? lazy(() => import('../../mocks/DevPanel').then((m) => ({ default: m.DevPanel }))) : null;

export function AppHeader() {
  const { projectId } = useParams();
  // Signed out there is nothing to find, and the header needs the room for the sign-in state.
  const signedOut = useUiStore((s) => s.signedOut);
  const [pressedEarly, setPressedEarly] = useState<LauncherDialog | null>(null);
  return (
    <header className="flex h-14 shrink-0 items-center gap-1 border-b border-line bg-surface px-2 sm:gap-2 sm:px-4">
      {projectId && <DrawerButton />}
      <Link
        to="/"
        aria-label="Lookout, all projects"
        className="flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-2 rounded-md px-1 font-semibold"
      >
        <img src="/favicon.svg" alt="" width="24" height="24" />
        {/* The word goes where the header is short of room: in a project on a phone, and below 360 px
            (the link keeps its name; the connection word needs the room more). */}
        <span className={projectId ? 'hidden sm:inline' : 'max-[359px]:hidden'}>Lookout</span>
      </Link>
      {projectId ? <ProjectAndConnection projectId={projectId} /> : <div className="flex-1" />}
      {!projectId && <ConnectionIndicator scope="notifications" />}
      {DevPanel && (
        <Suspense fallback={null}>
          <DevPanel />
        </Suspense>
      )}
      {!signedOut && (
        <Suspense fallback={<EarlyLauncherKeys onPress={setPressedEarly} />}>
          <FindLauncher pressedEarly={pressedEarly} />
        </Suspense>
      )}
      {/* On a phone inside a project the project's name needs the room; the theme is switched from the home screen. */}
      <ThemeToggle className={projectId ? 'max-sm:hidden' : ''} />
      <NotificationBell />
    </header>
  );
}

/** Stands in for the find button while its code loads, and keeps a Cmd/Ctrl+K or `?` pressed meanwhile. */
function EarlyLauncherKeys({ onPress }: { onPress: (dialog: LauncherDialog) => void }) {
  useLauncherKeys(onPress);
  return <span className="min-w-11" />;
}

/** "/ lookout-web … ● Live" on wide screens; on a phone the name above the connection word, in one button. */
function ProjectAndConnection({ projectId }: { projectId: string }) {
  const project = useQuery(queries.project(projectId));
  const name = project.data?.name ?? '';
  return (
    <>
      <div className="hidden min-w-0 flex-1 truncate text-sm text-muted sm:block" title={name}>
        <span aria-hidden="true">/ </span>
        <span className="text-fg">{name}</span>
      </div>
      <ConnectionIndicator scope="project" caption={name} />
    </>
  );
}

function DrawerButton() {
  const drawerOpen = useUiStore((s) => s.drawerOpen);
  const setDrawerOpen = useUiStore((s) => s.setDrawerOpen);
  return (
    <button
      type="button"
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-raised md:hidden"
      aria-label="Chats"
      aria-expanded={drawerOpen}
      aria-controls="sessions-drawer"
      onClick={() => setDrawerOpen(!drawerOpen)}
    >
      <span aria-hidden="true" className="text-xl">
        ☰
      </span>
    </button>
  );
}
