/*
 * The notification stream: SAM's `/api/notifications/ws`, validated at the edge, batched per animation
 * frame by the generic socket client, applied to the notification caches, and caught up over REST after
 * every reconnect (SAM keeps no replay buffer). Built by the engine (src/live/engine.ts).
 */
import type { QueryClient } from '@tanstack/query-core';
import { socketUrl } from '../api/config';
import { streamPaths } from '../api/endpoints';
import { parseNotificationFrame, type Notification, type NotificationEvent } from '../api/contract';
import type { ConnectionSink } from '../state/connection';
import { feedNotifications, type NotificationFeed } from '../reconcile/notifications';
import { createSocketClient, type SocketClient, type SocketTiming } from './socket';
import type { Stamped } from './cacheActions';
import type { LiveCore } from './core';
import { notificationKeys, type NotificationCache } from './notificationCache';

export interface NotificationStreamOptions {
  core: LiveCore;
  notifications: NotificationCache;
  /** Started socket clients join this set (the engine reconnects them all at once). */
  sockets: Set<SocketClient>;
  connection: ConnectionSink;
  timing?: Partial<SocketTiming>;
  /** Asks whether the sign-in still holds after a refused upgrade. */
  probeSignIn: () => unknown;
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
  const { core, notifications, connection } = options;
  const { client: queryClient, env } = core;
  /** The running catch-up, and whether another open asked for one meanwhile. */
  let catchUp: Promise<void> | null = null;
  let catchUpAgain = false;

  function handleEvents(stamped: Stamped<NotificationEvent>[]) {
    const events = stamped.map(({ event }) => event);
    const arrived = newArrivals(queryClient, events);
    core.dispatch({ type: 'notificationFrames', events, at: env.now() });
    if (arrived.length > 0) options.onArrived?.(arrived);
  }

  function runCatchUp() {
    if (catchUp) {
      catchUpAgain = true;
      return;
    }
    catchUp = notifications
      .catchUp()
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
    onUpgradeFailed: () => void options.probeSignIn(),
    env,
    sockets: options.sockets,
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
