import type { Rng } from '../world/rng';
import type { SessionRec } from '../world/types';
import type { World } from '../world/world';
import type { SpawnOptions } from './steps';

/** What a running step asks of its driver: let time pass, or wait for a human. */
export type Yield = { kind: 'wait'; ms: number } | { kind: 'input' };

/**
 * The agent as its steps and the control-plane reactions see it. Agent implements it, so the step runner
 * and the reactions never import Agent (which imports them to run its script).
 */
export interface StepAgent {
  readonly world: World;
  readonly fleet: { spawn(options: SpawnOptions): unknown };
  readonly session: SessionRec;
  readonly rng: Rng;
  readonly taskId: string | null;
  /** The time of the agent's next write. */
  readonly t: number;
  /** The answer to the last question, once given. */
  readonly answer: string | null;
  halt(): void;
}
