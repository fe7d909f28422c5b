import { useState } from 'react';
import { PreferenceSwitch } from './PreferenceSwitch';
import { useNotificationPreferences } from './preferences';
import { browserPermission } from './usePriorityAlerts';

const REFUSED: Record<string, string> = {
  denied: 'Notifications are blocked for this site in the browser settings.',
  default: 'Notifications were not allowed.',
  unsupported: 'This browser cannot show notifications.',
};

/**
 * Opt-in for browser notifications while the tab is hidden. Permission is asked on this click only; the
 * choice is remembered in this browser.
 */
export function BrowserAlertsToggle() {
  const enabled = useNotificationPreferences((s) => s.browserAlerts);
  const setEnabled = useNotificationPreferences((s) => s.setBrowserAlerts);
  const [refusal, setRefusal] = useState<string | null>(null);
  const on = enabled && browserPermission() === 'granted';

  async function toggle() {
    setRefusal(null);
    if (on) return setEnabled(false);
    const permission = browserPermission() === 'unsupported' ? 'unsupported' : await Notification.requestPermission();
    if (permission === 'granted') return setEnabled(true);
    setEnabled(false);
    setRefusal(REFUSED[permission] ?? REFUSED.default ?? null);
  }

  return (
    <div>
      <PreferenceSwitch checked={on} onToggle={() => void toggle()}>
        Browser notifications for Priority items and silent chats while Lookout is in the background
      </PreferenceSwitch>
      {refusal && (
        <p role="alert" className="px-1 pb-1 text-xs text-state-failed">
          {refusal}
        </p>
      )}
    </div>
  );
}
