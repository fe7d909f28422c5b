import type { ScenarioContext } from './context';
import { answer, chunk, shortReply, thought } from '../fleet/corpus';
import { toolMeta } from '../fleet/exec';
import { anyCall } from '../fleet/tools';
import type { MessageDraft } from '../world/types';

export const LONG_CHAT_MESSAGES = 30_000;
/** The oldest rows predate per-session sequence numbers (`sequence: null`). */
export const LEGACY_ROWS = 2_000;

const PROMPTS = [
  'Can you look at the failing test in the queue worker?',
  'Now add a test for the retry budget.',
  'Please make the error message clearer.',
  'Run the whole suite again and tell me what fails.',
  'Refactor that into a helper and update the call sites.',
  'What is left on the plan?',
];

/**
 * One conversation with 30,000 rows (SAM's biggest real sessions): user prompts, thinking, streamed
 * markdown answers, tool calls and plan updates, written straight into the store (fast: no agent).
 */
export function buildLongChat({ world, rng, now }: ScenarioContext): void {
  const start = now - 2 * 86_400_000;
  const project = world.addProject({ name: 'monorepo', repository: 'acme/monorepo' }, start - 30 * 86_400_000);
  const title = 'Long-running refactor of the queue worker';
  const task = world.tasks.create({ projectId: project.id, title, taskMode: 'conversation', status: 'queued' }, start);
  world.tasks.transition(task.id, 'delegated', { at: start + 1_000 });
  world.tasks.transition(task.id, 'in_progress', { at: start + 2_000 });
  const session = world.sessions.create({ projectId: project.id, taskId: task.id, topic: title }, start);
  world.tasks.update(task.id, { workspaceId: session.workspaceId, executionStep: 'running' }, start + 2_000);

  let t = start + 3_000;
  let written = 0;
  let turn = 0;
  const put = (draft: MessageDraft, gap: number): boolean => {
    if (written >= LONG_CHAT_MESSAGES) return false;
    t += gap;
    world.messages.append(session.id, [draft], t);
    written += 1;
    return true;
  };
  while (written < LONG_CHAT_MESSAGES) {
    const prompt = rng.pick(PROMPTS);
    put({ role: 'user', content: prompt }, rng.int(20_000, 60_000));
    for (const c of chunk(rng, thought(rng), 10)) put({ role: 'thinking', content: c }, rng.int(40, 160));
    if (turn % 10 === 0) {
      const entries = ['Reproduce', 'Fix', 'Test', 'Document'].map((content, i) => ({
        content,
        priority: 'medium',
        status: i < (turn / 10) % 5 ? 'completed' : i === (turn / 10) % 5 ? 'in_progress' : 'pending',
      }));
      put({ role: 'plan', content: JSON.stringify(entries) }, 200);
    }
    for (let k = rng.int(0, 3); k > 0; k--) {
      const call = anyCall(rng);
      const id = `toolu_long_${turn}_${k}`;
      put({ role: 'tool', content: call.title, toolMetadata: toolMeta(call, id, 'pending', false) }, rng.int(100, 300));
      put({ role: 'tool', content: call.title, toolMetadata: toolMeta(call, id, 'in_progress', false) }, rng.int(100, 300));
      put({ role: 'tool', content: call.output, toolMetadata: toolMeta(call, id, call.outcome, true) }, call.durationMs);
    }
    const text = `${shortReply(rng, prompt)}\n\n${answer(rng)}`;
    for (const c of chunk(rng, text, 40)) put({ role: 'assistant', content: c }, rng.int(40, 160));
    turn += 1;
  }
  // Rows written before SAM numbered messages carry no sequence.
  for (const row of world.messages.all(session.id).slice(0, LEGACY_ROWS)) row.sequence = null;
  world.tasks.update(task.id, { executionStep: 'awaiting_followup' }, t);
  world.sessions.agentCompleted(session.id, t + 1);
  world.sessions.setActivity(session.id, 'idle', t + 1);
}
