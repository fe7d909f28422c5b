import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { conversation, conversationItems } from '../reconcile/conversation';
import { TASK_TRANSITIONS, type Message } from '../api/contract';
import { emptyLog, logToArray } from '../reconcile/messageLog';
import { sortUnique } from '../reconcile/order';
import { isTerminalTaskStatus } from '../reconcile/conflicts';
import { sessionView } from '../reconcile/sessionView';
import { heldTaskFacts } from '../reconcile/taskSnapshots';
import type { SessionEntry, SessionFacts } from '../reconcile/types';
import { LIVE, T0, makeRow, makeTask } from '../test/factories';
import { readSnapshots } from './normalisedCaches';
import { SAFETY_NET_MS } from './projectStream';
import { drainMicrotasks, type Frame } from './testing/fakeSam';
import { createHarness, PROJECT, type Harness } from './testing/harness';

/*
 * A generated server history (tasks through their real transitions, sessions, messages) delivered
 * through a generated faulty channel: dropped, duplicated, swapped and re-batched frames, disconnects,
 * REST answers held and released in any order against live events, safety-net ticks. Messages behave
 * as SAM's real server (Corrections 1-4): agent rows carry the VM clock and land late, sequences are a
 * VM outbox id shared by the sessions and restart with a replaced VM, `after=` windows are the newest
 * rows (the fake's windows are a few rows, so bursts and long idles overflow them), agent output is
 * messages.batch; the same row comes by message.new, messages.batch and REST, or again under another
 * sequence/createdAt.
 * After the channel goes quiet and a catch-up completes, the client must show the server's truth; and
 * at no moment may a session show anything but its task's terminal state while that task is terminal.
 * A failing run prints its seed; replay it with { seed, path } and keep it below as a named regression.
 */

const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const RUNS = Number(env.LOOKOUT_FUZZ_RUNS ?? 1000);
/** `npm run soak`: every run on its own seed, going on past failures and printing each failing seed. */
const SOAK = env.LOOKOUT_FUZZ_SOAK === '1';
/** Replays one run: LOOKOUT_FUZZ_SEED=<seed> LOOKOUT_FUZZ_RUNS=1. */
const SEED = env.LOOKOUT_FUZZ_SEED === undefined ? undefined : Number(env.LOOKOUT_FUZZ_SEED);
const SESSIONS = ['s0', 's1', 's2'];
const OPEN = 's0';
const SESSION_NEXT: Record<string, Array<'active' | 'sleeping' | 'stopped' | 'failed'>> = {
  active: ['sleeping', 'stopped', 'failed'],
  sleeping: ['active', 'stopped', 'failed'],
  failed: ['active'],
  stopped: [],
};

type Op =
  | { k: 'msg'; s: number; role: string; call: number; late?: number }
  | { k: 'burst'; s: number; n: number }
  | { k: 'idle'; ms: number }
  | { k: 'vm'; s: number }
  | { k: 'complete'; s: number }
  | { k: 'task'; s: number; pick: number }
  | { k: 'session'; s: number; pick: number }
  | { k: 'deliver'; n: number; fault: 'none' | 'drop' | 'dup' | 'swap' | 'batch' | 'rekey' }
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
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('msg' as const),
      s: session,
      role: fc.constantFrom('user', 'assistant', 'assistant', 'thinking', 'tool', 'plan'),
      call: fc.nat(2),
      // The VM stamped the row this long before its outbox flushed (agent rows only).
      late: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000 })),
    }),
  },
  // More rows than one window, then a disconnect longer than the catch-up's overlap.
  { weight: 1, arbitrary: fc.record({ k: fc.constant('burst' as const), s: session, n: fc.integer({ min: 5, max: 25 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('idle' as const), ms: fc.constantFrom(45_000, 200_000) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('vm' as const), s: session }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('complete' as const), s: session }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('task' as const), s: session, pick: fc.nat(2) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('session' as const), s: session, pick: fc.nat(2) }) },
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('deliver' as const),
      n: fc.integer({ min: 1, max: 4 }),
      fault: fc.constantFrom('none', 'none', 'none', 'drop', 'dup', 'swap', 'batch', 'rekey'),
    }),
  },
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

type WireRow = { id: string; role: string; content: string; toolMetadata: unknown; createdAt: number; sequence: number | null; origin: string | null };
const keyOf = (m: Pick<Message, 'id' | 'createdAt' | 'sequence'>) => `${m.id}@${m.createdAt}#${m.sequence}`;

/** The first message row a frame carries (message.new or messages.batch). */
function firstRow(frame: Frame): { sessionId: string; message: WireRow } | null {
  const payload = frame.payload as { sessionId: string; messageId?: string; messages?: WireRow[] } & WireRow;
  if (frame.type === 'messages.batch') return payload.messages?.[0] ? { sessionId: payload.sessionId, message: payload.messages[0] } : null;
  if (frame.type === 'message.new') return { sessionId: payload.sessionId, message: { ...payload, id: payload.messageId ?? '' } };
  return null;
}

function messageNew({ sessionId, message }: { sessionId: string; message: WireRow }): Frame {
  const { id, role, content, toolMetadata, createdAt, sequence, origin } = message;
  return { type: 'message.new', payload: { sessionId, messageId: id, role, content, toolMetadata, createdAt, sequence, origin } };
}

class Run {
  queue: Frame[] = [];
  connected = false;
  /** Status frames the socket received and has not applied yet (they wait for the animation frame). */
  received: Learned[] = [];
  /** Per session, the last status frame applied. */
  applied = new Map<string, Learned>();
  /** Per task, the server version of the snapshot held at the previous step. */
  heldVersions = new Map<string, number>();

  /** Keys (id, createdAt, sequence) of the re-keyed copies sent: the only other keys a held row may have. */
  rekeyed = new Set<string>();

  constructor(readonly h: Harness) {}

  disconnect() {
    if (!this.connected) return;
    this.h.env.latestSocket().serverClose(1006);
    this.connected = false;
    this.queue = [];
  }

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
    const s = SESSIONS['s' in o ? o.s : 0] ?? OPEN;
    switch (o.k) {
      case 'msg': {
        const content = o.role === 'plan' ? JSON.stringify([{ content: 'step', status: o.call ? 'completed' : 'pending' }]) : `${o.role} ${sam.now}`;
        const toolMetadata =
          o.role === 'tool'
            ? {
                toolCallId: `call-${o.call}`,
                status: o.call ? 'completed' : 'in_progress',
                title: 'bash',
                kind: null,
                toolName: null,
                locations: [],
                content: [],
              }
            : null;
        this.broadcast(sam.addMessage(s, o.role, content, { toolMetadata, lateBy: o.late ?? 0 }).frames);
        break;
      }
      case 'burst':
        for (let i = 0; i < o.n; i += 1)
          this.broadcast(sam.addMessage(s, i % 4 ? 'assistant' : 'thinking', `chunk ${i} `, { lateBy: (i * 389) % 3_000 }).frames);
        break;
      case 'idle':
        // What is in flight arrives first (frames are not held for minutes), then time passes.
        if (this.connected) this.send(this.queue.splice(0));
        sam.tick(o.ms);
        break;
      case 'vm':
        sam.replaceVm(s);
        break;
      case 'complete':
        this.broadcast(sam.agentCompleted(s));
        break;
      case 'task': {
        const task = sam.tasks.get(`t${s.slice(1)}`);
        const next = TASK_TRANSITIONS[task?.status ?? ''] ?? [];
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
        if (o.fault === 'dup' && first) batch.unshift(first);
        if (o.fault === 'swap' && first && second) batch.splice(0, 2, second, first);
        if (o.fault === 'batch' && first?.type === 'message.new') {
          const { sessionId } = first.payload as { sessionId: string };
          const recent = (sam.messages.get(sessionId) ?? []).filter((m) => m.createdAt <= (first.payload as { createdAt: number }).createdAt).slice(-3);
          batch.push({ type: 'messages.batch', payload: { sessionId, messages: recent, count: recent.length } });
        }
        const row = first && firstRow(first);
        if (o.fault === 'batch' && row && first.type === 'messages.batch') batch.push(messageNew(row));
        if (o.fault === 'rekey' && row) {
          // The same id under another createdAt and sequence (frames never move a held row; REST does).
          const copy = { ...row.message, createdAt: row.message.createdAt + ((o.n * 997) % 3_000) - 1_500, sequence: (row.message.sequence ?? 0) + o.n };
          this.rekeyed.add(keyOf(copy));
          batch.push(messageNew({ sessionId: row.sessionId, message: copy }));
        }
        if (o.fault === 'drop') {
          // Frames are lost only with the socket that carried them (TCP): the rest of the batch never
          // arrives either, and the socket closes.
          batch.splice(0);
          this.send(batch);
          this.disconnect();
          break;
        }
        this.send(batch);
        break;
      }
      case 'flush':
        this.flush();
        break;
      case 'disconnect':
        this.disconnect();
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
  checkNoRollback(entries: Map<string, SessionEntry | null>) {
    const { sam } = this.h;
    for (const id of SESSIONS.filter((s) => s !== OPEN)) {
      const shown = entries.get(id)?.session.status;
      const frame = this.applied.get(id);
      const page = sam.lastRowDelivery.get(id);
      const last = !page || (frame && frame.order > page.order) ? frame : page;
      if (shown !== undefined && last) expect({ id, shown }).toEqual({ id, shown: last.status });
    }
  }

  /** Invariant 3, for tasks: the server version of the snapshot held never goes down. */
  checkTaskVersions(snapshots: ReturnType<typeof readSnapshots>) {
    for (const [taskId, held] of snapshots) {
      const version = held.overlay ? (held.overlay as { testVersion?: number }).testVersion : held.task?.updatedAt;
      if (version === undefined) continue;
      expect({ taskId, version: Math.max(version, this.heldVersions.get(taskId) ?? 0) }).toEqual({ taskId, version });
      this.heldVersions.set(taskId, version);
    }
  }

  /**
   * The open chat holds exactly the server's rows, each once, in display order. A row may sit under a
   * re-keyed copy's createdAt/sequence only if no REST page has re-read it since; otherwise it is the
   * server's row. The conversation is the one folded from those rows.
   */
  checkMessages() {
    const server = this.h.sam.messages.get(OPEN) ?? [];
    const chat = this.h.chat(OPEN);
    const held = logToArray(chat?.log ?? emptyLog);
    const heldById = new Map(held.map((m) => [m.id, m]));
    expect(heldById.size).toBe(held.length);
    expect([...heldById.keys()].sort()).toEqual(server.map((m) => m.id).sort());
    const expected = server.map((m) => {
      const mine = heldById.get(m.id);
      return mine && keyOf(mine) !== keyOf(m) && this.rekeyed.has(keyOf(mine)) ? { ...m, createdAt: mine.createdAt, sequence: mine.sequence } : m;
    });
    expect(held.map(keyOf)).toEqual(sortUnique(expected).map(keyOf));
    expect(chat && conversationItems(chat.conversation, chat.pendingSends)).toEqual(conversation(sortUnique(expected), []));
  }

  check() {
    const snapshots = readSnapshots(this.h.client, PROJECT);
    const entries = this.h.entries(SESSIONS);
    this.checkTerminalWins(entries, snapshots);
    this.checkNoRollback(entries);
    this.checkTaskVersions(snapshots);
  }

  /**
   * Checked after every step. Invariant 2: a terminal task held means the session shows exactly that.
   * Invariant 3: when the newest task information that reached the client (by server version) came from
   * the tasks list or task route and is terminal, that is what shows: no older page rolled it back.
   * (An embedded snapshot is written only after its chat's catch-up pages, so it is not held to "at once".)
   */
  checkTerminalWins(entries: Map<string, SessionEntry | null>, snapshots: ReturnType<typeof readSnapshots>) {
    for (const id of SESSIONS) {
      const entry = entries.get(id);
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
    this.connected = true;
    this.disconnect();
    await drain();
    await this.reconnect();
    await this.settle();
  }
}

function truthState(h: Harness, id: string) {
  const row = h.sam.sessions.get(id);
  const state = h.sam.states.get(id);
  if (!row || !state) throw new Error(`no session ${id}`);
  const facts: SessionFacts = {
    ...row,
    activity: state.activity,
    promptStartedAt: state.promptStartedAt,
    statusError: state.statusError,
    wakePhase: state.wakePhase,
    recoveryStatus: state.recoveryStatus,
    wakeAt: null,
  };
  return sessionView(facts, row.taskId ? (h.sam.tasks.get(row.taskId) ?? null) : null, LIVE, h.env.now()).state;
}

async function runScript(ops: Op[]) {
  const h = createHarness({ start: T0 });
  // Windows of a few rows, so that bursts and long disconnects overflow them (SAM: 500 / 5000 / 50000).
  h.sam.limits = { page: 6, delta: 5, max: 7 };
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
    run.checkMessages();

    await run.quietReconnect();
    run.check();
    run.checkMessages();
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
    [
      { k: 'hold', on: true },
      { k: 'refetch', what: 'sessions' },
      { k: 'session', s: 1, pick: 0 },
      { k: 'deliver', n: 4, fault: 'none' },
      { k: 'flush' },
      { k: 'release', pick: 0 },
    ],
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
  // Found by the generators of SAM's real message behaviour, on the code before the catch-up fixes:
  [
    // seed -1097796164: an agent row stamped 4 ms before the newest row held (VM clock, late flush) was
    // skipped by a catch-up resuming from that newest row.
    'a late-persisted agent row lost with a dropped socket comes back in the catch-up',
    [
      { k: 'msg', s: 0, role: 'tool', call: 0, late: 4 },
      { k: 'refetch', what: 'tasks' },
      { k: 'deliver', n: 1, fault: 'drop' },
      { k: 'refetch', what: 'tasks' },
      { k: 'release', pick: 0 },
      { k: 'release', pick: 0 },
    ],
  ],
  [
    // seed 1835198: the same id under another createdAt/sequence was held twice.
    'a row re-sent under another sequence and createdAt is held once',
    [
      { k: 'burst', s: 0, n: 5 },
      { k: 'deliver', n: 1, fault: 'rekey' },
      { k: 'deliver', n: 1, fault: 'none' },
      { k: 'refetch', what: 'tasks' },
      { k: 'release', pick: 0 },
      { k: 'msg', s: 0, role: 'user', call: 0, late: 0 },
      { k: 'hold', on: false },
    ],
  ],
  [
    // seed 1866861722: more rows than the `after=` window while disconnected; the window held only the
    // newest, read as a forward page, and the rows between were never fetched.
    'rows beyond one after= window written during a disconnect all arrive',
    [
      { k: 'deliver', n: 1, fault: 'drop' },
      { k: 'burst', s: 0, n: 5 },
      { k: 'release', pick: 0 },
      { k: 'msg', s: 0, role: 'user', call: 0, late: 0 },
      { k: 'refetch', what: 'tasks' },
      { k: 'reconnect' },
      { k: 'task', s: 0, pick: 0 },
    ],
  ],
];

/** Runs seeds base..base+runs-1 one by one; prints each failure (seed, shrunk script) and progress. */
async function soak(runs: number, base: number): Promise<number[]> {
  const log = (line: string) => (globalThis as { console: { log(s: string): void } }).console.log(line);
  const started = Date.now();
  const failed: number[] = [];
  log(`soak: ${runs} runs from seed ${base}`);
  for (let i = 0; i < runs; i += 1) {
    const seed = base + i;
    const result = await fc.check(fc.asyncProperty(script, runScript), { numRuns: 1, seed });
    if (result.failed) {
      failed.push(seed);
      log(`FAILED seed ${seed} (replay: LOOKOUT_FUZZ_SEED=${seed} LOOKOUT_FUZZ_RUNS=1): ${JSON.stringify(result.counterexample)}`);
    }
    if ((i + 1) % 1000 === 0) log(`soak: ${i + 1} runs, ${failed.length} failed, ${Math.round((Date.now() - started) / 1000)} s`);
  }
  log(`soak: done, ${runs} runs, ${failed.length} failed (${failed.join(', ') || 'none'}), ${Math.round((Date.now() - started) / 1000)} s`);
  return failed;
}

describe('convergence under a faulty channel (seeded fuzz)', () => {
  it.each(REGRESSIONS)('regression: %s', async (_name, ops) => {
    await runScript(ops);
  });

  it.skipIf(SOAK)(
    `converges to the server's truth, and a terminal task always wins (${RUNS} runs)`,
    async () => {
      await fc.assert(fc.asyncProperty(script, runScript), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
    },
    180_000,
  );

  it.runIf(SOAK)(
    `soak: ${RUNS} runs, one seed each, every failing seed printed`,
    async () => {
      const failed = await soak(RUNS, SEED ?? 1);
      expect(failed).toEqual([]);
    },
    0,
  );
});
