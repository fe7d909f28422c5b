import type { World } from '../world/world';
import { Agent } from './agent';
import { fail } from './reactions';
import { replyScript } from './scripts';
import type { SpawnOptions, Step } from './steps';

/** The scripted agents and the control-plane reactions around them (task lifecycle, notifications). */
export class Fleet {
  private readonly agents = new Map<string, Agent>();

  constructor(readonly world: World) {}

  agent(sessionId: string): Agent | undefined {
    return this.agents.get(sessionId);
  }

  private agentFor(sessionId: string): Agent {
    let agent = this.agents.get(sessionId);
    if (!agent) {
      const session = this.world.sessions.require(sessionId);
      agent = new Agent(this.world, this, session, this.world.rng.fork(), this.world.now());
      this.agents.set(sessionId, agent);
    }
    return agent;
  }

  /** Submits a task: task + session, the summary as first system message, the prompt, then the agent. */
  spawn(options: SpawnOptions) {
    const { world } = this;
    const at = options.at ?? world.now();
    const task = world.tasks.create(
      {
        projectId: options.projectId,
        title: options.title,
        description: options.message ?? options.title,
        taskMode: options.taskMode ?? 'task',
        parentTaskId: options.parentTaskId ?? null,
        triggeredBy: options.triggeredBy ?? 'user',
        dispatchDepth: options.dispatchDepth ?? 0,
        priority: options.priority ?? 0,
        agentProfileHint: options.agentProfileHint ?? null,
      },
      at,
    );
    const session = world.sessions.create({ projectId: options.projectId, taskId: task.id, topic: options.title }, at);
    world.tasks.update(task.id, { workspaceId: session.workspaceId, outputBranch: null }, at);
    if (options.contextSummary) {
      world.messages.append(session.id, [{ role: 'system', content: options.contextSummary, origin: 'system' }], at);
    }
    world.messages.append(session.id, [{ role: 'user', content: options.message ?? options.title }], at);
    const agent = new Agent(world, this, session, world.rng.fork(), at);
    this.agents.set(session.id, agent);
    if (options.haltAt !== undefined) agent.haltAt = options.haltAt;
    agent.enqueue(options.script, { boot: true, at });
    return { task, session, agent };
  }

  // ---------- user actions (REST) ----------
  /** Persists and broadcasts the user's message, then makes the agent answer it. */
  prompt(sessionId: string, content: string) {
    const { world } = this;
    const session = world.sessions.require(sessionId);
    const agent = this.agentFor(sessionId);
    const [message] = world.messages.append(sessionId, [{ role: 'user', content }]);
    const deliveryId = world.ids.uuid();
    const asleep = session.status === 'sleeping' || session.status === 'failed';
    const steps: Step[] = [];
    if (asleep) steps.push({ kind: 'wake' });
    // SAM's mailbox: an agent that is free takes the prompt at once; a busy or absent one makes the
    // delivery wait and retry (retry_wait) until the agent reaches it.
    if (agent.busy || asleep) {
      world.emitProject(session.projectId, sessionId, 'mailbox.delivery_updated', { messageId: deliveryId, deliveryState: 'retry_wait' });
      steps.push({ kind: 'deliver', deliveryId });
    } else {
      world.emitProject(session.projectId, sessionId, 'mailbox.delivery_updated', { messageId: deliveryId, deliveryState: 'acked' });
    }
    steps.push(...replyScript(agent.rng, content));
    if (agent.state === 'waiting') {
      this.clearAttention(sessionId, 'superseded');
      agent.resume(content);
    }
    agent.enqueue(steps);
    return { message: message as NonNullable<typeof message>, deliveryId };
  }

  /** Answers the open question with one of its options; the agent carries on. */
  answer(sessionId: string, answer: string): void {
    this.world.messages.append(sessionId, [{ role: 'user', content: answer }]);
    this.clearAttention(sessionId, 'answered');
    this.agentFor(sessionId).resume(answer);
  }

  private clearAttention(sessionId: string, reason: string, at = this.world.now()): void {
    const marker = this.world.sessions.resolveAttention(sessionId, reason, at);
    if (!marker) return;
    for (const n of this.world.notifications.all()) {
      if (n.type === 'needs_input' && n.metadata.attentionMarkerId === marker.markerId) {
        this.world.notifications.markRead(n.id, at);
      }
    }
  }

  /** Interrupts the running prompt; the session lives on. */
  cancel(sessionId: string): 'cancelled' | 'idle' {
    const agent = this.agents.get(sessionId);
    if (!agent || agent.state === 'idle') return 'idle';
    agent.halt();
    this.clearAttention(sessionId, 'cancelled');
    this.world.sessions.agentCompleted(sessionId, this.world.now(), 'cancelled');
    this.world.sessions.setActivity(sessionId, 'idle');
    return 'cancelled';
  }

  /** Archives the session; its unfinished task is cancelled. */
  stop(sessionId: string, at = this.world.now()): void {
    const { world } = this;
    const session = world.sessions.require(sessionId);
    this.agents.get(sessionId)?.halt();
    this.clearAttention(sessionId, 'session_stopped', at);
    world.sessions.setActivity(sessionId, 'stopped', at);
    world.sessions.setStatus(sessionId, 'stopped', at);
    const task = session.taskId ? world.tasks.get(session.taskId) : undefined;
    if (task && !TERMINAL.has(task.status)) {
      world.tasks.transition(task.id, 'cancelled', { at, actorType: 'user', reason: 'session stopped' });
    }
  }

  /** After a manual task transition over REST: a cancelled or failed task's agent stops. */
  taskStatusChanged(taskId: string, status: string): void {
    if (status !== 'cancelled' && status !== 'failed') return;
    const session = this.world.sessions.byTask(taskId);
    if (session) this.agents.get(session.id)?.halt();
  }

  // ---------- interventions (tests, the dev panel, Playwright) ----------
  failNow(sessionId: string, error = 'Agent crashed: connection to the VM agent lost'): void {
    const agent = this.agentFor(sessionId);
    agent.halt();
    agent.t = this.world.now();
    fail(agent, error);
  }

  askNow(sessionId: string, reason = 'Should I continue with the current approach?', options = ['Continue', 'Stop']): void {
    const agent = this.agentFor(sessionId);
    agent.halt();
    agent.enqueue([{ kind: 'ask', reason, options, category: 'decision' }, { kind: 'idle' }]);
  }

  completeNow(sessionId: string): void {
    const agent = this.agentFor(sessionId);
    agent.halt();
    agent.enqueue([{ kind: 'complete', summary: 'Finished.', branch: 'sam/finished', prUrl: null }]);
  }
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
