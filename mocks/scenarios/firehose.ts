import type { ScenarioContext } from './context';
import { TASK_TITLES } from '../fleet/corpus';
import { taskScript } from '../fleet/scripts';

/** 50 agents streaming at once, all in one project. */
export function buildFirehose({ world, fleet, rng, now }: ScenarioContext): void {
  const project = world.addProject({ name: 'firehose', repository: 'acme/monorepo' }, now - 10 * 86_400_000);
  for (let i = 0; i < 50; i++) {
    const title = `${rng.pick(TASK_TITLES)} (#${i + 1})`;
    fleet.spawn({
      projectId: project.id,
      title,
      script: taskScript(rng, { title, ending: 'endless', rounds: 0 }),
      at: now - rng.int(5_000, 60_000),
    });
  }
}
