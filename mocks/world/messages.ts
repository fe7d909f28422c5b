import type { MessageDraft, MessageRec } from './types';
import type { World } from './world';

export const MESSAGE_LIMITS = { default: 500, defaultAfter: 5000, max: 50_000 } as const;

export interface MessagePageQuery {
  limit?: number;
  /** Strictly before this createdAt (ms). */
  before?: number;
  /** Strictly after this createdAt (ms). */
  after?: number;
  roles?: readonly string[];
  /** Which end of the range a page is taken from; pages always come oldest-first. */
  order?: 'asc' | 'desc';
}

export interface MessagePage {
  messages: MessageRec[];
  hasMore: boolean;
}

/** First index whose createdAt is >= t (or > t when `strict`). */
function bound(rows: readonly MessageRec[], t: number, strict: boolean): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = (rows[mid] as MessageRec).createdAt;
    if (c < t || (strict && c === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Messages per session, kept sorted by createdAt (strictly increasing within a session, so a page
 * boundary never splits two rows of the same millisecond) with a per-session `sequence`.
 */
export class MessageStore {
  private readonly bySession = new Map<string, MessageRec[]>();

  constructor(private readonly world: World) {}

  all(sessionId: string): readonly MessageRec[] {
    return this.bySession.get(sessionId) ?? [];
  }

  last(sessionId: string): MessageRec | undefined {
    const rows = this.bySession.get(sessionId);
    return rows?.[rows.length - 1];
  }

  /**
   * Persists rows written together, then broadcasts them: one row as `message.new`, several as
   * `messages.batch` (how SAM's VM agent flushes a burst).
   */
  append(sessionId: string, drafts: readonly MessageDraft[], at = this.world.now()): MessageRec[] {
    const session = this.world.sessions.require(sessionId);
    let rows = this.bySession.get(sessionId);
    if (!rows) {
      rows = [];
      this.bySession.set(sessionId, rows);
    }
    const written: MessageRec[] = [];
    let t = at;
    for (const draft of drafts) {
      const prev = rows[rows.length - 1];
      if (prev && t <= prev.createdAt) t = prev.createdAt + 1;
      const row: MessageRec = {
        id: this.world.ids.uuid(),
        sessionId,
        role: draft.role,
        content: draft.content,
        toolMetadata: draft.toolMetadata ?? null,
        createdAt: t,
        sequence: session.nextSequence++,
        origin: draft.origin ?? null,
      };
      rows.push(row);
      written.push(row);
      t += 1;
    }
    const last = written[written.length - 1];
    if (!last) return written;
    session.messageCount = rows.length;
    this.world.sessions.touch(session, last.createdAt);
    if (!this.world.hasProjectListeners) return written;
    if (written.length === 1) {
      this.world.emitProject(session.projectId, sessionId, 'message.new', {
        sessionId,
        messageId: last.id,
        role: last.role,
        content: last.content,
        toolMetadata: cloneMeta(last.toolMetadata),
        createdAt: last.createdAt,
        sequence: last.sequence,
        origin: last.origin,
      });
    } else {
      this.world.emitProject(session.projectId, sessionId, 'messages.batch', {
        sessionId,
        messages: written.map((m) => ({
          id: m.id,
          role: m.role,
          content: m.content,
          toolMetadata: cloneMeta(m.toolMetadata),
          createdAt: m.createdAt,
          sequence: m.sequence,
          origin: m.origin,
        })),
        count: written.length,
      });
    }
    return written;
  }

  page(sessionId: string, query: MessagePageQuery = {}): MessagePage {
    const rows = this.bySession.get(sessionId) ?? [];
    const lo = query.after === undefined ? 0 : bound(rows, query.after, true);
    const hi = query.before === undefined ? rows.length : bound(rows, query.before, false);
    const defaultLimit = query.after !== undefined ? MESSAGE_LIMITS.defaultAfter : MESSAGE_LIMITS.default;
    const limit = Math.min(Math.max(1, query.limit ?? defaultLimit), MESSAGE_LIMITS.max);
    const fromStart = query.order === 'asc' || (query.order === undefined && query.after !== undefined && query.before === undefined);
    let range: readonly MessageRec[];
    let start = lo;
    let end = Math.max(lo, hi);
    if (query.roles && query.roles.length > 0) {
      const roles = new Set(query.roles);
      range = rows.slice(start, end).filter((m) => roles.has(m.role));
      start = 0;
      end = range.length;
    } else {
      range = rows;
    }
    const size = end - start;
    const from = fromStart ? start : Math.max(start, end - limit);
    const to = fromStart ? Math.min(end, start + limit) : end;
    return { messages: range.slice(from, to), hasMore: size > limit };
  }
}

function cloneMeta<T>(meta: T): T {
  return meta === null ? meta : structuredClone(meta);
}
