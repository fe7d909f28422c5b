import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../api/contract';
import { useNotificationArrivals } from '../../live/react';
import { describeArrivals, inAppPath, shouldRaiseBrowserAlert } from '../../reconcile/notifications';
import { useNotificationPreferences } from './preferences';

export function browserPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/**
 * Tells a person about Priority items as they arrive: returns the text for a polite live region, and
 * raises a browser notification while the tab is hidden (if they opted in). Updates never make noise.
 */
export function usePriorityAlerts(): string {
  const [announcement, setAnnouncement] = useState('');
  const navigate = useNavigate();
  const onArrived = useCallback(
    (arrived: Notification[]) => {
      const text = describeArrivals(arrived);
      if (text) setAnnouncement(text);
      const context = {
        tabHidden: document.visibilityState === 'hidden',
        optedIn: useNotificationPreferences.getState().browserAlerts,
        permission: browserPermission(),
      };
      for (const notification of arrived) {
        if (shouldRaiseBrowserAlert(notification, context)) raiseBrowserAlert(notification, navigate);
      }
    },
    [navigate],
  );
  useNotificationArrivals(onArrived);
  return announcement;
}

function raiseBrowserAlert(notification: Notification, navigate: (path: string) => void) {
  try {
    const alert = new Notification(notification.title || 'Lookout', {
      body: notification.body ?? notification.metadata.projectName ?? '',
      tag: notification.id,
    });
    const path = inAppPath(notification.actionUrl);
    alert.onclick = () => {
      window.focus();
      if (path) navigate(path);
      alert.close();
    };
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker: stay quiet.
  }
}
