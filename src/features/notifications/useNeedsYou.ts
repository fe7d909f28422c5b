import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useHeldSessions, useNotificationCache, useNow } from '../../live/react';
import { needsYouCount } from '../../reconcile/needsYou';
import { feedNotifications, type TabBadge } from '../../reconcile/notifications';
import { useTabBadges } from './queries';

/** The bell's badge: open questions of every held session plus unread Priority items (see reconcile/needsYou). */
export function useNeedsYouBadge(): TabBadge {
  const unread = useQuery(useNotificationCache().queries.unread());
  const { atLeast } = useTabBadges().priority;
  const sessions = useHeldSessions();
  const now = useNow();
  return useMemo(
    () => ({ count: needsYouCount({ notifications: feedNotifications(unread.data), sessions, now }), atLeast }),
    [unread.data, sessions, now, atLeast],
  );
}
