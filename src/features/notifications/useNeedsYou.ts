import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useHeldSessions } from '../../live/heldSessions';
import { needsYouCount } from '../../reconcile/needsYou';
import { feedNotifications, type TabBadge } from '../../reconcile/notifications';
import { useNow } from '../../ui/useNow';
import { notificationQueries, useTabBadges } from './queries';

/** The bell's badge: open questions of every held session plus unread Priority items (see reconcile/needsYou). */
export function useNeedsYouBadge(): TabBadge {
  const unread = useQuery(notificationQueries.unread());
  const { atLeast } = useTabBadges().priority;
  const sessions = useHeldSessions();
  const now = useNow();
  return useMemo(
    () => ({ count: needsYouCount({ notifications: feedNotifications(unread.data), sessions, now }), atLeast }),
    [unread.data, sessions, now, atLeast],
  );
}
