import { useEffect } from 'react';
import type { Notification } from '../../api/contract';
import type { NotificationCache } from '../notificationCache';
import { useLiveEngine } from './LiveProvider';

/** The notification queries and writes of the engine (the feature's hooks and actions use them). */
export function useNotificationCache(): NotificationCache {
  return useLiveEngine().notifications;
}

/** Calls `onArrived` with the notifications that arrive live on the app's stream, while mounted. */
export function useNotificationArrivals(onArrived: (notifications: Notification[]) => void): void {
  const engine = useLiveEngine();
  useEffect(() => engine.onArrivals(onArrived), [engine, onArrived]);
}
