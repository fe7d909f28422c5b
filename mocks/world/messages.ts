import type { TimerId } from './clock';
import type { SessionStore } from './sessions';
import type { MessageDraft, MessageRec } from './types';
import type { WorldCore } from './worldCore';

/** SAM's windows: the default page, the detail route's default with `after` (its delta limit), the ceiling. */
export const MESSAGE_LIMITS = { default: 500, defaultAfter: 5000, max: 50_000 } as const;

export interface MessagePageQuery {
  limit?: number;
  /** Strictly before this createdAt (ms). */
  before?: number;
  /** Strictly after this createdAt (ms). */
  after?: number;
  roles?: readonly string[];
  /** Which end of the range a page is taken from (default desc: the newest); pages come oldest-first. */
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

/** How often a VM agent's outbox flushes to SAM (Corrections 2: about every 2 s). */
export const VM_FLUSH_MS = 2_000;
/** VMs a project's sessions are spread over: their rows take numbers from one outbox (Corrections 3). */
const VMS_PER_PROJECT = 2;

/** Display/page order as SAM's query sorts: createdAt, then sequence. */
function before(a: MessageRec, b: MessageRec): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && (a.sequence ?? -1) < (b.sequence ?? -1));
}

interface Vm {
  id: string;
  /** The outbox's autoincrement id (SAM stores it as the row's `sequence`). */
  lastId: number;
  /** The VM's own clock, strictly increasing. */
  lastStamp: number;
  pending: MessageRec[];
  flushTimer: TimerId | null;
}

/**
 * Messages per session, kept in SAM's order (createdAt, sequence). Server-written rows (user prompts,
 * system notes) are stamped at once, numbered max+1 in their session and broadcast as `message.new`.
 * Agent rows come from the VM (Corrections 2-4): stamped by the VM's clock, numbered by the VM's
 * outbox (shared by the sessions on that VM, restarting at 1 on a new VM), and persisted when the
 * outbox flushes, every VM_FLUSH_MS, as one `messages.batch` per session: so they land after newer
 * server rows, with an earlier createdAt.
 */
export class MessageStore {
  private readonly bySession = new Map<string, MessageRec[]>();
  private readonly vmOfSession = new Map<string, Vm>();
  private readonly vmsOfProject = new Map<string, Vm[]>();
  private vmCount = 0;

  constructor(private readonly world: WorldCore & { readonly sessions: SessionStore }) {}

  all(sessionId: string): readonly MessageRec[] {
    return this.bySession.get(sessionId) ?? [];
  }

  last(sessionId: string): MessageRec | undefined {
    const rows = this.bySession.get(sessionId);
    return rows?.[rows.length - 1];
  }

  /** Server-written rows (and a scenario's history), persisted and broadcast at once, each as `message.new`. */
  append(sessionId: string, drafts: readonly MessageDraft[], at = this.world.now()): MessageRec[] {
    const session = this.world.sessions.require(sessionId);
    const rows = this.rowsOf(sessionId);
    const written: MessageRec[] = [];
    let t = at;
    for (const draft of drafts) {
      const prev = rows[rows.length - 1];
      if (prev && t <= prev.createdAt) t = prev.createdAt + 1;
      const row = this.row(sessionId, draft, t, session.nextSequence++);
      this.insert(rows, row);
      written.push(row);
      t += 1;
    }
    this.persisted(sessionId, written, 'message.new');
    return written;
  }

  /**
   * Agent output, written by the VM at `at` (its clock). Live, it waits in the VM's outbox until the
   * next flush; a scenario's history (long past) is persisted at once.
   */
  appendFromVm(sessionId: string, drafts: readonly MessageDraft[], at = this.world.now()): MessageRec[] {
    const session = this.world.sessions.require(sessionId);
    const vm = this.vmOf(session.projectId, sessionId);
    const rows = drafts.map((draft) => {
      vm.lastStamp = Math.max(at, vm.lastStamp + 1);
      vm.lastId += 1;
      return this.row(sessionId, draft, vm.lastStamp, vm.lastId);
    });
    const live = at + VM_FLUSH_MS > this.world.now();
    if (!live) {
      this.persistVmRows(rows);
      return rows;
    }
    vm.pending.push(...rows);
    vm.flushTimer ??= this.world.clock.setTimeout(() => this.flush(vm), VM_FLUSH_MS);
    return rows;
  }

  /** The session's workspace comes back on a new VM (a wake): its outbox ids start again at 1. */
  replaceVm(sessionId: string): void {
    const old = this.vmOfSession.get(sessionId);
    if (old) this.flush(old);
    this.vmCount += 1;
    this.vmOfSession.set(sessionId, { id: `vm-${this.vmCount}`, lastId: 0, lastStamp: 0, pending: [], flushTimer: null });
  }

  /** Persists whatever the VM's outbox holds now (on its timer, or before the VM goes away). */
  flush(vm: Vm): void {
    if (vm.flushTimer !== null) this.world.clock.clearTimeout(vm.flushTimer);
    vm.flushTimer = null;
    this.persistVmRows(vm.pending.splice(0));
  }

  private persistVmRows(rows: readonly MessageRec[]): void {
    const bySession = new Map<string, MessageRec[]>();
    for (const row of rows) bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row]);
    for (const [sessionId, written] of bySession) {
      if (!this.world.sessions.get(sessionId)) continue;
      const held = this.rowsOf(sessionId);
      for (const row of written) this.insert(held, row);
      this.persisted(sessionId, written, 'messages.batch');
    }
  }

  private vmOf(projectId: string, sessionId: string): Vm {
    let vm = this.vmOfSession.get(sessionId);
    if (vm) return vm;
    const vms = this.vmsOfProject.get(projectId) ?? [];
    this.vmsOfProject.set(projectId, vms);
    const index = this.vmOfSession.size % VMS_PER_PROJECT;
    vm = vms[index];
    if (!vm) {
      this.vmCount += 1;
      vm = { id: `vm-${this.vmCount}`, lastId: 0, lastStamp: 0, pending: [], flushTimer: null };
      vms[index] = vm;
    }
    this.vmOfSession.set(sessionId, vm);
    return vm;
  }

  private rowsOf(sessionId: string): MessageRec[] {
    let rows = this.bySession.get(sessionId);
    if (!rows) {
      rows = [];
      this.bySession.set(sessionId, rows);
    }
    return rows;
  }

  private row(sessionId: string, draft: MessageDraft, createdAt: number, sequence: number): MessageRec {
    return {
      id: this.world.ids.uuid(),
      sessionId,
      role: draft.role,
      content: draft.content,
      toolMetadata: draft.toolMetadata ?? null,
      createdAt,
      sequence,
      origin: draft.origin ?? null,
    };
  }

  /** Inserts in SAM's order; the common case (newest) is an append. */
  private insert(rows: MessageRec[], row: MessageRec): void {
    let at = rows.length;
    while (at > 0 && before(row, rows[at - 1] as MessageRec)) at -= 1;
    rows.splice(at, 0, row);
    const session = this.world.sessions.get(row.sessionId);
    // Server-written rows take the session's highest sequence + 1 (SAM's nextSequence).
    if (session && row.sequence !== null && row.sequence >= session.nextSequence) session.nextSequence = row.sequence + 1;
  }

  private persisted(sessionId: string, written: readonly MessageRec[], type: 'message.new' | 'messages.batch'): void {
    const session = this.world.sessions.require(sessionId);
    if (written.length === 0) return;
    const rows = this.rowsOf(sessionId);
    session.messageCount = rows.length;
    this.world.sessions.touch(session, Math.max(...written.map((m) => m.createdAt)));
    if (!this.world.hasProjectListeners) return;
    if (type === 'messages.batch') {
      this.world.emitProject(session.projectId, sessionId, 'messages.batch', { sessionId, messages: written.map(batchRow), count: written.length });
      return;
    }
    for (const m of written) {
      this.world.emitProject(session.projectId, sessionId, 'message.new', {
        sessionId,
        messageId: m.id,
        role: m.role,
        content: m.content,
        toolMetadata: cloneMeta(m.toolMetadata),
        createdAt: m.createdAt,
        sequence: m.sequence,
        origin: m.origin,
      });
    }
  }

  /**
   * SAM's getMessages: strict bounds on createdAt; `desc` (the default) takes the NEWEST `limit` rows
   * of the range, `asc` the oldest (Corrections 1); a page always comes oldest-first; `hasMore` says
   * rows of the range were left out (older ones for desc, newer ones for asc).
   */
  page(sessionId: string, query: MessagePageQuery = {}): MessagePage {
    const rows = this.bySession.get(sessionId) ?? [];
    const lo = query.after === undefined ? 0 : bound(rows, query.after, true);
    const hi = query.before === undefined ? rows.length : bound(rows, query.before, false);
    const limit = Math.min(Math.max(1, query.limit ?? MESSAGE_LIMITS.default), MESSAGE_LIMITS.max);
    let range = rows.slice(lo, Math.max(lo, hi));
    if (query.roles && query.roles.length > 0) {
      const roles = new Set(query.roles);
      range = range.filter((m) => roles.has(m.role));
    }
    const messages = query.order === 'asc' ? range.slice(0, limit) : range.slice(Math.max(0, range.length - limit));
    return { messages, hasMore: range.length > limit };
  }
}

function batchRow(m: MessageRec) {
  return {
    id: m.id,
    role: m.role,
    content: m.content,
    toolMetadata: cloneMeta(m.toolMetadata),
    createdAt: m.createdAt,
    sequence: m.sequence,
    origin: m.origin,
  };
}

function cloneMeta<T>(meta: T): T {
  return meta === null ? meta : structuredClone(meta);
}
