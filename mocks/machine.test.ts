import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { BootLogFrameSchema, IdleResetSchema, NodeEventListSchema, TerminalTokenSchema, WorkspaceSchema } from '../src/api/contract/machine';
import { SessionDetailSchema } from '../src/api/contract';
import { parseProjectFrame } from '../src/api/contract/projectFrames';
import { promptRetry } from '../src/reconcile/machine';
import { createTestSimulator, openTestSocket, settle, type TestSimulator } from './node';
import { IDLE_CLEANUP_IN_MS, MACHINE_TOPICS, NEXT_RETRY_AFTER_MS, WAKE_AFTER_MS } from './scenarios/machine';
import { apiClient, firstProject } from './testing';
import samAnswers from '../src/api/contract/fixtures/sam-b672af2/machine-routes.json';

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

function start() {
  sim = createTestSimulator({ scenario: 'machine', seed: 1 });
  const s = sim;
  const project = firstProject(s);
  const session = (topic: string) => {
    const found = s.world.sessions.list(project.id).find((x) => x.topic === topic);
    if (!found?.workspaceId) throw new Error(`no session ${topic}`);
    return found as typeof found & { workspaceId: string };
  };
  return { s, api: apiClient(s), p: `/api/projects/${project.id}`, project, session };
}

async function run(s: TestSimulator, ms: number, step = 250) {
  for (let t = 0; t < ms; t += step) {
    s.clock.advance(step);
    await settle(1);
  }
  await settle();
}

describe('the machine routes of the simulator (shapes through Lookout’s schemas)', () => {
  it('serves a workspace in recovery, and a terminal token for its boot log', async () => {
    const { api, session } = start();
    const { workspaceId } = session(MACHINE_TOPICS.recovery);
    const workspace = v.parse(WorkspaceSchema, (await api.get(`/api/workspaces/${workspaceId}`)).body);
    expect(workspace).toMatchObject({ id: workspaceId, status: 'recovery', url: `https://ws-${workspaceId}.sam.example` });
    const token = await api.post('/api/terminal/token', { workspaceId });
    expect(token.status).toBe(200);
    expect(v.parse(TerminalTokenSchema, token.body).workspaceUrl).toBe(workspace.url);
    expect((await api.post('/api/terminal/token', {})).status).toBe(400);
    expect((await api.get('/api/workspaces/nope')).status).toBe(404);
  });

  it('refuses a token for a workspace that is not running, recovering or being created', async () => {
    const { api, session } = start();
    const res = await api.post('/api/terminal/token', { workspaceId: session(MACHINE_TOPICS.waking).workspaceId });
    expect(res).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST', message: 'Workspace is not accessible (status: sleeping)' } });
  });

  it('answers a deleted workspace as SAM does: 404 to read it, 400 for a token', async () => {
    const { s, api, session } = start();
    const { workspaceId } = session(MACHINE_TOPICS.recovery);
    s.world.machines.setStatus(workspaceId, 'deleted');
    expect(await api.get(`/api/workspaces/${workspaceId}`)).toMatchObject({ status: 404, body: { error: 'NOT_FOUND', message: 'Workspace not found' } });
    const token = await api.post('/api/terminal/token', { workspaceId });
    expect(token).toMatchObject({ status: 400, body: { error: 'BAD_REQUEST', message: 'Workspace is not accessible (status: deleted)' } });
  });

  it('streams the boot log: the buffer at once, new lines on the clock, then complete and a close', async () => {
    const { s, api, session } = start();
    const { workspaceId } = session(MACHINE_TOPICS.waking);
    await run(s, WAKE_AFTER_MS);
    // The token comes once the new workspace is being created (SAM refuses one for a sleeping workspace).
    let answer = await api.post('/api/terminal/token', { workspaceId });
    for (let i = 0; i < 40 && answer.status !== 200; i++) {
      await run(s, 250);
      answer = await api.post('/api/terminal/token', { workspaceId });
    }
    const { token, workspaceUrl } = v.parse(TerminalTokenSchema, answer.body);
    const url = new URL(`/boot-log/ws?token=${encodeURIComponent(token)}&workspace=${workspaceId}`, workspaceUrl ?? '');
    url.protocol = 'wss:';
    const socket = openTestSocket(url.toString());
    await socket.opened;
    await settle();
    const seen = socket.frames.length;
    await run(s, 15_000);
    const frames = socket.frames.map((raw) => v.parse(BootLogFrameSchema, JSON.parse(raw)));
    expect(frames.length).toBeGreaterThan(seen);
    expect(frames.at(-1)?.type).toBe('complete');
    expect(frames.filter((f) => f.type === 'log').map((f) => f.message)).toContain('Workspace is ready');
    expect(await socket.closed).toBe(1000);
  });

  it('refuses a boot-log socket without a token it issued', async () => {
    const { session } = start();
    const socket = openTestSocket(`wss://ws-x.sam.example/boot-log/ws?token=forged&workspace=${session(MACHINE_TOPICS.recovery).workspaceId}`);
    expect(await socket.closed).toBe(1008);
    expect(socket.frames).toEqual([]);
  });

  it('wakes through SAM’s phases in order, from claimed to restored', async () => {
    const { s, project, session } = start();
    const { id } = session(MACHINE_TOPICS.waking);
    const socket = openTestSocket(s.wsUrl(`/api/projects/${project.id}/sessions/ws`));
    await socket.opened;
    await run(s, WAKE_AFTER_MS + 12_000);
    const progress = socket.frames.flatMap((raw) => {
      const r = parseProjectFrame(raw);
      return r.kind === 'event' && r.event.type === 'session.wake_progress' && r.event.sessionId === id ? [[r.event.recoveryStatus, r.event.wakePhase]] : [];
    });
    expect(progress).toEqual([
      ['waking', null],
      ['waking', 'node_selection'],
      ['waking', 'node_provisioning'],
      ['waking', 'node_agent_ready'],
      ['waking', 'workspace_creation'],
      ['waking', 'workspace_dispatch'],
      ['waking', 'workspace_ready'],
      ['waking', 'agent_session'],
      ['restored', null],
    ]);
  });

  it('relays the VM agent’s prompt retries through the node’s events, newest first', async () => {
    const { s, api, session } = start();
    const retrying = session(MACHINE_TOPICS.retrying);
    const { nodeId } = v.parse(WorkspaceSchema, (await api.get(`/api/workspaces/${retrying.workspaceId}`)).body);
    const read = async () => v.parse(NodeEventListSchema, (await api.get(`/api/nodes/${nodeId}/events?limit=50`)).body).events;
    const since = retrying.state.promptStartedAt ?? 0;
    expect(promptRetry(await read(), { workspaceId: retrying.workspaceId, since })?.text).toBe('capacity, retrying (2/5)');
    await run(s, NEXT_RETRY_AFTER_MS, 5_000);
    const events = await read();
    expect(events[0]?.type).toBe('agent_session.prompt_retry');
    expect(promptRetry(events, { workspaceId: retrying.workspaceId, since })?.text).toBe('capacity, retrying (3/5)');
  });

  it('keeps an idle chat alive: the detail’s cleanupAt, then idle-reset answers the new one', async () => {
    const { s, api, p, session } = start();
    const idle = session(MACHINE_TOPICS.idle);
    const detail = async () => v.parse(SessionDetailSchema, (await api.get(`${p}/sessions/${idle.id}`)).body).session.cleanupAt;
    expect(await detail()).toBe(s.clock.now() + IDLE_CLEANUP_IN_MS);
    s.clock.advance(60_000);
    const reset = v.parse(IdleResetSchema, (await api.post(`${p}/sessions/${idle.id}/idle-reset`)).body);
    expect(reset.cleanupAt).toBe(s.clock.now() + 15 * 60_000);
    expect(await detail()).toBe(reset.cleanupAt);
    // No schedule, no reset: SAM answers 0.
    const other = session(MACHINE_TOPICS.recovery);
    expect((await api.post(`${p}/sessions/${other.id}/idle-reset`)).body).toEqual({ cleanupAt: 0 });
  });
});

/** What SAM b672af2 answered offline (recorded by e2e/sam/machine.spec.ts into test-results/sam-machine-answers.json). */
const sam: Record<string, { request: string; status: number; body: unknown }> = samAnswers;
const keysOf = (body: unknown) => Object.keys(body as object).sort();

describe('the simulator answers the machine routes as SAM did (captured from its real server)', () => {
  it('a workspace and its terminal token: the same fields', async () => {
    const { api, session } = start();
    const { workspaceId } = session(MACHINE_TOPICS.recovery);
    const workspace = await api.get(`/api/workspaces/${workspaceId}`);
    expect(workspace.status).toBe(sam.workspace!.status);
    expect(keysOf(workspace.body)).toEqual(keysOf(sam.workspace!.body));
    const token = await api.post('/api/terminal/token', { workspaceId });
    expect(token.status).toBe(sam['terminal-token']!.status);
    expect(keysOf(token.body)).toEqual(keysOf(sam['terminal-token']!.body));
  });

  it('the refusals: the same status and the same words', async () => {
    const { s, api, p, session } = start();
    const recovery = session(MACHINE_TOPICS.recovery);
    const stopped = session(MACHINE_TOPICS.idle);
    s.world.machines.setStatus(stopped.workspaceId, 'stopped');
    const answers = {
      'workspace-missing': await api.get('/api/workspaces/NO-SUCH-WORKSPACE'),
      'terminal-token-stopped': await api.post('/api/terminal/token', { workspaceId: stopped.workspaceId }),
      'terminal-token-missing': await api.post('/api/terminal/token', { workspaceId: 'NO-SUCH-WORKSPACE' }),
      'terminal-token-no-workspace': await api.post('/api/terminal/token', {}),
      'node-events-missing': await api.get('/api/nodes/NO-SUCH-NODE/events?limit=50'),
      'idle-reset-missing': await api.post(`${p}/sessions/NO-SUCH-SESSION/idle-reset`),
      // No idle cleanup scheduled (offline SAM schedules none): 0.
      'idle-reset': await api.post(`${p}/sessions/${recovery.id}/idle-reset`),
    };
    // valibot's v.string() takes an empty id, which SAM then does not find.
    expect(await api.post('/api/terminal/token', { workspaceId: '' })).toMatchObject({ status: 404, body: sam['terminal-token-missing']!.body });
    for (const [name, got] of Object.entries(answers)) {
      expect({ name, status: got.status, body: got.body }).toEqual({ name, status: sam[name]!.status, body: sam[name]!.body });
    }
  });

  it('a node without events: an empty list and no cursor; a chat without a schedule: no cleanupAt', async () => {
    const { api, p, session } = start();
    const recovery = session(MACHINE_TOPICS.recovery);
    const { nodeId } = v.parse(WorkspaceSchema, (await api.get(`/api/workspaces/${recovery.workspaceId}`)).body);
    const events = await api.get(`/api/nodes/${nodeId}/events?limit=50`);
    expect(events).toMatchObject({ status: sam['node-events-stopped']!.status, body: sam['node-events-stopped']!.body });
    expect(sam['node-events-unreachable']!.body).toEqual(sam['node-events-stopped']!.body);
    const detail = (await api.get(`${p}/sessions/${recovery.id}?limit=1`)).body as { session: Record<string, unknown> };
    const samSession = (sam['session-detail']!.body as { session: Record<string, unknown> }).session;
    expect(samSession).toHaveProperty('cleanupAt', null);
    expect(detail.session).toHaveProperty('cleanupAt', null);
  });
});
