import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { formatBadge } from '../../reconcile/notifications';
import { Spinner } from '../../ui/Spinner';
import { useFleetFavicon } from './useFleetFavicon';
import { useNeedsYouBadge } from './useNeedsYou';
import { usePageTitleCount } from './usePageTitleCount';

/**
 * The panel and the alert watcher (FleetAlerts: a new question's sound, a silent chat's alert) come in the
 * notification surfaces' one chunk (./lazySurfaces) after the first screen: the bell is on it, the list only
 * once someone opens it.
 */
const NotificationPanel = lazy(() => import('./lazySurfaces').then((m) => ({ default: m.NotificationPanel })));
const FleetAlerts = lazy(() => import('./lazySurfaces').then((m) => ({ default: m.FleetAlerts })));

export const NOTIFICATION_PANEL_ID = 'notification-panel';

/**
 * The header's bell: what needs you (open questions and unread Priority items), the panel toggle, the
 * title prefix and the tab's icon; loaded after it, FleetAlerts announces arrivals and makes the alerts' noise.
 */
export function NotificationBell() {
  const needsYou = useNeedsYouBadge();
  const [open, setOpen] = useState(false);
  const bellRef = useRef<HTMLButtonElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  usePageTitleCount(needsYou.count);
  useFleetFavicon(needsYou.count, needsYou.failed);

  const close = useCallback((restoreFocus: boolean) => {
    setOpen(false);
    if (restoreFocus) bellRef.current?.focus();
  }, []);

  const badge = formatBadge(needsYou);
  return (
    <div ref={containerRef} className="relative shrink-0">
      <button
        ref={bellRef}
        type="button"
        className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md hover:bg-raised"
        aria-label={`Notifications, ${badge} need attention`}
        aria-expanded={open}
        aria-controls={open ? NOTIFICATION_PANEL_ID : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        <BellIcon />
        {needsYou.count > 0 && (
          <span
            aria-hidden="true"
            data-testid="bell-badge"
            className="absolute right-0.5 top-0.5 min-w-5 rounded-full bg-state-attention px-1 text-center text-xs font-semibold leading-5 text-accent-fg"
          >
            {badge}
          </span>
        )}
      </button>
      <Suspense>
        <FleetAlerts />
      </Suspense>
      {open && (
        <Suspense fallback={<Spinner label="Loading notifications" className="absolute right-2 top-full mt-2" />}>
          <NotificationPanel id={NOTIFICATION_PANEL_ID} onClose={close} containerRef={containerRef} />
        </Suspense>
      )}
    </div>
  );
}

function BellIcon() {
  return (
    <svg
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d="M5 8a5 5 0 0 1 10 0c0 4 1.5 5.5 2 6H3c.5-.5 2-2 2-6Z" />
      <path d="M8.2 16.5a2 2 0 0 0 3.6 0" />
    </svg>
  );
}
