import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNotificationCache } from '../../live/react';
import { feedNotifications, tabBadges, type NotificationFeed, type PanelTab, type TabBadge } from '../../reconcile/notifications';

export { notificationKeys } from '../../live/react';

function holdsAllUnread(unread: NotificationFeed | undefined): boolean {
  return unread === undefined || unread.pages.every((page) => page.nextCursor === null);
}

/** Unread counts per tab (the bell shows Priority's). Zero until the unread list has loaded. */
export function useTabBadges(): Record<PanelTab, TabBadge> {
  const { queries } = useNotificationCache();
  const unread = useQuery(queries.unread());
  const serverUnread = useQuery(queries.unreadCount());
  return useMemo(
    () =>
      tabBadges({
        held: feedNotifications(unread.data),
        serverUnread: serverUnread.data?.count ?? null,
        heldAllUnread: holdsAllUnread(unread.data),
      }),
    [unread.data, serverUnread.data],
  );
}

/** How many Priority items are unread: the bell's badge and the page title's "(3)". */
export function usePriorityUnreadCount(): number {
  return useTabBadges().priority.count;
}
