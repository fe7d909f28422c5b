import { DEFAULT_URGENCY } from '../../src/api/contract';
import type { NotificationMetadata, NotificationRec } from './types';
import type { WorldCore } from './worldCore';
import { notificationWire } from './wire';

export interface NotificationInit {
  type: string;
  projectId: string | null;
  sessionId?: string | null;
  taskId?: string | null;
  title: string;
  body?: string | null;
  urgency?: string;
  actionUrl?: string | null;
  metadata?: Partial<NotificationMetadata>;
  readAt?: number | null;
  dismissedAt?: number | null;
}

export interface NotificationQuery {
  limit?: number;
  /** createdAt (ms) of the last item of the previous page. */
  cursor?: number;
  filter?: 'all' | 'unread';
  type?: string;
  projectId?: string;
  sessionId?: string;
}

/** Notifications, kept sorted by createdAt (unique per ms so the cursor never skips or repeats one). */
export class NotificationStore {
  private readonly rows: NotificationRec[] = [];
  private readonly usedTimes = new Set<number>();
  private readonly byId = new Map<string, NotificationRec>();

  constructor(private readonly world: WorldCore) {}

  get(id: string): NotificationRec | undefined {
    return this.byId.get(id);
  }

  all(): readonly NotificationRec[] {
    return this.rows;
  }

  unreadCount(): number {
    let n = 0;
    for (const row of this.rows) if (row.readAt === null && row.dismissedAt === null) n += 1;
    return n;
  }

  create(init: NotificationInit, at = this.world.now()): NotificationRec {
    let t = at;
    while (this.usedTimes.has(t)) t += 1;
    this.usedTimes.add(t);
    const project = init.projectId ? this.world.projects.get(init.projectId) : undefined;
    const row: NotificationRec = {
      id: this.world.ids.uuid(),
      userId: this.world.me.id,
      projectId: init.projectId,
      taskId: init.taskId ?? null,
      sessionId: init.sessionId ?? null,
      type: init.type,
      urgency: init.urgency ?? DEFAULT_URGENCY[init.type] ?? 'low',
      title: init.title,
      body: init.body ?? null,
      actionUrl: init.actionUrl !== undefined ? init.actionUrl : init.projectId && init.sessionId ? `/projects/${init.projectId}/chat/${init.sessionId}` : null,
      metadata: { projectName: project?.name ?? 'Unknown project', ...init.metadata } as NotificationMetadata,
      readAt: init.readAt ?? null,
      dismissedAt: init.dismissedAt ?? null,
      createdAt: t,
    };
    let index = this.rows.length;
    while (index > 0 && (this.rows[index - 1] as NotificationRec).createdAt > t) index -= 1;
    this.rows.splice(index, 0, row);
    this.byId.set(row.id, row);
    this.world.emitNotification({ type: 'notification.new', notification: notificationWire(row) });
    this.emitCount();
    return row;
  }

  markRead(id: string, at = this.world.now()): NotificationRec | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    if (row.readAt === null) {
      row.readAt = at;
      this.world.emitNotification({ type: 'notification.read', notificationId: id });
      this.emitCount();
    }
    return row;
  }

  markAllRead(at = this.world.now()): number {
    let changed = 0;
    for (const row of this.rows) {
      if (row.readAt === null && row.dismissedAt === null) {
        row.readAt = at;
        changed += 1;
      }
    }
    this.world.emitNotification({ type: 'notification.all_read' });
    this.emitCount();
    return changed;
  }

  dismiss(id: string, at = this.world.now()): NotificationRec | undefined {
    const row = this.byId.get(id);
    if (!row) return undefined;
    if (row.dismissedAt === null) {
      row.dismissedAt = at;
      this.world.emitNotification({ type: 'notification.dismissed', notificationId: id });
      this.emitCount();
    }
    return row;
  }

  /** Newest first, dismissed ones excluded. */
  list(query: NotificationQuery = {}): { rows: NotificationRec[]; nextCursor: number | null } {
    const limit = Math.min(Math.max(1, query.limit ?? 50), 100);
    const out: NotificationRec[] = [];
    let more = false;
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const row = this.rows[i] as NotificationRec;
      if (query.cursor !== undefined && row.createdAt >= query.cursor) continue;
      if (row.dismissedAt !== null) continue;
      if (query.filter === 'unread' && row.readAt !== null) continue;
      if (query.type && row.type !== query.type) continue;
      if (query.projectId && row.projectId !== query.projectId) continue;
      if (query.sessionId && row.sessionId !== query.sessionId) continue;
      if (out.length === limit) {
        more = true;
        break;
      }
      out.push(row);
    }
    const last = out[out.length - 1];
    return { rows: out, nextCursor: more && last ? last.createdAt : null };
  }

  private emitCount(): void {
    this.world.emitNotification({ type: 'notification.unread_count', count: this.unreadCount() });
  }
}
