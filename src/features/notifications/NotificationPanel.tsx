import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../api/http';
import type { PanelTab } from '../../reconcile/notifications';
import { Button } from '../../ui/Button';
import { useMediaQuery } from '../../ui/useMediaQuery';
import { useMarkAllRead } from './actions';
import { AlertSettingsDisclosure } from './AlertSettingsDisclosure';
import { NotificationList } from './NotificationList';
import { NotificationTabs, tabId } from './NotificationTabs';
import { useTabBadges } from './queries';
import { useFocusTrap } from './useFocusTrap';

interface NotificationPanelProps {
  id: string;
  /** `restoreFocus`: give focus back to the bell (Escape, Close), not when a click went elsewhere. */
  onClose(restoreFocus: boolean): void;
  /** The bell and the panel: a pointer down outside it closes the desktop popover. */
  containerRef: RefObject<HTMLElement | null>;
}

/** A popover on desktop, a full-screen sheet (focus trapped) under 768 px. Priority opens first. */
export function NotificationPanel({ id, onClose, containerRef }: NotificationPanelProps) {
  const isDesktop = useMediaQuery('(min-width: 768px)');
  const [tab, setTab] = useState<PanelTab>('priority');
  const badges = useTabBadges();
  const markAllRead = useMarkAllRead();
  const closeAfterNavigation = useCallback(() => onClose(false), [onClose]);
  const nothingUnread = badges.all.count === 0 || markAllRead.isPending;
  const panelRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const tabPanelId = useId();
  useFocusTrap(panelRef, !isDesktop);

  useEffect(() => {
    panelRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);

  // On the document, not the panel: Escape must work even when focus fell out (a removed row, a click on nothing).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  useEffect(() => {
    if (!isDesktop) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!containerRef.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isDesktop, containerRef, onClose]);

  const layout = isDesktop
    ? 'absolute right-0 top-full z-40 mt-1 h-[min(36rem,calc(100dvh-5rem))] w-[26rem] max-w-[calc(100vw-1rem)] rounded-lg border border-line shadow-lg'
    : 'fixed inset-0 z-50 h-dvh w-full';

  return (
    <div
      ref={panelRef}
      id={id}
      role="dialog"
      aria-modal={!isDesktop}
      aria-labelledby={headingId}
      className={`flex flex-col overflow-hidden bg-surface text-fg ${layout}`}
    >
      {/* Two rows: on a 320-375 px phone the title, the queue link, Mark all read and Close do not fit on one. */}
      <div className="border-b border-line px-3 py-1">
        <div className="flex items-center gap-1">
          <h2 id={headingId} className="mr-auto text-base font-semibold">
            Notifications
          </h2>
          <Button variant="ghost" aria-label="Close notifications" onClick={() => onClose(true)}>
            <span aria-hidden="true">✕</span>
          </Button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-1">
          <Link
            to="/needs-you"
            onClick={closeAfterNavigation}
            className="inline-flex min-h-11 items-center text-sm font-medium text-accent underline pointer-fine:min-h-9"
          >
            Open the queue
          </Link>
          <Button
            variant="ghost"
            // aria-disabled, not disabled: a focused button that disables itself would drop focus to <body>.
            aria-disabled={nothingUnread}
            className="aria-disabled:opacity-50"
            onClick={() => {
              if (!nothingUnread) markAllRead.mutate();
            }}
          >
            Mark all read
          </Button>
        </div>
      </div>
      {markAllRead.isError && (
        <p role="alert" className="border-b border-line px-3 py-2 text-sm break-words text-state-failed">
          Could not mark all as read: {describeError(markAllRead.error)} They are shown unread again.
        </p>
      )}
      <NotificationTabs tab={tab} badges={badges} onChange={setTab} panelId={tabPanelId} />
      <div id={tabPanelId} role="tabpanel" aria-labelledby={tabId(tab)} className="min-h-0 flex-1 overflow-y-auto overscroll-contain">
        <NotificationList tab={tab} onNavigate={closeAfterNavigation} />
      </div>
      <div className="border-t border-line px-3 py-1">
        <AlertSettingsDisclosure />
      </div>
    </div>
  );
}
