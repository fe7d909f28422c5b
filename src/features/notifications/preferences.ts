import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface NotificationPreferences {
  /**
   * Raise a browser notification for a new Priority item (or a chat gone silent) while the tab is hidden.
   * Off until the person turns it on from the panel (the permission prompt is shown on that click, never unasked).
   */
  browserAlerts: boolean;
  setBrowserAlerts(enabled: boolean): void;
  /** A short tone (and a vibration where the device has one) when an agent asks a new question. Off until turned on. */
  questionSound: boolean;
  setQuestionSound(enabled: boolean): void;
}

export const NOTIFICATION_PREFERENCES_KEY = 'lookout.notifications';

export const useNotificationPreferences = create<NotificationPreferences>()(
  persist(
    (set) => ({
      browserAlerts: false,
      setBrowserAlerts: (browserAlerts) => set({ browserAlerts }),
      questionSound: false,
      setQuestionSound: (questionSound) => set({ questionSound }),
    }),
    // The whole state is stored: JSON leaves the setters out.
    { name: NOTIFICATION_PREFERENCES_KEY },
  ),
);
