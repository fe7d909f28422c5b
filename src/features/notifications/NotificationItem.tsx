import { memo } from 'react';
import { Link } from 'react-router';
import type { Notification } from '../../api/contract';
import { effectiveUrgency, inAppPath, isUnread, projectNameOf, type Urgency } from '../../reconcile/notifications';
import { RelativeTime } from '../../ui/RelativeTime';
import { useDismiss, useMarkRead } from './actions';
import { QuestionAnswers } from './QuestionAnswers';

const URGENCY: Record<Urgency, { icon: string; label: string; tone: string }> = {
  high: { icon: '▲', label: 'High', tone: 'text-state-failed' },
  medium: { icon: '■', label: 'Medium', tone: 'text-state-attention' },
  low: { icon: '▽', label: 'Low', tone: 'text-state-muted' },
  unknown: { icon: '◇', label: 'Unrated', tone: 'text-state-muted' },
};

interface NotificationItemProps {
  notification: Notification;
  /** Called after an in-app link was followed (the panel closes). */
  onNavigate(): void;
}

/**
 * One notification. Its title opens the actionUrl when that is a path of this app; any other URL is shown
 * as text and never followed. Opening or clicking an unread item marks it read.
 */
export const NotificationItem = memo(function NotificationItem({ notification, onNavigate }: NotificationItemProps) {
  const markRead = useMarkRead();
  const dismiss = useDismiss();
  const unread = isUnread(notification);
  const path = inAppPath(notification.actionUrl);
  const foreignUrl = notification.actionUrl && !path ? notification.actionUrl : null;
  const urgency = URGENCY[effectiveUrgency(notification)];
  const title = notification.title || 'Notification';
  const accessibleName = unread ? `Unread: ${title}` : title;
  const markIfUnread = () => {
    if (unread) markRead.mutate(notification.id);
  };
  // The row's whole area opens (or marks read) the item: one large target. Controls sit above it (z-10).
  const overlay = 'absolute inset-0 rounded-sm focus-visible:outline-offset-[-2px]';

  return (
    <li className={`relative flex gap-2 px-3 py-2 hover:bg-raised ${unread ? '' : 'text-muted'}`}>
      {path ? (
        <Link
          to={path}
          aria-label={accessibleName}
          className={overlay}
          onClick={() => {
            markIfUnread();
            onNavigate();
          }}
        />
      ) : (
        unread && <button type="button" aria-label={accessibleName} aria-description="Marks it read" className={overlay} onClick={markIfUnread} />
      )}
      <span aria-hidden="true" className={`mt-1 w-3 shrink-0 text-xs ${unread ? 'text-accent' : 'text-transparent'}`}>
        ●
      </span>
      <div className="min-w-0 flex-1">
        <p className={`break-words text-sm ${unread ? 'font-semibold text-fg' : ''}`}>
          {unread && <span className="sr-only">Unread: </span>}
          {title}
        </p>
        {notification.body && <p className="mt-0.5 line-clamp-3 break-words text-sm">{notification.body}</p>}
        {foreignUrl && (
          <p className="relative z-10 mt-1 text-xs text-muted">
            Link (not opened by Lookout): <span className="break-all font-mono">{foreignUrl}</span>
          </p>
        )}
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted">
          <span className="max-w-full truncate">{projectNameOf(notification)}</span>
          <RelativeTime at={notification.createdAt} />
          <span className={`inline-flex items-center gap-1 ${urgency.tone}`}>
            <span aria-hidden="true">{urgency.icon}</span>
            {urgency.label} urgency
          </span>
        </p>
        <QuestionAnswers notification={notification} />
      </div>
      <button
        type="button"
        className="relative z-10 inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center self-start rounded-md text-muted hover:bg-canvas hover:text-fg"
        aria-label={`Dismiss ${title}`}
        onClick={() => dismiss.mutate(notification.id)}
      >
        <span aria-hidden="true">✕</span>
      </button>
    </li>
  );
});
