import type { TaskRec } from '../world/types';
import type { World } from '../world/world';
import type { StepAgent, Yield } from './stepAgent';
import type { Step } from './steps';

/*
 * How the control plane reacts to what an agent does: the task lifecycle, session state and notifications.
 */

const wait = (ms: number): Yield => ({ kind: 'wait', ms });

/** queued -> delegated -> in_progress, through the execution steps a real dispatch goes through. */
export function* bootSequence(world: World, agent: StepAgent): Generator<Yield, void, void> {
  const taskId = agent.taskId;
  if (!taskId) return;
  const rng = agent.rng;
  const step = (executionStep: string) => world.tasks.update(taskId, { executionStep }, agent.t);
  const move = (to: string) => world.tasks.transition(taskId, to, { at: agent.t, actorType: 'system' }).ok;
  yield wait(rng.int(300, 800));
  step('node_selection');
  yield wait(rng.int(400, 1200));
  step('workspace_creation');
  if (!move('delegated')) return;
  yield wait(rng.int(800, 2000));
  step('agent_session');
  yield wait(rng.int(300, 900));
  if (!move('in_progress')) return;
  step('running');
  world.sessions.setActivity(agent.session.id, 'prompting', agent.t);
}

/**
 * The phases a replacement task reports while it wakes a chat (SAM's execution steps, in order; capacity
 * waits are skipped here), and the boot-log line the new VM agent writes in each, if any.
 */
const WAKE_STEPS: ReadonlyArray<{ phase: string; boot?: { step: string; started: string; completed: string } }> = [
  { phase: 'node_selection' },
  { phase: 'node_provisioning' },
  { phase: 'node_agent_ready' },
  { phase: 'workspace_creation', boot: { step: 'volume_create', started: 'Creating workspace volume', completed: 'Workspace volume ready' } },
  { phase: 'workspace_dispatch', boot: { step: 'git_clone', started: 'Cloning repository', completed: 'Repository cloned' } },
  { phase: 'workspace_ready', boot: { step: 'devcontainer_up', started: 'Building devcontainer', completed: 'Devcontainer ready' } },
  { phase: 'agent_session', boot: { step: 'workspace_ready', started: 'Marking workspace ready', completed: 'Workspace is ready' } },
];

/**
 * A sleeping (or failed) session comes back: claimed (`waking`, no phase yet), each phase as the task
 * runner reports it, then `restored` with no phase (task-runner wake-progress-notifier.ts), active again.
 * Its workspace is recreated on a new VM meanwhile: `creating`, with a boot log, then `running`.
 */
export function* wakeSequence(world: World, agent: StepAgent): Generator<Yield, void, void> {
  const id = agent.session.id;
  // The workspace comes back on a new VM: its outbox (the rows' sequence) starts again at 1.
  world.messages.replaceVm(id);
  const workspace = agent.session.workspaceId ? world.machines.ensure(agent.session, 'sleeping') : null;
  if (workspace) world.machines.replaceVm(workspace.id);
  world.sessions.setActivity(id, 'recovering', agent.t);
  world.sessions.wakeProgress(id, 'waking', null, agent.t);
  for (const { phase, boot } of WAKE_STEPS) {
    yield wait(agent.rng.int(300, 900));
    world.sessions.wakeProgress(id, 'waking', phase, agent.t);
    if (!workspace) continue;
    if (phase === 'workspace_creation') world.machines.setStatus(workspace.id, 'creating');
    if (boot) {
      world.machines.bootLine(workspace.id, { step: boot.step, status: 'started', message: boot.started, detail: null, at: agent.t });
      world.machines.bootLine(workspace.id, { step: boot.step, status: 'completed', message: boot.completed, detail: null, at: agent.t });
    }
  }
  yield wait(agent.rng.int(300, 900));
  if (workspace) {
    world.machines.setStatus(workspace.id, 'running');
    world.machines.bootComplete(workspace.id);
  }
  world.sessions.wakeProgress(id, 'restored', null, agent.t);
  world.sessions.setStatus(id, 'active', agent.t);
  world.sessions.setActivity(id, 'prompting', agent.t);
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

function taskOf(agent: StepAgent): TaskRec | undefined {
  return agent.taskId ? agent.world.tasks.get(agent.taskId) : undefined;
}

export function ask(agent: StepAgent, ask: { reason: string; options: string[]; category: string }): void {
  const { world, session } = agent;
  const marker = world.sessions.raiseAttention(session.id, ask, agent.t);
  world.notifications.create(
    {
      type: 'needs_input',
      projectId: session.projectId,
      sessionId: session.id,
      taskId: session.taskId,
      title: `Input needed: ${session.topic ?? 'a session'}`,
      body: ask.reason,
      metadata: { category: ask.category, options: [...ask.options], attentionMarkerId: marker.markerId },
    },
    agent.t,
  );
}

export function complete(agent: StepAgent, done: { summary: string; branch: string; prUrl: string | null }): void {
  const { world, session } = agent;
  const task = taskOf(agent);
  const at = agent.t;
  if (task && !['completed', 'failed', 'cancelled'].includes(task.status)) {
    world.tasks.update(task.id, { outputSummary: done.summary, outputBranch: done.branch, outputPrUrl: done.prUrl }, at);
    // A task completed before it was running still walks the allowed path.
    for (const step of ['queued', 'delegated', 'in_progress']) {
      if (task.status !== 'in_progress') world.tasks.transition(task.id, step, { at });
    }
    world.tasks.transition(task.id, 'completed', { at, actorType: 'workspace_callback', reason: 'agent completed' });
  }
  world.sessions.agentCompleted(session.id, at);
  world.sessions.setActivity(session.id, 'idle', at);
  const base = { projectId: session.projectId, sessionId: session.id, taskId: session.taskId };
  const title = task?.title ?? session.topic ?? 'Task';
  world.notifications.create(
    {
      ...base,
      type: 'task_complete',
      title: `Task completed: ${title}`,
      body: done.summary,
      metadata: { outputBranch: done.branch, ...(done.prUrl ? { outputPrUrl: done.prUrl } : {}) },
    },
    at,
  );
  if (done.prUrl) {
    world.notifications.create({ ...base, type: 'pr_created', title: `Pull request opened: ${title}`, body: done.prUrl }, at);
  }
}

/** The task fails; unless the stale-active fault is on, the session fails with it. */
export function fail(agent: StepAgent, error: string, sqlTimestamps = false): void {
  const { world, session } = agent;
  const task = taskOf(agent);
  const at = agent.t;
  agent.halt();
  if (task && TERMINAL.has(task.status) === false) {
    if (task.status === 'ready') world.tasks.transition(task.id, 'queued', { at });
    world.tasks.transition(task.id, 'failed', { at, errorMessage: error, actorType: 'workspace_callback', reason: error, sqlTime: sqlTimestamps });
  }
  if (!world.flags.keepSessionActiveAfterTaskFailure) {
    if (session.attention) world.sessions.resolveAttention(session.id, 'task_failed', at);
    world.sessions.setActivity(session.id, 'error', at, error);
    world.sessions.setStatus(session.id, 'failed', at);
  }
  world.notifications.create(
    {
      type: 'error',
      projectId: session.projectId,
      sessionId: session.id,
      taskId: session.taskId,
      title: `Task failed: ${task?.title ?? session.topic ?? 'Task'}`,
      body: error,
    },
    at,
  );
}

/** End of an agent turn: idle, and a conversation task waits for a follow-up. */
export function turnDone(agent: StepAgent): void {
  const { world, session } = agent;
  world.sessions.agentCompleted(session.id, agent.t);
  world.sessions.setActivity(session.id, 'idle', agent.t);
  const task = taskOf(agent);
  if (task && task.taskMode === 'conversation' && task.status === 'in_progress') {
    world.tasks.update(task.id, { executionStep: 'awaiting_followup' }, agent.t);
  }
}

export function dispatch(agent: StepAgent, title: string, script: readonly Step[]): void {
  const parent = taskOf(agent);
  agent.fleet.spawn({
    projectId: agent.session.projectId,
    title,
    script,
    at: agent.t,
    parentTaskId: parent?.id ?? null,
    triggeredBy: 'mcp',
    dispatchDepth: (parent?.dispatchDepth ?? 0) + 1,
  });
}
