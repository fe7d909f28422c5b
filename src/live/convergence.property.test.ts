import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { conversation, conversationItems } from '../reconcile/conversation';
import { emptyLog, logToArray } from '../reconcile/messageLog';
import { isTerminalTaskStatus, sessionView } from '../reconcile/sessionView';
import { heldTaskFacts } from '../reconcile/taskSnapshots';
import type { SessionFacts } from '../reconcile/types';
import { LIVE, T0, makeRow, makeTask } from '../test/factories';
import { readSnapshots } from './cacheEntries';
import { SAFETY_NET_MS } from './projectStream';
import { drainMicrotasks, type Frame } from './testing/fakeSam';
import { createHarness, PROJECT, type Harness } from './testing/harness';

/*
 * A generated server history (tasks through their real transitions, sessions, messages with sequences)
 * delivered through a generated faulty channel: dropped, duplicated, swapped and re-batched frames,
 * disconnects, REST answers held and released in any order against live events, safety-net ticks.
 * After the channel goes quiet and a catch-up completes, the client must show the server's truth; and
 * at no moment may a session show anything but its task's terminal state while that task is terminal.
 * A failing run prints its seed; replay it with { seed, path } and keep it below as a named regression.
 */

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.LOOKOUT_FUZZ_RUNS ?? 1000);
const SESSIONS = ['s0', 's1', 's2'];
const OPEN = 's0';
const TASK_NEXT: Record<string, string[]> = {
  draft: ['ready', 'cancelled'],
  ready: ['queued', 'delegated', 'cancelled'],
  queued: ['delegated', 'failed', 'cancelled'],
  delegated: ['in_progress', 'failed', 'cancelled'],
  in_progress: ['completed', 'failed', 'cancelled'],
  failed: ['ready', 'cancelled'],
  cancelled: ['ready'],
  completed: [],
};
const SESSION_NEXT: Record<string, Array<'active' | 'sleeping' | 'stopped' | 'failed'>> = {
  active: ['sleeping', 'stopped', 'failed'],
  sleeping: ['active', 'stopped', 'failed'],
  failed: ['active'],
  stopped: [],
};

type Op =
  | { k: 'msg'; s: number; role: string; call: number }
  | { k: 'complete'; s: number }
  | { k: 'task'; s: number; pick: number }
  | { k: 'session'; s: number; pick: number }
  | { k: 'deliver'; n: number; fault: 'none' | 'drop' | 'dup' | 'swap' | 'batch' }
  | { k: 'flush' }
  | { k: 'disconnect' }
  | { k: 'reconnect' }
  | { k: 'hold'; on: boolean }
  | { k: 'release'; pick: number }
  | { k: 'tick' }
  | { k: 'focus' }
  | { k: 'refetch'; what: 'tasks' | 'sessions' | 'chat' };

const session = fc.nat(SESSIONS.length - 1);
// Weights favour what makes answers and events overlap: held answers, refetches, status changes.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('msg' as const), s: session, role: fc.constantFrom('user', 'assistant', 'assistant', 'thinking', 'tool', 'plan'), call: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('complete' as const), s: session }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('task' as const), s: session, pick: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('session' as const), s: session, pick: fc.nat(2) }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('deliver' as const), n: fc.integer({ min: 1, max: 4 }), fault: fc.constantFrom('none', 'none', 'none', 'drop', 'dup', 'swap', 'batch') }) },
  { weight: 4, arbitrary: fc.constant({ k: 'flush' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'disconnect' as const }) },
  { weight: 2, arbitrary: fc.constant({ k: 'reconnect' as const }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('hold' as const), on: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('release' as const), pick: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ k: 'focus' as const }) },
  // A refetch outside the stream's coalescers (a component mounting, TanStack's own refetch): two
  // answers of one kind can then be out together and land in either order.
  { weight: 4, arbitrary: fc.record({ k: fc.constant('refetch' as const), what: fc.constantFrom('tasks' as const, 'sessions' as const, 'chat' as const) }) },
);
const script = fc.array(op, { minLength: 5, maxLength: 45 });

const drain = drainMicrotasks;

/** Frames that carry a session status: whose, and which. */
const statusFrames = new WeakMap<Frame, { sessionId: string; status: string }>();
type Learned = { sessionId: string; status: string; order: number };

class Run {
  queue: Frame[] = [];
  connected = false;
  /** Status frames the socket received and has not applied yet (they wait for the animation frame). */
  received: Learned[] = [];
  /** Per session, the last status frame applied. */
  applied = new Map<string, Learned>();
  /** Per task, the server version of the snapshot held at the previous step. */
  heldVersions = new Map<string, number>();

  constructor(readonly h: Harness) {}

  broadcast(frames: Frame[], statusOf?: string) {
    if (!this.connected) return;
    const status = statusOf && this.h.sam.sessions.get(statusOf)?.status;
    if (statusOf && status) frames.forEach((frame) => statusFrames.set(frame, { sessionId: statusOf, status }));
    this.queue.push(...frames);
  }

  send(frames: Frame[]) {
    this.h.deliver(frames, { flush: false });
    for (const frame of frames) {
      const status = statusFrames.get(frame);
      if (status) this.received.push({ ...status, order: this.h.sam.nextOrder() });
    }
  }

  flush() {
    this.h.env.runFrame();
    for (const learned of this.received.splice(0)) this.applied.set(learned.sessionId, learned);
  }

  async reconnect() {
    for (let i = 0; i < 10 && !this.connected; i += 1) {
      const socket = this.h.env.latestSocket();
      if (socket.readyState === 0) {
        socket.serverOpen();
        this.connected = true;
      } else this.h.env.advance(this.h.env.nextTimerIn() ?? 1000);
    }
  }

  async apply(o: Op) {
    const { sam, env } = this.h;
    const s = SESSIONS[o.k === 'msg' || o.k === 'complete' || o.k === 'task' || o.k === 'session' ? o.s : 0] ?? OPEN;
    switch (o.k) {
      case 'msg': {
        const content = o.role === 'plan' ? JSON.stringify([{ content: 'step', status: o.call ? 'completed' : 'pending' }]) : `${o.role} ${sam.now}`;
        const toolMetadata = o.role === 'tool' ? { toolCallId: `call-${o.call}`, status: o.call ? 'completed' : 'in_progress', title: 'bash', kind: null, toolName: null, locations: [], content: [] } : null;
        this.broadcast(sam.addMessage(s, o.role, content, { toolMetadata }).frames);
        break;
      }
      case 'complete':
        this.broadcast(sam.agentCompleted(s));
        break;
      case 'task': {
        const task = sam.tasks.get(`t${s.slice(1)}`);
        const next = TASK_NEXT[task?.status ?? ''] ?? [];
        const to = next[o.pick % Math.max(1, next.length)];
        if (task && to) this.broadcast(sam.setTaskStatus(task.id, to, to === 'failed' ? 'tests did not pass' : null));
        break;
      }
      case 'session': {
        const next = SESSION_NEXT[sam.sessions.get(s)?.status ?? ''] ?? [];
        const to = next[o.pick % Math.max(1, next.length)];
        if (to) this.broadcast(sam.setSessionStatus(s, to), s);
        break;
      }
      case 'deliver': {
        if (!this.connected) break;
        const batch = this.queue.splice(0, o.n);
        const [first, second] = batch;
        if (o.fault === 'drop') batch.shift();
        if (o.fault === 'dup' && first) batch.unshift(first);
        if (o.fault === 'swap' && first && second) batch.splice(0, 2, second, first);
        if (o.fault === 'batch' && first?.type === 'message.new') {
          const { sessionId } = first.payload as { sessionId: string };
          const recent = (sam.messages.get(sessionId) ?? []).filter((m) => m.createdAt <= (first.payload as { createdAt: number }).createdAt).slice(-3);
          batch.push({ type: 'messages.batch', payload: { sessionId, messages: recent, count: recent.length } });
        }
        this.send(batch);
        break;
      }
      case 'flush':
        this.flush();
        break;
      case 'disconnect':
        if (!this.connected) break;
        env.latestSocket().serverClose(1006);
        this.connected = false;
        this.queue = [];
        break;
      case 'reconnect':
        await this.reconnect();
        break;
      case 'hold':
        sam.hold = o.on;
        break;
      case 'release':
        sam.releaseOne(o.pick);
        break;
      case 'tick':
        env.advance(SAFETY_NET_MS);
        break;
      case 'focus':
        env.advance(6_000);
        env.focus();
        break;
      case 'refetch': {
        const queryKey = o.what === 'tasks' ? keys.taskList(PROJECT) : o.what === 'sessions' ? keys.sessionList(PROJECT) : keys.chat(PROJECT, OPEN);
        void this.h.client.refetchQueries({ queryKey, exact: true });
        break;
      }
      default: {
        const never: never = o;
        throw new Error(`unknown op ${JSON.stringify(never)}`);
      }
    }
    await drain();
  }

  /**
   * Invariant 3, for session rows: the status shown is the one the client learned LAST, a frame counting
   * from its receipt and a list page from its request's start (session events carry no version, so that
   * is the best any client can do). A page landing late must not undo a frame received after it started.
   * Sessions with an open chat are left out: their detail answers write rows too, at times not tracked here.
   */
  checkNoRollback() {
    const { sam } = this.h;
    for (const id of SESSIONS.filter((s) => s !== OPEN)) {
      const shown = this.h.entry(id)?.session.status;
      const frame = this.applied.get(id);
      const page = sam.lastRowDelivery.get(id);
      const last = !page || (frame && frame.order > page.order) ? frame : page;
      if (shown !== undefined && last) expect({ id, shown }).toEqual({ id, shown: last.status });
    }
  }

  /** Invariant 3, for tasks: the server version of the snapshot held never goes down. */
  checkTaskVersions() {
    for (const [taskId, held] of readSnapshots(this.h.client, PROJECT)) {
      const version = held.overlay ? (held.overlay as { testVersion?: number }).testVersion : held.task?.updatedAt;
      if (version === undefined) continue;
      expect({ taskId, version: Math.max(version, this.heldVersions.get(taskId) ?? 0) }).toEqual({ taskId, version });
      this.heldVersions.set(taskId, version);
    }
  }

  check() {
    this.checkTerminalWins();
    this.checkNoRollback();
    this.checkTaskVersions();
  }

  /**
   * Checked after every step. Invariant 2: a terminal task held means the session shows exactly that.
   * Invariant 3: when the newest task information that reached the client (by server version) came from
   * the tasks list or task route and is terminal, that is what shows: no older page rolled it back.
   * (An embedded snapshot is written only after its chat's catch-up pages, so it is not held to "at once".)
   */
  checkTerminalWins() {
    const snapshots = readSnapshots(this.h.client, PROJECT);
    for (const id of SESSIONS) {
      const entry = this.h.entry(id);
      const taskId = entry?.session.taskId;
      if (!entry || !taskId) continue;
      const facts = heldTaskFacts(snapshots.get(taskId));
      if (facts && isTerminalTaskStatus(facts.status)) expect(entry.view.state).toBe(facts.status);
      const newest = this.h.sam.newestDelivery.get(taskId);
      if (newest?.via === 'list' && isTerminalTaskStatus(newest.status)) expect({ id, state: entry.view.state }).toEqual({ id, state: newest.status });
    }
  }

  /**
   * Quiet, part 1: no more faults; what is still queued arrives, then one more message for the open chat.
   * A message dropped earlier now shows as a sequence gap, and the gap's catch-up must bring it back.
   */
  async quietMessages() {
    const { h } = this;
    h.sam.hold = false;
    h.sam.release();
    await this.reconnect();
    await this.settle();
    this.broadcast(h.sam.addMessage(OPEN, 'assistant', 'the end').frames);
    this.send(this.queue.splice(0));
    this.flush();
    await this.settle();
  }

  async settle() {
    for (let i = 0; i < 6; i += 1) {
      await drain();
      this.flush();
      await this.h.stream.settled();
    }
  }

  /** Quiet, part 2: a reconnect, whose catch-up must bring every session and task to the truth. */
  async quietReconnect() {
    this.h.env.latestSocket().serverClose(1006);
    this.connected = false;
    this.queue = [];
    await drain();
    await this.reconnect();
    await this.settle();
  }
}

function truthState(h: Harness, id: string) {
  const row = h.sam.sessions.get(id);
  const state = h.sam.states.get(id);
  if (!row || !state) throw new Error(`no session ${id}`);
  const facts: SessionFacts = { ...row, activity: state.activity, promptStartedAt: state.promptStartedAt, statusError: state.statusError, wakePhase: state.wakePhase, recoveryStatus: state.recoveryStatus, wakeAt: null };
  return sessionView(facts, row.taskId ? (h.sam.tasks.get(row.taskId) ?? null) : null, LIVE, h.env.now()).state;
}

async function runScript(ops: Op[]) {
  const h = createHarness({ start: T0 });
  try {
    SESSIONS.forEach((id, i) => {
      h.sam.putTask(makeTask({ id: `t${i}`, status: 'in_progress', updatedAt: T0, title: `Task ${i}` }));
      h.sam.putSession(makeRow({ id, taskId: `t${i}`, topic: `Task ${i}`, lastMessageAt: T0 - i }));
      h.sam.addMessage(id, 'user', `start ${i}`);
    });
    h.stream.start();
    h.mountSidebar();
    h.openChat(OPEN);
    const run = new Run(h);
    await run.reconnect();
    await drain();
    for (const o of ops) {
      await run.apply(o);
      run.check();
    }
    await run.quietMessages();
    run.check();
    const server = h.sam.messages.get(OPEN) ?? [];
    const chat = h.chat(OPEN);
    expect(logToArray(chat?.log ?? emptyLog).map((m) => m.id)).toEqual(server.map((m) => m.id));
    expect(chat && conversationItems(chat.conversation, chat.pendingSends)).toEqual(conversation(server, []));

    await run.quietReconnect();
    run.check();
    for (const id of SESSIONS) {
      const entry = h.entry(id);
      expect({ id, state: entry?.view.state, stale: entry?.view.stale }).toEqual({ id, state: truthState(h, id), stale: false });
    }
  } finally {
    h.stop();
  }
}

/**
 * Runs that once failed, kept by name. Each replays its script through the same checks. (The seed
 * that found the first one: -380891228, path "6:0:1:1:0:0:0:0:0:0", before the generator changed.)
 */
const REGRESSIONS: Array<[string, Op[]]> = [
  [
    // Events were stamped when APPLIED: a frame received before a disconnect, flushed after the
    // reconnect's catch-up had started, overrode that catch-up's newer list page (s1 stayed asleep).
    'a frame received before a disconnect and applied after the catch-up started does not undo it',
    [
      { k: 'session', s: 1, pick: 0 },
      { k: 'deliver', n: 1, fault: 'none' },
      { k: 'msg', s: 0, role: 'user', call: 0 },
      { k: 'msg', s: 0, role: 'user', call: 0 },
      { k: 'session', s: 1, pick: 0 },
    ],
  ],
  [
    'a list page that lands after a newer status frame does not undo it',
    [{ k: 'hold', on: true }, { k: 'refetch', what: 'sessions' }, { k: 'session', s: 1, pick: 0 }, { k: 'deliver', n: 4, fault: 'none' }, { k: 'flush' }, { k: 'release', pick: 0 }],
  ],
  [
    'an embedded task snapshot that started before a newer tasks page does not undo it',
    [
      { k: 'hold', on: true },
      { k: 'refetch', what: 'chat' },
      { k: 'task', s: 0, pick: 1 },
      { k: 'refetch', what: 'tasks' },
      { k: 'release', pick: 1 },
      { k: 'release', pick: 0 },
    ],
  ],
];

describe('convergence under a faulty channel (seeded fuzz)', () => {
  it.each(REGRESSIONS)('regression: %s', async (_name, ops) => {
    await runScript(ops);
  });

  it(`converges to the server's truth, and a terminal task always wins (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(script, runScript), { numRuns: RUNS });
  }, 120_000);
});
