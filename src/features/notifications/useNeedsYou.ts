import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useHeldSessions, useNotificationCache, useNow } from '../../live/react';
import { hasUnseenFailure, needsYouCount } from '../../reconcile/needsYou';
import { feedNotifications, type TabBadge } from '../../reconcile/notifications';
import { useTabBadges } from './queries';

/** What the tab's icon adds to the bell's badge: an unread failure (reconcile/needsYou `hasUnseenFailure`). */
export interface NeedsYouBadge extends TabBadge {
  failed: boolean;
}

/** The bell's badge: open questions of every held session plus unread Priority items (see reconcile/needsYou). */
export function useNeedsYouBadge(): NeedsYouBadge {
  const unread = useQuery(useNotificationCache().queries.unread());
  const { atLeast } = useTabBadges().priority;
  const sessions = useHeldSessions();
  const now = useNow();
  return useMemo(() => {
    const notifications = feedNotifications(unread.data);
    return { count: needsYouCount({ notifications, sessions, now }), atLeast, failed: hasUnseenFailure(notifications) };
  }, [unread.data, sessions, now, atLeast]);
}
