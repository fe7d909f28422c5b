import type { ScenarioContext } from './context';
import { taskScript } from '../fleet/scripts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A project with no sessions and no notifications. */
export function buildEmpty({ world, now }: ScenarioContext): void {
  world.addProject({ name: 'fresh-start', repository: 'acme/fresh-start', description: 'Nothing here yet.' }, now - 2 * DAY);
}

/** A small world behind a signed-out session: every request answers 401. */
export function buildSignedOut(ctx: ScenarioContext): void {
  const { world, fleet, rng, now } = ctx;
  const project = world.addProject({ name: 'lookout-web', repository: 'acme/lookout-web' }, now - 30 * DAY);
  fleet.spawn({
    projectId: project.id,
    title: 'Fix flaky session list test on CI',
    script: taskScript(rng, { title: 'Fix flaky session list test on CI', ending: 'complete', rounds: 1 }),
    at: now - 2 * 60 * MIN,
  });
  ctx.faults.signOut();
}

/**
 * SAM's stale row: the task failed but the session row still says `active` (no session.failed). One
 * session is already in that state; another fails about half a minute after the start, live.
 */
export function buildStaleActive(ctx: ScenarioContext): void {
  const { world, fleet, rng, now } = ctx;
  ctx.faults.keepSessionActiveAfterTaskFailure(true);
  const project = world.addProject({ name: 'lookout-web', repository: 'acme/lookout-web' }, now - 60 * DAY);
  fleet.spawn({
    projectId: project.id,
    title: 'Add an audit log for project membership changes',
    script: taskScript(rng, {
      title: 'Add an audit log for project membership changes',
      ending: 'fail',
      rounds: 1,
      error: 'Agent session timed out waiting for the VM agent',
    }),
    at: now - 15 * MIN,
  });
  fleet.spawn({
    projectId: project.id,
    title: 'Split the monolithic router into feature modules',
    script: taskScript(rng, {
      title: 'Split the monolithic router into feature modules',
      ending: 'fail',
      rounds: 1,
      error: 'Tests failed after 3 attempts: 4 failing in src/server/queue',
      sqlTimestamps: true,
    }),
    at: now - 5_000,
  });
  fleet.spawn({
    projectId: project.id,
    title: 'Add pagination to the admin users table',
    script: taskScript(rng, { title: 'Add pagination to the admin users table', ending: 'complete', rounds: 1 }),
    at: now - 40 * MIN,
  });
}
