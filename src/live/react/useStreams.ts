import { useEffect } from 'react';
import { useLiveEngine } from './LiveProvider';

/** Mounted once at the app root: opens the notification socket for as long as the app lives. */
export function useNotificationStream(): void {
  const engine = useLiveEngine();
  useEffect(() => {
    const stream = engine.notificationStream();
    stream.start();
    return () => stream.stop();
  }, [engine]);
}
