import { FramePipeline, SOCKET_KINDS, malformedFrame, type MalformedKind, type OutFrame, type SocketKind } from './frames';
import type { Clock } from './world/clock';
import type { World } from './world/world';

export type { MalformedKind, OutFrame, SocketKind } from './frames';

/** What the socket layer must offer the fault controller. */
export interface SocketControl {
  drop(kind: SocketKind | undefined, code: number, reason: string): number;
  sendRaw(kind: SocketKind, data: string): number;
  /** Sends a frame that made it through the pipeline to the sockets it belongs to. */
  deliver(frame: OutFrame): void;
}

interface RequestFailure {
  status: number;
  remaining: number;
  match: string | RegExp | null;
}

export interface FaultSnapshot {
  signedOut: boolean;
  staleActive: boolean;
  skipSequence: number;
  latencyMs: number;
  failingRequests: number;
  streams: Record<SocketKind, { duplicate: number; reorder: number; held: number; delayMs: number; blocked: boolean }>;
}

const kinds = (kind?: SocketKind) => (kind ? [kind] : SOCKET_KINDS);

/**
 * The fault controller: everything that can go wrong between SAM and the dashboard, switchable from
 * tests, Playwright (`window.__lookoutSim.faults`) and the dev panel.
 */
export class FaultController {
  private readonly pipeline: FramePipeline;
  private failures: RequestFailure[] = [];
  private signedOutValue = false;
  private latency = 0;
  /** Answers waiting for `releaseResponses` while responses are held; null when they pass. */
  private heldResponses: Array<() => void> | null = null;
  private sockets: SocketControl | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly world: World,
    clock: Clock,
  ) {
    this.pipeline = new FramePipeline(clock, (frame) => this.sockets?.deliver(frame));
  }

  /** Called by the socket layer once it exists. */
  attachSockets(sockets: SocketControl): void {
    this.sockets = sockets;
  }

  // ---------- sockets ----------
  /** Closes open sockets with a non-1000 code, as a restarting durable object does. Returns how many. */
  dropSockets(kind?: SocketKind, code = 1012, reason = 'Service restart'): number {
    return this.sockets?.drop(kind, code, reason) ?? 0;
  }

  /** A deploy: every socket of every kind drops at once. */
  closeAll(): number {
    return this.dropSockets(undefined, 1012, 'Deploy in progress');
  }

  /** Refuses new connections (they close at once with 1006) until `unblockSockets()`. */
  blockSockets(kind?: SocketKind): void {
    this.set(kind, (s) => (s.blocked = true));
  }

  unblockSockets(kind?: SocketKind): void {
    this.set(kind, (s) => (s.blocked = false));
  }

  isBlocked(kind: SocketKind): boolean {
    return this.pipeline.streams[kind].blocked;
  }

  // ---------- connection lifecycle (sockets closed cleanly, sign-in expiring) ----------
  /**
   * Closes every socket with code 1000, as SAM does when its durable object restarts or deploys: a clean
   * close that is still not the end of the stream. Returns how many.
   */
  closeAllNormally(reason = 'Durable Object restart'): number {
    return this.dropSockets(undefined, 1000, reason);
  }

  // ---------- frames ----------
  /** Each of the next `count` frames is sent twice. */
  duplicateNextFrames(count = 1, kind?: SocketKind): void {
    this.set(kind, (s) => (s.duplicate += Math.max(0, count)));
  }

  /** Holds the next `count` frames, then sends them in reverse order. */
  reorderNextFrames(count = 2, kind?: SocketKind): void {
    this.set(kind, (s) => (s.reorder += Math.max(0, count)));
  }

  /** Sends frames held for reordering now (in reverse), e.g. when too few frames came. */
  releaseHeldFrames(): void {
    for (const k of SOCKET_KINDS) this.pipeline.flushHeld(k);
    this.changed();
  }

  /** Delays every frame by `ms` of clock time (0 turns it off). */
  delayFrames(ms: number, kind?: SocketKind): void {
    this.set(kind, (s) => (s.delayMs = Math.max(0, ms)));
  }

  /** The next `count` message frames (optionally of one session) are persisted but never sent: a sequence gap. */
  skipNextSequence(count = 1, sessionId?: string): void {
    this.pipeline.skip = { count: this.pipeline.skip.count + count, sessionId: sessionId ?? null };
    this.changed();
  }

  /** Sends one bad frame to every open socket of a kind. Returns how many sockets got it. */
  sendMalformed(variant: MalformedKind, kind: SocketKind = 'project'): number {
    return this.sockets?.sendRaw(kind, malformedFrame(variant, kind)) ?? 0;
  }

  /** Used by the socket layer: applies the frame faults, then delivers. */
  process(frame: OutFrame): void {
    const skipping = this.pipeline.skip.count;
    this.pipeline.process(frame);
    if (this.pipeline.skip.count !== skipping) this.changed();
  }

  // ---------- world ----------
  /** While on, a failing task leaves its session row `active` (no session.failed). */
  keepSessionActiveAfterTaskFailure(on = true): void {
    this.world.flags.keepSessionActiveAfterTaskFailure = on;
    this.changed();
  }

  /**
   * The sessions list lags the live object by up to `ms` (SAM's D1 index, synced ~5 s after writes:
   * Corrections 9); 0 turns it off.
   */
  lagSessionList(ms = 5_000): void {
    this.world.sessions.setIndexLag(ms);
    this.changed();
  }

  // ---------- HTTP ----------
  /** The next `count` requests (matching `match`: a substring or RegExp of "METHOD /path") answer `status`. */
  failNextRequests(status: number, count = 1, match?: string | RegExp): void {
    this.failures.push({ status, remaining: count, match: match ?? null });
    this.changed();
  }

  /** Every request answers 401 and sockets are refused, until `signIn()`. */
  signOut(): void {
    this.signedOutValue = true;
    this.dropSockets(undefined, 1008, 'Unauthorized');
    this.changed();
  }

  signIn(): void {
    this.signedOutValue = false;
    this.changed();
  }

  get signedOut(): boolean {
    return this.signedOutValue;
  }

  /** Real-time latency added to every HTTP response (ms). */
  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
    this.changed();
  }

  get latencyMs(): number {
    return this.latency;
  }

  /**
   * HTTP answers wait until `releaseResponses`: a test can look at the screen while a request is on its way
   * for as long as it needs, where a latency would race it.
   */
  holdResponses(): void {
    this.heldResponses ??= [];
    this.changed();
  }

  releaseResponses(): void {
    const waiting = this.heldResponses ?? [];
    this.heldResponses = null;
    for (const answer of waiting) answer();
    this.changed();
  }

  /** Resolves when an answer may go: at once, or when held answers are released. */
  responsePassage(): Promise<void> {
    const held = this.heldResponses;
    return held ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve();
  }

  /** Consumes a scheduled failure for this request, if one matches. */
  takeRequestFailure(method: string, path: string): number | null {
    const target = `${method.toUpperCase()} ${path}`;
    const hit = this.failures.find((f) => (f.match === null ? true : typeof f.match === 'string' ? target.includes(f.match) : f.match.test(target)));
    if (!hit) return null;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.failures.splice(this.failures.indexOf(hit), 1);
    this.changed();
    return hit.status;
  }

  /** Turns every fault off (held frames are released). */
  reset(): void {
    this.pipeline.reset();
    this.failures = [];
    this.signedOutValue = false;
    this.latency = 0;
    this.releaseResponses();
    this.world.flags.keepSessionActiveAfterTaskFailure = false;
    this.world.sessions.setIndexLag(0);
    this.changed();
  }

  snapshot(): FaultSnapshot {
    const stream = (k: SocketKind) => {
      const s = this.pipeline.streams[k];
      return { duplicate: s.duplicate, reorder: s.reorder, held: s.held.length, delayMs: s.delayMs, blocked: s.blocked };
    };
    return {
      signedOut: this.signedOutValue,
      staleActive: this.world.flags.keepSessionActiveAfterTaskFailure,
      skipSequence: this.pipeline.skip.count,
      latencyMs: this.latency,
      failingRequests: this.failures.reduce((n, f) => n + f.remaining, 0),
      streams: { project: stream('project'), notifications: stream('notifications') },
    };
  }

  /** For the dev panel: called after every change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(kind: SocketKind | undefined, apply: (s: FramePipeline['streams'][SocketKind]) => void): void {
    for (const k of kinds(kind)) apply(this.pipeline.streams[k]);
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
