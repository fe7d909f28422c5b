/* Test-only builders for notifications (validated shape, epoch-ms times). Not imported by app code. */
import type { Notification, NotificationList } from '../api/contract';
import type { NotificationFeed } from './notificationFeed';

export const T0 = Date.UTC(2026, 10, 1, 12, 0, 0);

type Overrides = Omit<Partial<Notification>, 'metadata'> & { id: string; metadata?: Partial<Notification['metadata']> };

export function makeNotification(overrides: Overrides): Notification {
  return {
    projectId: 'p1',
    taskId: null,
    sessionId: 's1',
    type: 'progress',
    urgency: null,
    title: `Title ${overrides.id}`,
    body: null,
    actionUrl: null,
    readAt: null,
    dismissedAt: null,
    createdAt: T0,
    ...overrides,
    metadata: {
      projectName: 'Project One',
      category: null,
      options: null,
      attentionMarkerId: null,
      outputPrUrl: null,
      outputBranch: null,
      ...overrides.metadata,
    },
  };
}

export function makePage(notifications: Notification[], nextCursor: number | null = null): NotificationList {
  return { notifications, unreadCount: notifications.filter((n) => n.readAt === null).length, nextCursor };
}

export function makeFeed(...pages: NotificationList[]): NotificationFeed<number | null> {
  return { pages, pageParams: pages.map((_, i) => (i === 0 ? null : T0 - i)) };
}
