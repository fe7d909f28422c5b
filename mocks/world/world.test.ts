import { describe, expect, it } from 'vitest';
import { TASK_TRANSITIONS } from '../../src/api/contract';
import { parseProjectFrame } from '../../src/api/contract/projectFrames';
import { say } from '../fleet/scripts';
import { createSimulator } from '../simulator';

function defaultWorld(seed = 13, runMs = 120_000) {
  const sim = createSimulator({ scenario: 'default', seed });
  for (let t = 0; t < runMs; t += 5_000) sim.clock.advance(5_000);
  return sim;
}

describe('the world after two minutes of the default scenario', () => {
  const sim = defaultWorld();
  const { world } = sim;
  const projects = [...world.projects.values()];
  const sessions = projects.flatMap((p) => world.sessions.list(p.id));
  const tasks = projects.flatMap((p) => world.tasks.list(p.id));

  it('keeps every session in SAM order (createdAt, sequence), counts and lastMessageAt; VM sequences skip numbers', () => {
    expect(sessions.length).toBeGreaterThanOrEqual(12);
    let jumps = 0;
    for (const s of sessions) {
      const rows = world.messages.all(s.id);
      for (let i = 1; i < rows.length; i++) {
        const [a, b] = [rows[i - 1], rows[i]];
        expect((a?.createdAt ?? 0) < (b?.createdAt ?? 0) || (a?.createdAt === b?.createdAt && (a?.sequence ?? 0) <= (b?.sequence ?? 0))).toBe(true);
        if ((b?.sequence ?? 0) > (a?.sequence ?? 0) + 1) jumps += 1;
      }
      expect(s.messageCount).toBe(rows.length);
      expect(s.lastMessageAt ?? 0).toBeGreaterThanOrEqual(rows[rows.length - 1]?.createdAt ?? 0);
    }
    // Sessions share a VM outbox: their rows take numbers from one counter (Corrections 3).
    expect(jumps).toBeGreaterThan(0);
  });

  it('writes tool calls as rows sharing a toolCallId with a forward status progression', () => {
    const order = ['pending', 'in_progress', 'completed'];
    let calls = 0;
    for (const s of sessions) {
      const byCall = new Map<string, string[]>();
      for (const m of world.messages.all(s.id)) {
        if (m.role !== 'tool' || !m.toolMetadata) continue;
        const list = byCall.get(m.toolMetadata.toolCallId) ?? [];
        list.push(m.toolMetadata.status);
        byCall.set(m.toolMetadata.toolCallId, list);
      }
      for (const statuses of byCall.values()) {
        calls += 1;
        const ranks = statuses.map((x) => (x === 'failed' ? 2 : order.indexOf(x)));
        expect(ranks).toEqual([...ranks].sort());
        expect(ranks[0]).toBe(0);
      }
    }
    expect(calls).toBeGreaterThan(50);
  });

  it('streams small chunks with markdown, thinking rows and plan rows that parse', () => {
    const all = sessions.flatMap((s) => world.messages.all(s.id));
    const assistant = all.filter((m) => m.role === 'assistant');
    const words = assistant.map((m) => m.content.trim().split(/\s+/).length);
    expect(words.filter((n) => n > 8).length / words.length).toBeLessThan(0.02);
    const text = assistant.map((m) => m.content).join('');
    for (const mark of ['## ', '```ts', '- ', '](https://']) expect(text).toContain(mark);
    expect(all.some((m) => m.role === 'thinking')).toBe(true);
    const plans = all.filter((m) => m.role === 'plan');
    expect(plans.length).toBeGreaterThan(5);
    for (const plan of plans) {
      const entries = JSON.parse(plan.content) as Array<Record<string, unknown>>;
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) expect(Object.keys(e).sort()).toEqual(['content', 'priority', 'status']);
    }
  });

  it('moves tasks only along allowed transitions', () => {
    for (const task of tasks) {
      const events = world.tasks.eventsOf(task.id);
      expect(events[0]?.fromStatus).toBeNull();
      for (const e of events.slice(1)) expect(TASK_TRANSITIONS[e.fromStatus ?? '']).toContain(e.toStatus);
      expect(events[events.length - 1]?.toStatus).toBe(task.status);
    }
  });

  it('has lineage: a retry and a fork start with the parent summary, a subtask is dispatched over MCP', () => {
    const children = tasks.filter((t) => t.parentTaskId);
    const retry = children.find((t) => world.tasks.get(t.parentTaskId ?? '')?.status === 'failed');
    const fork = children.find((t) => world.tasks.get(t.parentTaskId ?? '')?.status === 'completed');
    const sub = children.find((t) => t.triggeredBy === 'mcp');
    for (const t of [retry, fork]) {
      expect(t).toMatchObject({ triggeredBy: 'user', dispatchDepth: 0 });
      const first = world.messages.all(world.sessions.byTask(t?.id ?? '')?.id ?? '')[0];
      expect(first).toMatchObject({ role: 'system', origin: 'system' });
      expect(first?.content).toContain('Context from the previous session');
    }
    expect(retry?.title).toBe(world.tasks.get(retry?.parentTaskId ?? '')?.title);
    expect(sub).toMatchObject({ dispatchDepth: 1 });
    expect(world.messages.all(world.sessions.byTask(sub?.id ?? '')?.id ?? '')[0]?.role).toBe('user');
  });

  it('shows every session state the dashboard must tell apart', () => {
    const statusOf = (id: string | null) => (id ? world.tasks.get(id)?.status : undefined);
    expect(sessions.some((s) => s.status === 'sleeping')).toBe(true);
    expect(sessions.some((s) => s.status === 'stopped')).toBe(true);
    expect(sessions.some((s) => s.status === 'failed' && statusOf(s.taskId) === 'failed')).toBe(true);
    expect(sessions.some((s) => s.attention !== null)).toBe(true);
    expect(sessions.filter((s) => s.state.activity === 'prompting').length).toBeGreaterThanOrEqual(2);
    expect(sessions.some((s) => s.status === 'active' && s.agentCompletedAt !== null && statusOf(s.taskId) === 'completed')).toBe(true);
    const asking = sessions.find((s) => s.attention);
    const note = world.notifications.all().find((n) => n.type === 'needs_input' && n.sessionId === asking?.id);
    expect(note?.metadata).toMatchObject({ attentionMarkerId: asking?.attention?.markerId, options: asking?.attention?.options });
  });
});

describe('a live conversation that idles and sleeps', () => {
  it('boots, answers, goes idle, then sleeps with workspace.idle_timeout; every frame parses', () => {
    const sim = createSimulator({ scenario: 'empty', seed: 1 });
    const project = [...sim.world.projects.values()][0];
    if (!project) throw new Error('no project');
    const frames: string[] = [];
    sim.world.subscribe(project.id, (e) => frames.push(JSON.stringify(e.frame)));
    const { session, task } = sim.fleet.spawn({
      projectId: project.id,
      title: 'Chat about caching',
      taskMode: 'conversation',
      script: [say(sim.world.rng, 'Caching is on.'), { kind: 'idle' }, { kind: 'pause', ms: 60_000 }, { kind: 'sleep' }],
    });
    sim.clock.advance(120_000);
    const types = frames.map((f) => {
      const parsed = parseProjectFrame(f);
      expect(parsed.kind, f).toBe('event');
      return parsed.kind === 'event' ? parsed.event.type : 'invalid';
    });
    expect(types[0]).toBe('activity.new');
    expect(types).toContain('session.created');
    expect(types.indexOf('session.agent_completed')).toBeLessThan(types.indexOf('workspace.idle_timeout'));
    expect(types[types.length - 1]).toBe('session.updated');
    expect(session.status).toBe('sleeping');
    expect(task).toMatchObject({ status: 'in_progress', executionStep: 'awaiting_followup' });
  });
});

describe('messages as SAM persists them (Corrections 2-4)', () => {
  it('agent rows wait in the VM outbox: a prompt written meanwhile lands first with a later createdAt; a new VM restarts at 1', () => {
    const sim = createSimulator({ scenario: 'empty', seed: 3 });
    const { world } = sim;
    const project = [...world.projects.values()][0];
    if (!project) throw new Error('no project');
    const session = world.sessions.create({ projectId: project.id, taskId: null, topic: 'vm clock' });
    const frames: string[] = [];
    world.subscribe(project.id, (e) => frames.push(e.frame.type));
    const [agentRow] = world.messages.appendFromVm(session.id, [{ role: 'assistant', content: 'from the VM' }]);
    sim.clock.advance(500);
    const [prompt] = world.messages.append(session.id, [{ role: 'user', content: 'a prompt' }]);
    expect(world.messages.all(session.id).map((m) => m.id)).toEqual([prompt?.id]);
    sim.clock.advance(2_000);
    expect(world.messages.all(session.id).map((m) => m.id)).toEqual([agentRow?.id, prompt?.id]);
    expect(agentRow?.createdAt).toBeLessThan(prompt?.createdAt ?? 0);
    expect(frames).toEqual(['message.new', 'messages.batch']);
    world.messages.replaceVm(session.id);
    const [fresh] = world.messages.appendFromVm(session.id, [{ role: 'assistant', content: 'new VM' }]);
    expect(fresh?.sequence).toBe(1);
    sim.clock.advance(2_000);
    expect(world.messages.page(session.id, { after: (prompt?.createdAt ?? 0) - 1, order: 'asc' }).messages.map((m) => m.id)).toEqual([prompt?.id, fresh?.id]);
  });
});
