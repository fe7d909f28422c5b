import type { TimerId } from '../world/clock';
import type { Rng } from '../world/rng';
import type { SessionRec } from '../world/types';
import type { World } from '../world/world';
import { execStep } from './exec';
import { bootSequence } from './reactions';
import type { StepAgent, Yield } from './stepAgent';
import type { Step } from './steps';

export type AgentState = 'running' | 'waiting' | 'idle';

/**
 * One scripted agent bound to a session. It runs its steps as a generator on the clock: each `wait`
 * moves the agent's own time `t`. While `t` is in the past (a scenario's history) the steps run at once
 * with past timestamps; once `t` passes the clock, they wait for the clock to advance.
 */
export class Agent implements StepAgent {
  state: AgentState = 'idle';
  /** The time of the agent's next write. */
  t: number;
  /** The answer to the last question, once given. */
  answer: string | null = null;
  /** Stops the agent when its time reaches this (a scenario's session that was interrupted in the past). */
  haltAt: number | null = null;
  private queue: Step[] = [];
  private gen: Generator<Yield, void, void> | null = null;
  private timer: TimerId | null = null;

  constructor(
    readonly world: World,
    readonly fleet: StepAgent['fleet'],
    readonly session: SessionRec,
    readonly rng: Rng,
    startAt: number,
  ) {
    this.t = startAt;
  }

  get taskId(): string | null {
    return this.session.taskId;
  }

  /**
   * Adds steps to run after the current ones; wakes the agent if it was idle. `at` starts an idle
   * agent at that time, possibly in the past (a scenario's history).
   */
  enqueue(steps: readonly Step[], options: { boot?: boolean; at?: number } = {}): void {
    const boot = options.boot ?? false;
    this.queue.push(...steps);
    if (this.state === 'idle') {
      this.t = options.at ?? Math.max(this.t, this.world.now());
      this.gen = this.run(boot);
      this.state = 'running';
      this.drive();
    }
  }

  /** Continues after a question was answered (or a prompt superseded it). */
  resume(answer: string): void {
    if (this.state !== 'waiting') return;
    this.answer = answer;
    this.state = 'running';
    this.t = Math.max(this.t, this.world.now());
    this.drive();
  }

  /** Stops whatever the agent was doing (interrupt, stop, failure). Rows already written stay. */
  halt(): void {
    if (this.timer !== null) this.world.clock.clearTimeout(this.timer);
    this.timer = null;
    this.gen = null;
    this.queue = [];
    this.state = 'idle';
  }

  get busy(): boolean {
    return this.state === 'running';
  }

  private drive(): void {
    this.timer = null;
    while (this.gen) {
      const gen = this.gen;
      const result = gen.next();
      // A step may halt this agent (failure, stop) or restart it; then this loop is no longer in charge.
      if (this.gen !== gen) return;
      if (result.done) {
        this.gen = null;
        this.state = 'idle';
        return;
      }
      const y = result.value;
      if (y.kind === 'input') {
        this.state = 'waiting';
        return;
      }
      this.t += Math.max(1, y.ms);
      if (this.haltAt !== null && this.t >= this.haltAt) {
        this.t = this.haltAt;
        this.haltAt = null;
        this.halt();
        return;
      }
      const now = this.world.now();
      if (this.t > now) {
        this.timer = this.world.clock.setTimeout(() => this.drive(), this.t - now);
        return;
      }
    }
  }

  private *run(boot: boolean): Generator<Yield, void, void> {
    if (boot) yield* bootSequence(this.world, this);
    while (this.queue.length > 0) {
      const step = this.queue.shift() as Step;
      if (step.kind === 'forever') {
        // Endless work yields to anything queued meanwhile (a prompt's reply), then refills.
        if (this.queue.length > 0) this.queue.push(step);
        else this.queue.push(...step.make(this.rng), step);
        continue;
      }
      yield { kind: 'wait', ms: this.rng.int(250, 1500) };
      yield* execStep(this, step);
    }
  }
}
