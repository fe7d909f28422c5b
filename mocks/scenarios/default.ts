import type { ScenarioContext } from './context';
import { summarizeSession } from '../fleet/summary';
import { say, taskScript } from '../fleet/scripts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * The everyday picture: three projects; the first has about a dozen sessions in every state the
 * dashboard must tell apart, and the notification feed has every type.
 */
export function buildDefault({ world, fleet, rng, now }: ScenarioContext): void {
  const ago = (ms: number) => now - ms;
  const web = world.addProject({ name: 'lookout-web', repository: 'acme/lookout-web', description: 'The customer-facing web app.' }, ago(90 * DAY));
  const billing = world.addProject({ name: 'billing-service', repository: 'acme/billing-service' }, ago(200 * DAY));
  const infra = world.addProject({ name: 'infra', repository: 'acme/infra', defaultBranch: 'trunk' }, ago(300 * DAY));
  const p = web.id;

  // Completed and archived, two days ago.
  const runbook = fleet.spawn({
    projectId: p,
    title: 'Document the deployment runbook',
    script: taskScript(rng, { title: 'Document the deployment runbook', ending: 'complete', rounds: 2 }),
    at: ago(2 * DAY),
  });
  fleet.stop(runbook.session.id, ago(2 * DAY - 2 * HOUR));
  world.notifications.create(
    {
      type: 'session_ended',
      projectId: p,
      sessionId: runbook.session.id,
      taskId: runbook.task.id,
      title: 'Session ended: Document the deployment runbook',
      body: 'The workspace was deleted.',
    },
    ago(2 * DAY - 2 * HOUR),
  );

  // Cancelled by the user a day ago.
  const moment = fleet.spawn({
    projectId: p,
    title: 'Replace moment with date-fns',
    script: taskScript(rng, { title: 'Replace moment with date-fns', ending: 'endless' }),
    at: ago(DAY + 10 * MIN),
    haltAt: ago(DAY),
  });
  fleet.stop(moment.session.id, ago(DAY));

  // Failed (a failure path that writes zone-less SQL timestamps), then retried: attempt 2 is working now.
  const memTitle = 'Investigate memory growth in the log shipper';
  const mem = fleet.spawn({
    projectId: p,
    title: memTitle,
    script: taskScript(rng, { title: memTitle, ending: 'fail', rounds: 2, error: 'Agent process exited with code 137 (out of memory)', sqlTimestamps: true }),
    at: ago(5 * HOUR),
  });
  fleet.spawn({
    projectId: p,
    title: memTitle,
    message: `Retry: ${memTitle}. Keep the heap snapshot small this time.`,
    parentTaskId: mem.task.id,
    contextSummary: summarizeSession(world, mem.session.id).summary,
    script: taskScript(rng, { title: memTitle, ending: 'complete', rounds: 14 }),
    at: ago(2 * MIN),
  });

  // Completed with a pull request; later forked into a follow-up conversation that waits for the user.
  const csvTitle = 'Make the CSV export stream instead of buffering';
  const csv = fleet.spawn({
    projectId: p,
    title: csvTitle,
    script: taskScript(rng, { title: csvTitle, ending: 'complete', rounds: 3 }),
    at: ago(3 * HOUR),
  });
  fleet.spawn({
    projectId: p,
    title: 'Add a progress bar to the CSV export',
    message: 'Building on the streaming export: show a progress bar while it downloads.',
    parentTaskId: csv.task.id,
    contextSummary: summarizeSession(world, csv.session.id).summary,
    taskMode: 'conversation',
    script: taskScript(rng, { title: 'Add a progress bar to the CSV export', ending: 'idle', rounds: 2 }),
    at: ago(50 * MIN),
  });

  // A conversation that went to sleep after its workspace idled.
  fleet.spawn({
    projectId: p,
    title: 'Upgrade the ORM and fix the breaking changes',
    taskMode: 'conversation',
    script: taskScript(rng, { title: 'Upgrade the ORM and fix the breaking changes', ending: 'sleep', rounds: 2 }),
    at: ago(2 * HOUR),
  });

  // Failed early: no capacity (ISO timestamps).
  fleet.spawn({
    projectId: p,
    title: 'Speed up the cold start of the worker',
    script: taskScript(rng, {
      title: 'Speed up the cold start of the worker',
      ending: 'fail',
      rounds: 0,
      error: 'Workspace provisioning failed: no capacity in region fra1',
    }),
    at: ago(30 * MIN),
  });

  // Waiting for an answer.
  fleet.spawn({
    projectId: p,
    title: 'Migrate settings page to the new form components',
    script: taskScript(rng, { title: 'Migrate settings page to the new form components', ending: 'ask', rounds: 1 }),
    at: ago(25 * MIN),
  });

  // Streaming for good, and it dispatched a subtask over MCP (dispatchDepth 1; not a fork).
  const subTitle = 'Write tests for the retry helper';
  fleet.spawn({
    projectId: p,
    title: 'Add retry with backoff to the webhook dispatcher',
    script: taskScript(rng, {
      title: 'Add retry with backoff to the webhook dispatcher',
      ending: 'endless',
      rounds: 1,
      dispatch: { title: subTitle, script: taskScript(rng, { title: subTitle, ending: 'endless', rounds: 1 }) },
    }),
    at: ago(6 * MIN),
  });

  // Working now, finishes a minute or two after the start.
  fleet.spawn({
    projectId: p,
    title: 'Fix flaky session list test on CI',
    script: taskScript(rng, { title: 'Fix flaky session list test on CI', ending: 'complete', rounds: 4 }),
    at: ago(40_000),
  });

  // Just submitted: still queued / being provisioned.
  fleet.spawn({
    projectId: p,
    title: 'Add rate limiting to the public API',
    script: taskScript(rng, { title: 'Add rate limiting to the public API', ending: 'complete', rounds: 3 }),
    at: ago(1_000),
  });

  // ---------- the other projects ----------
  fleet.spawn({
    projectId: billing.id,
    title: 'Fix timezone bug in the billing report',
    script: taskScript(rng, { title: 'Fix timezone bug in the billing report', ending: 'complete', rounds: 2 }),
    at: ago(7 * HOUR),
  });
  fleet.spawn({
    projectId: billing.id,
    title: 'Add an audit log for project membership changes',
    script: taskScript(rng, { title: 'Add an audit log for project membership changes', ending: 'complete', rounds: 5 }),
    at: ago(20_000),
  });
  fleet.spawn({
    projectId: infra.id,
    title: 'Harden the file upload endpoint',
    script: [say(rng, 'Checked the limits; everything is already enforced at the proxy.'), { kind: 'idle' }],
    taskMode: 'conversation',
    at: ago(3 * DAY),
  });
  world.notifications.create(
    {
      type: 'cron_failure',
      projectId: infra.id,
      title: 'Nightly dependency audit failed',
      body: 'The cron trigger "nightly-audit" failed 3 times in a row.',
      actionUrl: `/projects/${infra.id}`,
    },
    ago(9 * HOUR),
  );
  world.notifications.create({ type: 'progress', projectId: p, title: 'lookout-web: 3 agents working', body: 'Progress digest.' }, ago(12 * MIN));

  // Older notifications have been read; one was dismissed.
  for (const n of world.notifications.all()) {
    if (n.createdAt < ago(4 * HOUR)) world.notifications.markRead(n.id, n.createdAt + 15 * MIN);
  }
  const oldest = world.notifications.all().find((n) => n.type === 'pr_created');
  if (oldest) world.notifications.dismiss(oldest.id, oldest.createdAt + 20 * MIN);
}
