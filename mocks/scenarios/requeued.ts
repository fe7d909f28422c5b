import type { ScenarioContext } from './context';
import { taskScript } from '../fleet/scripts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** Sent back to work in place 20 s after the start (clock time), so a test can watch Failed give way. */
export const REQUEUE_LIVE_AFTER_MS = 20_000;

/**
 * SAM retries failed tasks in place (failed -> ready -> queued ...), and the session rows keep saying
 * `failed` meanwhile. One task was sent back a minute ago and waits for a VM; another failed (a
 * `datetime('now')` failure path: whole-second times) and is sent back 20 s after the start, live.
 * The sessions list lags by 5 s, as SAM's index does.
 */
export function buildRequeued({ world, fleet, faults, rng, now }: ScenarioContext): void {
  const project = world.addProject({ name: 'lookout-web', repository: 'acme/lookout-web' }, now - 60 * DAY);
  const waiting = fleet.spawn({
    projectId: project.id,
    title: 'Migrate the billing webhooks to the new queue',
    script: taskScript(rng, { title: 'Migrate the billing webhooks to the new queue', ending: 'fail', rounds: 1, error: 'VM agent lost', sqlTimestamps: true }),
    at: now - 30 * MIN,
  });
  world.tasks.retryInPlace(waiting.task.id, now - MIN);
  const live = fleet.spawn({
    projectId: project.id,
    title: 'Backfill the search index for archived projects',
    script: taskScript(rng, {
      title: 'Backfill the search index for archived projects',
      ending: 'fail',
      rounds: 1,
      error: 'Out of disk space on /workspace',
      sqlTimestamps: true,
    }),
    at: now - 20 * MIN,
  });
  world.clock.setTimeout(() => world.tasks.retryInPlace(live.task.id), REQUEUE_LIVE_AFTER_MS);
  fleet.spawn({
    projectId: project.id,
    title: 'Add pagination to the admin users table',
    script: taskScript(rng, { title: 'Add pagination to the admin users table', ending: 'complete', rounds: 1 }),
    at: now - 40 * MIN,
  });
  // And SAM's sessions list lags by a few seconds (Corrections 9): synced now, then 5 s after writes.
  faults.lagSessionList(5_000);
}
