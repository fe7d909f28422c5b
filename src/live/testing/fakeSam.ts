import type { Message, SessionDetail, SessionRow, SessionState, Task } from '../../api/contract';
import { ApiError } from '../../api/http';
import { compareMessages } from '../../reconcile/order';
import type { LiveApi } from '../env';

/** The routes FakeSam answers: the project's (notifications and sign-in are left to the real ones). */
export type FakeSamApi = Pick<
  LiveApi,
  'sessions' | 'session' | 'messages' | 'tasks' | 'task' | 'sendPrompt' | 'interrupt' | 'resolveAttention' | 'submitTask' | 'summarize' | 'forkPrepare'
>;

/*
 * A small in-memory SAM for tests of src/live: the truth (tasks, session rows, agent state, messages),
 * the frames each change broadcasts, and the REST routes over it. Every route answers with the state
 * as of its call (the moment the request started); with `hold` on, answers wait until the test
 * releases them, so a test can race them against live events.
 *
 * Messages behave as SAM's measured (sam-contract.md, Corrections 1-4): an `after=` window holds the
 * NEWEST rows after it unless `order=asc`; agent rows carry the VM's clock (`lateBy`: persisted after
 * newer rows) and the VM outbox's sequence, shared by every session on that VM and restarting at 1 on
 * a new VM; agent rows broadcast `messages.batch`, only server-written rows (user, system) `message.new`.
 */

/** Server-written roles; every other role is agent output, written by the VM. */
const SERVER_ROLES = new Set(['user', 'system']);

/** SAM's message windows: default page, default with `after` (detail route only), ceiling. */
export interface MessageLimits {
  page: number;
  delta: number;
  max: number;
}

export type Frame = { type: string; payload?: unknown };
interface Held {
  route: string;
  resolve: () => void;
}

/** A task snapshot that reached the client: its server version, and which route brought it. */
export interface Delivery {
  taskId: string;
  status: string;
  version: number;
  via: 'list' | 'embedded';
}

export class FakeSam {
  now: number;
  tasks = new Map<string, Task>();
  sessions = new Map<string, SessionRow>();
  states = new Map<string, SessionState>();
  messages = new Map<string, Message[]>();
  hold = false;
  offline = false;
  /** Frames broadcast by changes made through routes (a prompt's user message), for the test to deliver. */
  outbox: Frame[] = [];
  held: Held[] = [];
  calls: string[] = [];
  /** Per task, the delivered snapshot with the highest server version (a list one wins a tie). */
  newestDelivery = new Map<string, Delivery>();
  /**
   * Per session, the newest list row that reached the client: its status and the order in which the
   * client learned it (the request's start, on the same counter as `nextOrder`).
   */
  lastRowDelivery = new Map<string, { status: string; order: number }>();
  /**
   * How far the sessions list lags the live object (ms; SAM serves it from an index synced with a ~5 s
   * debounce, Corrections 9): the list shows each row as it was `listLagMs` ago, and a session created
   * since is missing. 0 (the default) = no lag.
   */
  listLagMs = 0;
  /** Every version of every session row, oldest first (what a lagging list serves from). */
  private rowHistory = new Map<string, Array<{ at: number; row: SessionRow }>>();
  /** SAM's mailbox: per session, the deliveryIds of prompts queued while its agent was busy. */
  private mailbox = new Map<string, string[]>();
  limits: MessageLimits = { page: 500, delta: 5000, max: 50_000 };
  private seq = 0;
  private order = 0;
  /** Which VM runs each session (all on one VM unless replaced), and each VM's outbox counter. */
  private vmOf = new Map<string, string>();
  private outboxIds = new Map<string, number>();
  private vms = 1;

  /** A shared counter of "when the client learned something" (request starts, frame receipts). */
  nextOrder(): number {
    this.order += 1;
    return this.order;
  }

  constructor(start: number) {
    this.now = start;
  }

  tick(ms = 1): number {
    this.now += ms;
    return this.now;
  }

  // ---- changes, each returning the frames SAM broadcasts for it ----
  putTask(task: Task): Frame[] {
    this.tasks.set(task.id, task);
    return [{ type: 'activity.new', payload: { eventType: 'task.submitted', id: task.id } }];
  }
  /**
   * `wholeSeconds`: the write comes from one of SAM's `datetime('now')` failure paths, so its times are
   * truncated to the second (Corrections 6) and may sort before a ms write made earlier in that second.
   */
  setTaskStatus(id: string, status: string, errorMessage: string | null = null, options: { wholeSeconds?: boolean } = {}): Frame[] {
    const task = this.tasks.get(id);
    if (!task) return [];
    const tick = this.tick();
    const at = options.wholeSeconds ? Math.floor(tick / 1000) * 1000 : tick;
    const terminal = status === 'completed' || status === 'failed' || status === 'cancelled';
    this.tasks.set(id, { ...task, status, errorMessage, updatedAt: at, completedAt: terminal ? at : null });
    return [{ type: 'activity.new', payload: { eventType: `task.${status === 'in_progress' ? 'execution_step' : status}`, id } }];
  }
  /** SAM sends a failed task back to work in place (failed -> ready -> queued); the session row stays `failed`. */
  retryInPlace(id: string): Frame[] {
    const task = this.tasks.get(id);
    if (task?.status !== 'failed') return [];
    this.tasks.set(id, { ...task, executionStep: null });
    this.setTaskStatus(id, 'ready');
    return this.setTaskStatus(id, 'queued');
  }
  private setRow(row: SessionRow) {
    this.sessions.set(row.id, row);
    const history = this.rowHistory.get(row.id) ?? [];
    history.push({ at: this.now, row });
    this.rowHistory.set(row.id, history);
  }
  /** The rows the sessions list serves: each as of `listLagMs` ago (see listLagMs). */
  private listedRows(): SessionRow[] {
    if (this.listLagMs === 0) return [...this.sessions.values()];
    const asOf = this.now - this.listLagMs;
    const rows: SessionRow[] = [];
    for (const history of this.rowHistory.values()) {
      const version = [...history].reverse().find((v) => v.at <= asOf);
      if (version) rows.push(version.row);
    }
    return rows;
  }
  putSession(row: SessionRow): Frame[] {
    this.setRow(row);
    this.states.set(row.id, {
      activity: row.agentCompletedAt === null ? 'prompting' : 'idle',
      activityAt: null,
      statusError: null,
      currentPlan: [],
      promptStartedAt: null,
      lastStopReason: null,
      recoveryStatus: null,
      wakePhase: null,
    });
    this.messages.set(row.id, []);
    const { id, workspaceId, taskId, createdByUserId, topic, createdAt } = row;
    return [{ type: 'session.created', payload: { id, workspaceId, taskId, createdByUserId, topic, status: 'active', messageCount: 0, createdAt } }];
  }
  private patchSession(id: string, patch: Partial<SessionRow>) {
    const row = this.sessions.get(id);
    if (row) this.setRow({ ...row, ...patch, lastMessageAt: this.now });
  }
  private patchState(id: string, patch: Partial<SessionState>) {
    const state = this.states.get(id);
    if (state) this.states.set(id, { ...state, ...patch });
  }
  setSessionStatus(id: string, status: 'active' | 'sleeping' | 'stopped' | 'failed'): Frame[] {
    this.tick();
    this.patchSession(id, { status, ...(status === 'stopped' || status === 'failed' ? { endedAt: this.now } : {}) });
    if (status === 'stopped' || status === 'failed') return [{ type: `session.${status}`, payload: { sessionId: id } }];
    return [{ type: 'session.updated', payload: { sessionId: id, status } }];
  }
  /** The session's workspace moves to a new VM, whose outbox ids start again at 1. */
  replaceVm(sessionId: string): void {
    this.vms += 1;
    this.vmOf.set(sessionId, `vm-${this.vms}`);
  }
  private nextSequence(sessionId: string, role: string, list: readonly Message[]): number {
    if (SERVER_ROLES.has(role)) return Math.max(0, ...list.map((m) => m.sequence ?? 0)) + 1;
    const vm = this.vmOf.get(sessionId) ?? 'vm-1';
    const next = (this.outboxIds.get(vm) ?? 0) + 1;
    this.outboxIds.set(vm, next);
    return next;
  }
  /**
   * Persists one row and returns the frame SAM broadcasts for it. `lateBy` (agent rows): the VM stamped
   * it that long ago and its outbox flushed only now, after newer rows were persisted.
   */
  addMessage(sessionId: string, role: string, content: string, extra: Partial<Message> & { lateBy?: number } = {}): { message: Message; frames: Frame[] } {
    const { lateBy = 0, ...fields } = extra;
    const now = this.tick();
    const at = SERVER_ROLES.has(role) ? now : now - lateBy;
    this.seq += 1;
    const list = this.messages.get(sessionId) ?? [];
    const message: Message = {
      id: `msg-${this.seq}`,
      sessionId,
      role,
      content,
      toolMetadata: null,
      createdAt: at,
      sequence: this.nextSequence(sessionId, role, list),
      origin: null,
      ...fields,
    };
    const rows = [...list];
    let slot = rows.length;
    while (slot > 0 && compareMessages(rows[slot - 1] as Message, message) > 0) slot -= 1;
    rows.splice(slot, 0, message);
    this.messages.set(sessionId, rows);
    this.patchSession(sessionId, { messageCount: list.length + 1 });
    const { sessionId: _s, ...wire } = message;
    const frames: Frame[] = SERVER_ROLES.has(role)
      ? [{ type: 'message.new', payload: { ...message, messageId: message.id, id: undefined } }]
      : [{ type: 'messages.batch', payload: { sessionId, messages: [wire], count: 1 } }];
    if (role === 'user') {
      // A new prompt starts a new turn: SAM clears agentCompletedAt without an event of its own.
      this.patchSession(sessionId, { agentCompletedAt: null, isIdle: false });
      this.patchState(sessionId, { activity: 'prompting', promptStartedAt: at });
      frames.push({ type: 'session.activity', payload: { sessionId, activity: 'prompting', promptStartedAt: at } });
    }
    return { message, frames };
  }
  agentCompleted(sessionId: string): Frame[] {
    const at = this.tick();
    this.patchSession(sessionId, { agentCompletedAt: at, isIdle: true });
    this.patchState(sessionId, { activity: 'idle', promptStartedAt: null });
    return [
      { type: 'session.agent_completed', payload: { sessionId, agentCompletedAt: at } },
      { type: 'session.activity', payload: { sessionId, activity: 'idle', promptStartedAt: null } },
      ...this.deliverQueued(sessionId),
    ];
  }
  /** The agent is free: SAM hands it the queued prompts (a follow-up needs no ack: `acked`). */
  deliverQueued(sessionId: string): Frame[] {
    const queued = this.mailbox.get(sessionId) ?? [];
    this.mailbox.delete(sessionId);
    return queued.map((deliveryId) => deliveryFrame(deliveryId, 'acked'));
  }

  // ---- REST ----
  private answer<T>(route: string, snapshot: () => T): Promise<T> {
    this.calls.push(route);
    if (this.offline) return Promise.reject(new ApiError(0, 'NETWORK_ERROR', 'offline'));
    const value = structuredClone(snapshot());
    const delivered = this.taskDeliveries(route, value);
    const order = this.nextOrder();
    const rows = route === 'sessions' ? (value as { sessions: SessionRow[] }).sessions.map((r) => ({ sessionId: r.id, status: r.status, order })) : [];
    const deliver = () => {
      for (const d of delivered) {
        const held = this.newestDelivery.get(d.taskId);
        if (!held || d.version > held.version || (d.version === held.version && d.via === 'list')) this.newestDelivery.set(d.taskId, d);
      }
      for (const { sessionId, ...row } of rows) {
        if ((this.lastRowDelivery.get(sessionId)?.order ?? -1) < row.order) this.lastRowDelivery.set(sessionId, row);
      }
      return value;
    };
    if (!this.hold) return Promise.resolve().then(deliver);
    return new Promise((resolve) => this.held.push({ route, resolve: () => resolve(deliver()) }));
  }
  private taskDeliveries(route: string, value: unknown): Delivery[] {
    const tasks = route === 'tasks' ? (value as { tasks: Task[] }).tasks : route.startsWith('task:') ? [value as Task] : [];
    const list = tasks.map((t): Delivery => ({ taskId: t.id, status: t.status, version: t.updatedAt, via: 'list' }));
    const embedded = route.startsWith('session:') ? (value as SessionDetail).session.task : null;
    const version = embedded ? this.tasks.get(embedded.id)?.updatedAt : undefined;
    if (embedded && version !== undefined) {
      list.push({ taskId: embedded.id, status: embedded.status, version, via: 'embedded' });
      // Not part of the contract: lets a test read which server version an embedded snapshot was.
      Object.assign(embedded, { testVersion: version });
    }
    return list;
  }
  /** Releases the held answer at `index` (modulo the number held): answers land in any order. */
  releaseOne(index: number): void {
    if (this.held.length === 0) return;
    const [one] = this.held.splice(index % this.held.length, 1);
    one?.resolve();
  }
  release(filter: (route: string) => boolean = () => true): number {
    const out = this.held.filter((h) => filter(h.route));
    this.held = this.held.filter((h) => !filter(h.route));
    out.forEach((h) => h.resolve());
    return out.length;
  }
  /**
   * SAM's getMessages: strict bounds on createdAt; `desc` (the default) takes the NEWEST `limit` rows of
   * the range, `asc` the oldest; the page comes oldest-first; `hasMore` = rows of the range were left out.
   */
  private page(sessionId: string, q: { limit?: number; before?: number; after?: number; order?: 'asc' | 'desc' }, defaultLimit: number) {
    const all = (this.messages.get(sessionId) ?? []).filter(
      (m) => (q.after === undefined || m.createdAt > q.after) && (q.before === undefined || m.createdAt < q.before),
    );
    const limit = q.limit === undefined ? defaultLimit : Math.min(q.limit, Math.max(this.limits.max, this.limits.page));
    const messages = q.order === 'asc' ? all.slice(0, limit) : all.slice(Math.max(0, all.length - limit));
    return { messages, hasMore: all.length > limit };
  }

  api: FakeSamApi = {
    sessions: (_p, q = {}) =>
      this.answer('sessions', () => {
        const rows = this.listedRows().sort((a, b) => (b.lastMessageAt ?? 0) - (a.lastMessageAt ?? 0));
        const offset = q.offset ?? 0;
        const page = rows.slice(offset, offset + (q.limit ?? 20));
        return { sessions: page, total: rows.length, hasMore: offset + page.length < rows.length };
      }),
    session: (_p, s, q = {}) =>
      this.answer(`session:${s}`, (): SessionDetail => {
        const row = this.sessions.get(s);
        if (!row) throw new ApiError(404, 'NOT_FOUND', 'no session');
        const task = row.taskId ? this.tasks.get(row.taskId) : undefined;
        const embedded = task && {
          id: task.id,
          status: task.status,
          executionStep: task.executionStep,
          errorMessage: task.errorMessage,
          outputBranch: null,
          outputPrUrl: null,
          outputSummary: null,
          finalizedAt: task.completedAt,
          taskMode: task.taskMode,
          agentProfileHint: null,
        };
        // The detail route has no `order` (always the newest window); with `after` and no limit, the delta limit.
        const page = this.page(s, { ...q, order: 'desc' }, q.after !== undefined ? this.limits.delta : this.limits.page);
        return { session: { ...row, agentSessionId: null, agentType: 'claude', task: embedded ?? null }, state: this.states.get(s) ?? null, ...page };
      }),
    messages: (_p, s, q = {}) => this.answer(`messages:${s}`, () => this.page(s, q, this.limits.page)),
    tasks: (_p, q = {}) =>
      this.answer('tasks', () => {
        const all = [...this.tasks.values()].sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
        const start = q.cursor ? all.findIndex((t) => t.id === q.cursor) + 1 : 0;
        const page = all.slice(start, start + (q.limit ?? 50));
        return { tasks: page, nextCursor: start + page.length < all.length ? (page.at(-1)?.id ?? null) : null };
      }),
    task: (_p, t) =>
      this.answer(`task:${t}`, () => {
        const task = this.tasks.get(t);
        if (!task) throw new ApiError(404, 'NOT_FOUND', 'no task');
        return task;
      }),
    sendPrompt: (_p, s, content) =>
      this.answer(`prompt:${s}`, () => {
        const busy = this.states.get(s)?.activity === 'prompting';
        const { message, frames } = this.addMessage(s, 'user', content);
        const deliveryId = `delivery-${this.seq}`;
        // SAM's mailbox: an idle agent gets the prompt at once; a busy one makes the delivery retry.
        if (busy) this.mailbox.set(s, [...(this.mailbox.get(s) ?? []), deliveryId]);
        this.outbox.push(...frames, deliveryFrame(deliveryId, busy ? 'retry_wait' : 'acked'));
        return { accepted: true, status: 'queued', deliveryId, messageId: message.id };
      }),
    interrupt: () => this.answer('interrupt', () => ({ status: 'cancelled', message: null })),
    resolveAttention: () => this.answer('resolve', () => ({ success: true })),
    submitTask: () => this.answer('submit', () => ({ taskId: 't-new', sessionId: 's-new', branchName: null, status: 'queued' })),
    summarize: () => this.answer('summarize', () => ({ summary: 'so far', messageCount: 0, filteredCount: 0, method: null })),
    forkPrepare: () =>
      this.answer('fork', () => ({
        parentTaskId: 't1',
        parentSessionId: 's1',
        parentBranch: null,
        sessionLabel: null,
        summary: 'ctx',
        messageCount: 0,
        repaired: null,
      })),
  };
}

const deliveryFrame = (deliveryId: string, deliveryState: string): Frame => ({
  type: 'mailbox.delivery_updated',
  payload: { messageId: deliveryId, deliveryState },
});

/** Lets promise chains (query functions, setQueryData, coalescers) run to completion. */
export async function flushPromises(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) await Promise.resolve();
}

const immediate = (globalThis as unknown as { setImmediate?: (callback: () => void) => void }).setImmediate;

/** Waits until every queued promise reaction has run (a macrotask turn drains the microtask queue). */
export function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}
