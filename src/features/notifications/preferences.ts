import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface NotificationPreferences {
  /**
   * Raise a browser notification for a new Priority item while the tab is hidden. Off until the person
   * turns it on from the panel (the permission prompt is shown on that click, never unasked).
   */
  browserAlerts: boolean;
  setBrowserAlerts(enabled: boolean): void;
}

export const NOTIFICATION_PREFERENCES_KEY = 'lookout.notifications';

export const useNotificationPreferences = create<NotificationPreferences>()(
  persist((set) => ({ browserAlerts: false, setBrowserAlerts: (browserAlerts) => set({ browserAlerts }) }), {
    name: NOTIFICATION_PREFERENCES_KEY,
    partialize: ({ browserAlerts }) => ({ browserAlerts }),
  }),
);
