import { useEffect } from 'react';
import { useLiveEngine } from './LiveProvider';

/** Mounted once by the project layout: the project socket, catch-up and the safety-net refreshes. */
export function useProjectStream(projectId: string): void {
  const engine = useLiveEngine();
  useEffect(() => {
    if (!projectId) return;
    const stream = engine.projectStream(projectId);
    stream.start();
    return () => stream.stop();
  }, [engine, projectId]);
}

/** Mounted once at the app root: opens the notification socket for as long as the app lives. */
export function useNotificationStream(): void {
  const engine = useLiveEngine();
  useEffect(() => {
    const stream = engine.notificationStream();
    stream.start();
    return () => stream.stop();
  }, [engine]);
}
