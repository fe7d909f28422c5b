/**
 * The simulator's time. Everything in mocks/ reads time and schedules work through a Clock, so tests
 * can drive it step by step and the browser can freeze or speed it up.
 */
export type TimerId = number;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
  /** Moves time forward by `ms`, running every callback that falls due, in order. */
  advance(ms: number): void;
  /** How many callbacks are waiting. */
  pending(): number;
}

interface Timer {
  id: TimerId;
  due: number;
  callback: () => void;
}

const MAX_CALLBACKS_PER_ADVANCE = 2_000_000;

/**
 * A clock that moves only when told to. Timers due at the same instant run in the order they were
 * scheduled, so a run is fully deterministic.
 */
export class ManualClock implements Clock {
  protected current: number;
  private timers: Timer[] = [];
  private nextId = 1;
  protected running = false;

  constructor(start: number) {
    this.current = Math.floor(start);
  }

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): TimerId {
    const due = this.now() + Math.max(0, Math.floor(ms));
    const timer: Timer = { id: this.nextId++, due, callback };
    // Keep the queue sorted by (due, id): insert after every timer due at or before `due`.
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.timers[mid] as Timer).due <= due) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
    return timer.id;
  }

  clearTimeout(id: TimerId): void {
    const index = this.timers.findIndex((t) => t.id === id);
    if (index >= 0) this.timers.splice(index, 1);
  }

  pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    this.advanceTo(this.current + Math.max(0, Math.floor(ms)));
  }

  /** Runs due callbacks up to `target` (never moves backwards). */
  protected advanceTo(target: number): void {
    if (this.running) {
      // Called from inside a callback: just move the target; the outer loop picks the timers up.
      this.current = Math.max(this.current, target);
      return;
    }
    this.running = true;
    try {
      let runs = 0;
      for (let first = this.timers[0]; first && first.due <= target; first = this.timers[0]) {
        this.timers.shift();
        this.current = Math.max(this.current, first.due);
        first.callback();
        if (++runs > MAX_CALLBACKS_PER_ADVANCE) throw new Error('ManualClock: runaway timers');
      }
      this.current = Math.max(this.current, target);
    } finally {
      this.running = false;
    }
  }
}

export interface RealTimeClockOptions {
  /** Virtual milliseconds per real millisecond. */
  speed?: number;
  frozen?: boolean;
  /** Real time source and ticker, injectable for tests. */
  realNow?: () => number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  tickMs?: number;
}

/**
 * A clock for the browser: virtual time follows real time (times `speed`) unless frozen. Frozen, it
 * moves only through `advance(ms)`, which is what screenshots and Playwright use.
 */
export class RealTimeClock extends ManualClock {
  private anchorReal: number;
  private anchorVirtual: number;
  private speedValue: number;
  private frozenValue: boolean;
  private readonly realNow: () => number;
  private readonly stopTicker: () => void;

  constructor(start: number, options: RealTimeClockOptions = {}) {
    super(start);
    this.realNow = options.realNow ?? (() => Date.now());
    this.anchorReal = this.realNow();
    this.anchorVirtual = this.current;
    this.speedValue = options.speed ?? 1;
    this.frozenValue = options.frozen ?? false;
    const setIntervalFn = options.setInterval ?? ((fn, ms) => globalThis.setInterval(fn, ms));
    const clearIntervalFn = options.clearInterval ?? ((handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
    const handle = setIntervalFn(() => this.tick(), options.tickMs ?? 50);
    this.stopTicker = () => clearIntervalFn(handle);
  }

  get frozen(): boolean {
    return this.frozenValue;
  }

  get speed(): number {
    return this.speedValue;
  }

  private virtualNow(): number {
    if (this.frozenValue) return this.anchorVirtual;
    return Math.floor(this.anchorVirtual + (this.realNow() - this.anchorReal) * this.speedValue);
  }

  override now(): number {
    // Inside a callback, time is the callback's due time; outside, it is the virtual wall clock.
    return this.running ? this.current : Math.max(this.current, this.virtualNow());
  }

  /** Runs whatever fell due since the last tick. */
  tick(): void {
    this.advanceTo(this.virtualNow());
  }

  override advance(ms: number): void {
    this.rebase();
    this.anchorVirtual += Math.max(0, Math.floor(ms));
    this.tick();
  }

  freeze(): void {
    this.rebase();
    this.frozenValue = true;
  }

  resume(): void {
    this.rebase();
    this.frozenValue = false;
  }

  setSpeed(speed: number): void {
    this.rebase();
    this.speedValue = Math.max(0, speed);
  }

  dispose(): void {
    this.stopTicker();
  }

  private rebase(): void {
    this.anchorVirtual = Math.max(this.current, this.virtualNow());
    this.anchorReal = this.realNow();
  }
}

/** A real-time clock whose virtual time starts at the real current time (or at `start`). */
export function createRealTimeClock(start: number | null, options: RealTimeClockOptions = {}): RealTimeClock {
  const realNow = options.realNow ?? (() => Date.now());
  return new RealTimeClock(start ?? realNow(), { ...options, realNow });
}
