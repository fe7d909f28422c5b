import type { MessageDraft, ToolMetadata } from '../world/types';
import { ask, complete, dispatch, fail, turnDone, wakeSequence } from './reactions';
import type { StepAgent, Yield } from './stepAgent';
import type { Step, ToolCallSpec } from './steps';

const wait = (ms: number): Yield => ({ kind: 'wait', ms });

/** Agent output goes through the VM's outbox (stamped now by its clock, persisted at the next flush). */
function write(agent: StepAgent, drafts: MessageDraft[]): void {
  agent.world.messages.appendFromVm(agent.session.id, drafts, agent.t);
}

function ensurePrompting(agent: StepAgent): void {
  const session = agent.session;
  if (session.agentCompletedAt !== null) agent.world.sessions.agentResumed(session.id, agent.t);
  if (session.state.activity !== 'prompting') agent.world.sessions.setActivity(session.id, 'prompting', agent.t);
}

/** Streams chunks as their own rows; now and then a burst of 2-3 is flushed as one `messages.batch`. */
function* stream(agent: StepAgent, role: 'assistant' | 'thinking', chunks: readonly string[]): Generator<Yield, void, void> {
  ensurePrompting(agent);
  let i = 0;
  while (i < chunks.length) {
    yield wait(agent.rng.int(60, 220));
    const take = agent.rng.chance(0.12) ? Math.min(chunks.length - i, agent.rng.int(2, 3)) : 1;
    write(
      agent,
      chunks.slice(i, i + take).map((content) => ({ role, content })),
    );
    i += take;
  }
}

const KEEPS_RAW_FIELDS = new Set(['upload_to_library', 'replace_library_file', 'display_from_library']);

export function toolMeta(call: ToolCallSpec, id: string, status: string, done: boolean): ToolMetadata {
  const meta: ToolMetadata = {
    toolCallId: id,
    title: call.title,
    kind: call.kind,
    status,
    toolName: call.toolName,
    locations: call.locations.map((l) => ({ ...l })),
    content: done ? structuredClone(call.content) : [],
  };
  // SAM's VM agent keeps rawInput/rawOutput only for its document-card tools; everything else is in content.
  if (KEEPS_RAW_FIELDS.has(call.toolName)) {
    meta.rawInput = structuredClone(call.rawInput);
    if (done) meta.rawOutput = structuredClone(call.rawOutput);
  }
  return meta;
}

function* tool(agent: StepAgent, call: ToolCallSpec): Generator<Yield, void, void> {
  ensurePrompting(agent);
  const id = `toolu_${agent.world.ids.short('call').slice(5)}`;
  write(agent, [{ role: 'tool', content: call.title, toolMetadata: toolMeta(call, id, 'pending', false) }]);
  yield wait(agent.rng.int(120, 400));
  write(agent, [{ role: 'tool', content: call.title, toolMetadata: toolMeta(call, id, 'in_progress', false) }]);
  yield wait(call.durationMs);
  write(agent, [{ role: 'tool', content: call.output, toolMetadata: toolMeta(call, id, call.outcome, true) }]);
}

export function* execStep(agent: StepAgent, step: Step): Generator<Yield, void, void> {
  const { world, session } = agent;
  switch (step.kind) {
    case 'pause':
      yield wait(step.ms);
      return;
    case 'think':
      yield* stream(agent, 'thinking', step.chunks);
      return;
    case 'say':
      yield* stream(agent, 'assistant', step.chunks);
      return;
    case 'tool':
      yield* tool(agent, step.call);
      return;
    case 'plan':
      ensurePrompting(agent);
      write(agent, [{ role: 'plan', content: JSON.stringify(step.entries) }]);
      world.sessions.setPlan(session.id, step.entries, agent.t);
      return;
    case 'ask': {
      ensurePrompting(agent);
      ask(agent, step);
      yield { kind: 'input' };
      const choice = agent.answer ?? step.options[0] ?? 'ok';
      yield* stream(agent, 'assistant', [`Thanks. `, `Going with `, `**${choice}**.`]);
      return;
    }
    case 'complete':
      complete(agent, step);
      return;
    case 'fail':
      fail(agent, step.error, step.sqlTimestamps ?? false);
      return;
    case 'idle':
      turnDone(agent);
      return;
    case 'sleep':
      // The idle workspace is reclaimed; the conversation sleeps until the next prompt wakes it.
      world.emitProject(session.projectId, null, 'workspace.idle_timeout', {
        workspaceId: session.workspaceId,
        sessionId: session.id,
        taskId: session.taskId,
        failedTaskIds: [],
      });
      world.sessions.setActivity(session.id, 'idle', agent.t);
      world.sessions.setStatus(session.id, 'sleeping', agent.t);
      return;
    case 'wake':
      yield* wakeSequence(agent.world, agent);
      return;
    case 'deliver':
      world.emitProject(session.projectId, session.id, 'mailbox.delivery_updated', { messageId: step.deliveryId, deliveryState: 'acked' });
      return;
    case 'dispatch':
      dispatch(agent, step.title, step.script);
      return;
    case 'progress':
      world.notifications.create(
        {
          type: 'progress',
          projectId: session.projectId,
          sessionId: session.id,
          taskId: session.taskId,
          title: `${session.topic ?? 'Session'}: ${step.title}`,
          body: step.body,
        },
        agent.t,
      );
      return;
    case 'forever':
      return;
  }
}
