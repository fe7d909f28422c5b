import type { FaultController } from '../faults';
import type { Fleet } from '../fleet/fleet';
import type { Rng } from '../world/rng';
import type { World } from '../world/world';

/** What a scenario builds with (its own file, so the scenarios and their index never import each other). */
export interface ScenarioContext {
  world: World;
  fleet: Fleet;
  faults: FaultController;
  /** The scenario's own generator (derived from the seed). */
  rng: Rng;
  /** The clock's time when the scenario is built; history lies before it, live work after. */
  now: number;
}
