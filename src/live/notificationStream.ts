/*
 * The notification stream: SAM's `/api/notifications/ws`, validated at the edge, batched per animation
 * frame by the generic socket client, applied to the notification caches, and caught up over REST after
 * every reconnect (SAM keeps no replay buffer). React-free except for `useNotificationStream`.
 */
import { useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { socketUrl } from '../api/config';
import { streamPaths } from '../api/endpoints';
import { parseNotificationFrame, type Notification, type NotificationEvent } from '../api/contract';
import { connectionSink, type ConnectionSink } from '../state/connection';
import { feedNotifications, type NotificationFeed } from '../reconcile/notifications';
import { createSocketClient, type SocketClient, type SocketTiming } from './socket';
import type { LiveEnv } from './env';
import { probeSignIn } from './signIn';
import { applyNotificationFrames, catchUpNotifications, notificationKeys } from './notificationCache';

export interface NotificationStreamOptions {
  queryClient: QueryClient;
  connection?: ConnectionSink;
  env?: Partial<LiveEnv>;
  timing?: Partial<SocketTiming>;
  /** Asks whether the sign-in still holds after a refused upgrade (default: `probeSignIn`). */
  probeSignIn?: () => unknown;
  /** Told about notifications that arrived live and were not held before (never about catch-up). */
  onArrived?: (notifications: Notification[]) => void;
}

export interface NotificationStream {
  start(): void;
  stop(): void;
  /** Resolves when no catch-up is running (tests). */
  settled(): Promise<void>;
  readonly socket: SocketClient;
}

export function createNotificationStream(options: NotificationStreamOptions): NotificationStream {
  const { queryClient, connection = connectionSink } = options;
  const now = options.env?.now ?? Date.now;
  /** The running catch-up, and whether another open asked for one meanwhile. */
  let catchUp: Promise<void> | null = null;
  let catchUpAgain = false;

  function handleEvents(events: NotificationEvent[]) {
    const arrived = newArrivals(queryClient, events);
    applyNotificationFrames(queryClient, events, now());
    if (arrived.length > 0) options.onArrived?.(arrived);
  }

  function runCatchUp() {
    if (catchUp) {
      catchUpAgain = true;
      return;
    }
    catchUp = catchUpNotifications(queryClient)
      .catch(() => queryClient.invalidateQueries({ queryKey: notificationKeys.all }))
      .finally(() => {
        catchUp = null;
        if (catchUpAgain) {
          catchUpAgain = false;
          runCatchUp();
        }
      });
  }

  const socket = createSocketClient<NotificationEvent>({
    url: () => socketUrl(streamPaths.notifications()),
    parse: parseNotificationFrame,
    onEvents: handleEvents,
    // The first open only needs a catch-up when REST already answered before the socket listened.
    onOpen: ({ reconnected }) => {
      if (reconnected || holdsAnything(queryClient)) runCatchUp();
    },
    onStatus: (status, at) => connection.setStatus('notifications', status, at),
    onDropped: (reason) => connection.frameDropped(reason),
    onIgnored: (frameType) => connection.frameIgnored(frameType),
    onUpgradeFailed: () => void (options.probeSignIn ?? probeSignIn)(),
    env: options.env,
    timing: options.timing,
  });

  return {
    start: () => socket.start(),
    stop: () => socket.stop(),
    settled: async () => {
      while (catchUp) await catchUp;
    },
    socket,
  };
}

function holdsAnything(queryClient: QueryClient): boolean {
  return queryClient.getQueriesData({ queryKey: notificationKeys.all }).some(([, data]) => data !== undefined);
}

/** Unread `notification.new` items whose id no cache holds yet: a duplicate frame is not news. */
function newArrivals(queryClient: QueryClient, events: readonly NotificationEvent[]): Notification[] {
  const held = new Set<string>();
  for (const key of [notificationKeys.feed(), notificationKeys.unread()]) {
    for (const n of feedNotifications(queryClient.getQueryData<NotificationFeed>(key))) held.add(n.id);
  }
  const arrived: Notification[] = [];
  for (const event of events) {
    if (event.type !== 'notification.new' || held.has(event.notification.id)) continue;
    held.add(event.notification.id);
    if (event.notification.readAt === null) arrived.push(event.notification);
  }
  return arrived;
}

type ArrivalListener = (notifications: Notification[]) => void;
const arrivalListeners = new Set<ArrivalListener>();

/** Subscribes to live arrivals of the app's stream (the bell announces them). Returns the unsubscribe. */
export function subscribeToArrivals(listener: ArrivalListener): () => void {
  arrivalListeners.add(listener);
  return () => arrivalListeners.delete(listener);
}

/** Hands live arrivals to every subscriber (the app's stream calls this; tests may too). */
export function publishArrivals(notifications: Notification[]): void {
  arrivalListeners.forEach((listener) => listener(notifications));
}

/** Mounted once at the app root: opens the notification socket for as long as the app lives. */
export function useNotificationStream(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const stream = createNotificationStream({
      queryClient,
      onArrived: publishArrivals,
    });
    stream.start();
    return () => stream.stop();
  }, [queryClient]);
}
