import type { ScenarioContext } from './context';
import { taskScript } from '../fleet/scripts';

const SEC = 1_000;
const MIN = 60 * SEC;
const DAY = 24 * 60 * MIN;

export const MACHINE_TOPICS = {
  waking: 'Upgrade the ORM and fix the breaking changes',
  recovery: 'Add a health check endpoint to the API',
  retrying: 'Write the migration guide for v3',
  idle: 'Tidy the README badges',
} as const;

/** When (clock time after the start) the sleeping chat gets its follow-up and starts waking. */
export const WAKE_AFTER_MS = 5 * SEC;
/** When the VM agent retries the running prompt again (the first retry is already in its events). */
export const NEXT_RETRY_AFTER_MS = 20 * SEC;
/** The idle chat's workspace is reclaimed this long after the start (15 min after its last message). */
export const IDLE_CLEANUP_IN_MS = 12 * MIN;

/** A devcontainer build that failed: colours, a carriage-return progress line and markup, all as the wire carries them. */
const BUILD_ERROR = [
  '\u001b[1m#7 [3/4] RUN npm ci\u001b[0m',
  'npm ERR! code ERESOLVE\rnpm ERR! could not resolve <script>alert(1)</script>',
  '\u001b[31mERROR: failed to solve: process "/bin/sh -c npm ci" did not complete successfully: exit code: 1\u001b[0m',
].join('\n');

/**
 * The machine behind the chats (docs/machine.md): a sleeping conversation that is woken 5 s in (its
 * phases, and the new VM's boot log, on the clock); a chat in a recovery container whose devcontainer
 * build failed; a prompt the VM agent retries after provider overloads (2/5 now, 3/5 20 s in); an idle
 * chat whose workspace is cleaned up in 12 min unless kept alive.
 */
export function buildMachine({ world, fleet, rng, now }: ScenarioContext): void {
  const project = world.addProject({ name: 'machine-room', repository: 'acme/machine-room' }, now - 30 * DAY);
  const p = project.id;

  const waking = fleet.spawn({
    projectId: p,
    title: MACHINE_TOPICS.waking,
    taskMode: 'conversation',
    script: taskScript(rng, { title: MACHINE_TOPICS.waking, ending: 'sleep', rounds: 1 }),
    at: now - 2 * 60 * MIN,
  });
  world.clock.setTimeout(() => fleet.prompt(waking.session.id, 'The tests pass now; carry on with the upgrade.'), WAKE_AFTER_MS);

  const recovery = fleet.spawn({
    projectId: p,
    title: MACHINE_TOPICS.recovery,
    taskMode: 'conversation',
    script: taskScript(rng, { title: MACHINE_TOPICS.recovery, ending: 'idle', rounds: 1 }),
    at: now - 40 * MIN,
  });
  const fallback = world.machines.ensure(recovery.session, 'recovery');
  const bootAt = now - 40 * MIN;
  const boot = (step: string, status: 'started' | 'completed' | 'failed', message: string, detail: string | null = null, after = 0) =>
    world.machines.bootLine(fallback.id, { step, status, message, detail, at: bootAt + after });
  boot('volume_create', 'started', 'Creating workspace volume');
  boot('volume_create', 'completed', 'Workspace volume ready', null, 2 * SEC);
  boot('git_clone', 'started', 'Cloning repository', null, 3 * SEC);
  boot('git_clone', 'completed', 'Repository cloned', null, 9 * SEC);
  boot('devcontainer_wait', 'started', 'Waiting for devcontainer CLI', null, 10 * SEC);
  boot('devcontainer_up', 'started', 'Building devcontainer', null, 10 * SEC);
  boot('devcontainer_up', 'failed', 'Devcontainer build failed', BUILD_ERROR, 95 * SEC);
  boot('devcontainer_up', 'completed', 'Devcontainer ready (fallback to default image)', null, 130 * SEC);
  boot('git_creds', 'completed', 'Git credentials configured', null, 132 * SEC);
  boot('workspace_ready', 'completed', 'Workspace is ready', null, 134 * SEC);

  const retrying = fleet.spawn({
    projectId: p,
    title: MACHINE_TOPICS.retrying,
    script: [
      { kind: 'think', chunks: ['Outlining the guide before writing it.'] },
      { kind: 'pause', ms: 60 * MIN },
    ],
    at: now - 2 * MIN,
  });
  const busy = world.machines.ensure(retrying.session, 'running');
  const retry = (retryAttempt: number, at: number) =>
    world.machines.nodeEvent(
      busy.id,
      {
        level: 'warn',
        type: 'agent_session.prompt_retry',
        message: 'Retrying ACP prompt after transient provider error',
        detail: {
          acpSessionId: retrying.session.agentSessionId,
          failedAttempt: retryAttempt - 1,
          retryAttempt,
          totalAttempts: 5,
          maxRetries: 4,
          delay: `${2 ** (retryAttempt - 1)}s`,
          duration: '41.2s',
          error: 'API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
        },
      },
      at,
    );
  world.machines.nodeEvent(busy.id, { level: 'info', type: 'agent_session.started', message: 'Agent session started', detail: {} }, now - 100 * SEC);
  retry(2, now - 20 * SEC);
  world.clock.setTimeout(() => retry(3, world.now()), NEXT_RETRY_AFTER_MS);

  const idle = fleet.spawn({
    projectId: p,
    title: MACHINE_TOPICS.idle,
    script: taskScript(rng, { title: MACHINE_TOPICS.idle, ending: 'idle', rounds: 1 }),
    at: now - 10 * MIN,
  });
  world.machines.ensure(idle.session, 'running');
  // SAM resets the schedule on every persisted message: 15 min after the last one.
  world.machines.scheduleIdleCleanup(idle.session.id, now + IDLE_CLEANUP_IN_MS - 15 * MIN);
}
