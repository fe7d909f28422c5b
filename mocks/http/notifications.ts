import { notificationWire } from '../world/wire';
import { enumParam, intParam, notFound, ok, type Route } from './router';

export const notificationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/notifications',
    handle(core, { query }) {
      const store = core.world.notifications;
      const { rows, nextCursor } = store.list({
        limit: intParam(query, 'limit', 1, 100) ?? 50,
        cursor: intParam(query, 'cursor', 0),
        filter: enumParam(query, 'filter', ['all', 'unread'] as const) ?? 'all',
        type: query.get('type') ?? undefined,
        projectId: query.get('projectId') ?? undefined,
        sessionId: query.get('sessionId') ?? undefined,
      });
      return ok({ notifications: rows.map(notificationWire), unreadCount: store.unreadCount(), nextCursor });
    },
  },
  {
    method: 'GET',
    path: '/api/notifications/unread-count',
    handle: (core) => ok({ count: core.world.notifications.unreadCount() }),
  },
  {
    method: 'POST',
    path: '/api/notifications/read-all',
    handle(core) {
      core.world.notifications.markAllRead();
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: '/api/notifications/:id/read',
    handle(core, { params }) {
      if (!core.world.notifications.markRead(params.id ?? '')) throw notFound('Notification not found');
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: '/api/notifications/:id/dismiss',
    handle(core, { params }) {
      if (!core.world.notifications.dismiss(params.id ?? '')) throw notFound('Notification not found');
      return ok({ success: true });
    },
  },
];
