import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FRAME_CHARS, parseNotificationFrame } from '../src/api/contract';
import { parseProjectFrame } from '../src/api/contract/projectFrames';
import { createTestSimulator, openTestSocket, settle, type TestSimulator } from './node';
import { apiClient, firstProject } from './testing';

type Frame = { type: string; payload: { sessionId?: string; sequence?: number; messages?: { sequence: number }[] } };

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

async function start(scenario = 'default', seed = 9) {
  sim = createTestSimulator({ scenario, seed });
  const s = sim;
  const project = firstProject(s);
  const path = `/api/projects/${project.id}/sessions/ws`;
  const socket = openTestSocket(s.wsUrl(path));
  await socket.opened;
  const worldLog: string[] = [];
  s.world.subscribe(project.id, (e) => worldLog.push(JSON.stringify(e.frame)));
  const run = async (ms: number, step = 500) => {
    for (let t = 0; t < ms; t += step) {
      s.clock.advance(step);
      await settle(1);
    }
    await settle();
  };
  const busy = s.world.sessions.list(project.id).find((x) => s.fleet.agent(x.id)?.busy && x.state.activity === 'prompting');
  if (!busy) throw new Error('no busy session');
  return { s, api: apiClient(s), project, path, p: `/api/projects/${project.id}`, socket, worldLog, run, busy };
}

const seqOf = (frames: string[], sessionId: string) =>
  frames.flatMap((raw) => {
    const f = JSON.parse(raw) as Frame;
    if (f.payload?.sessionId !== sessionId) return [];
    if (f.type === 'message.new') return [f.payload.sequence ?? -1];
    if (f.type === 'messages.batch') return (f.payload.messages ?? []).map((m) => m.sequence);
    return [];
  });

describe('frame faults', () => {
  it('duplicates the next N frames, then stops', async () => {
    const { s, socket, worldLog, run } = await start();
    s.faults.duplicateNextFrames(3, 'project');
    await run(5_000);
    const f = socket.frames;
    expect(f.length).toBe(worldLog.length + 3);
    expect([f[0] === f[1], f[2] === f[3], f[4] === f[5]]).toEqual([true, true, true]);
    expect(f.slice(6)).toEqual(worldLog.slice(3));
  });

  it('reorders: holds N frames and releases them in reverse', async () => {
    const { s, socket, worldLog, run } = await start();
    s.faults.reorderNextFrames(3, 'project');
    await run(5_000);
    expect(socket.frames.slice(0, 3)).toEqual(worldLog.slice(0, 3).reverse());
    expect(socket.frames.slice(3)).toEqual(worldLog.slice(3));
  });

  it('delays frames by clock time', async () => {
    const { s, socket, worldLog, run } = await start();
    s.faults.delayFrames(3_000, 'project');
    await run(2_000);
    expect(worldLog.length).toBeGreaterThan(0);
    expect(socket.frames).toHaveLength(0);
    await run(2_000);
    expect(socket.frames.length).toBeGreaterThan(0);
    expect(worldLog.slice(0, socket.frames.length)).toEqual(socket.frames);
  });

  it('skips a sequence number: the message is persisted but its frame never comes', async () => {
    const { s, api, p, socket, run, busy } = await start();
    const heldBefore = new Set(s.world.messages.all(busy.id).map((m) => m.id));
    s.faults.skipNextSequence(1, busy.id);
    await run(10_000);
    const seqs = seqOf(socket.frames, busy.id);
    expect(seqs.length).toBeGreaterThan(5);
    // A VM outbox id: increasing within the session, not contiguous (Corrections 3).
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] ?? 0);
    const rest = (await api.get(`${p}/sessions/${busy.id}/messages?limit=5000`)).body as { messages: { id: string; sequence: number }[] };
    const sent = new Set(seqs);
    const skipped = rest.messages.filter((m) => !heldBefore.has(m.id) && !sent.has(m.sequence));
    expect(skipped.length).toBeGreaterThan(0);
    expect(Math.max(...skipped.map((m) => m.sequence))).toBeLessThan(seqs[0] ?? 0);
    expect(s.faults.snapshot().skipSequence).toBe(0);
  });

  it('sends malformed frames that the client parser rejects or ignores', async () => {
    const { s, socket } = await start();
    const notes = openTestSocket(s.wsUrl('/api/notifications/ws'));
    await notes.opened;
    for (const variant of ['not-json', 'unknown-type', 'bad-payload', 'oversized'] as const) {
      expect(s.faults.sendMalformed(variant, 'project')).toBe(1);
      expect(s.faults.sendMalformed(variant, 'notifications')).toBe(1);
    }
    await settle();
    expect(socket.frames.map((f) => parseProjectFrame(f).kind)).toEqual(['invalid', 'ignored', 'invalid', 'invalid']);
    expect(notes.frames.map((f) => parseNotificationFrame(f).kind)).toEqual(['invalid', 'ignored', 'invalid', 'invalid']);
    expect(socket.frames[3]?.length).toBeGreaterThan(MAX_FRAME_CHARS);
  });
});

describe('socket faults', () => {
  it('drops sockets with 1012, refuses reconnects while blocked, accepts them after', async () => {
    const { s, socket, path } = await start();
    const notes = openTestSocket(s.wsUrl('/api/notifications/ws'));
    await notes.opened;
    expect(s.faults.dropSockets('project')).toBe(1);
    expect(await socket.closed).toBe(1012);
    expect(s.sockets.count('notifications')).toBe(1);
    expect(s.faults.closeAll()).toBe(1);
    expect(await notes.closed).toBe(1012);

    s.faults.blockSockets();
    const refused = openTestSocket(s.wsUrl(path));
    let opened = false;
    void refused.opened.then(() => (opened = true));
    expect(await refused.closed).not.toBe(1000);
    expect(opened).toBe(false);
    s.faults.unblockSockets();
    const again = openTestSocket(s.wsUrl(path));
    await again.opened;
    expect(s.sockets.count('project')).toBe(1);
  });
});

describe('connection lifecycle faults', () => {
  it('closeAllNormally closes every socket with 1000 (a durable object restart) and new ones are accepted', async () => {
    const { s, socket, path } = await start();
    const notes = openTestSocket(s.wsUrl('/api/notifications/ws'));
    await notes.opened;
    expect(s.faults.closeAllNormally()).toBe(2);
    expect(await socket.closed).toBe(1000);
    expect(await notes.closed).toBe(1000);
    const again = openTestSocket(s.wsUrl(path));
    await again.opened;
    expect(s.sockets.count('project')).toBe(1);
  });
});

describe('server faults', () => {
  it('keeps the session row active after its task failed while the fault is on', async () => {
    const { s, api, p, socket, project, busy } = await start();
    s.faults.keepSessionActiveAfterTaskFailure(true);
    s.fleet.failNow(busy.id, 'boom');
    await settle();
    expect((await api.get(`${p}/tasks/${busy.taskId}`)).body as { status: string; errorMessage: string }).toMatchObject({
      status: 'failed',
      errorMessage: 'boom',
    });
    const rows = (await api.get(`${p}/sessions?limit=100`)).body as { sessions: { id: string; status: string }[] };
    expect(rows.sessions.find((x) => x.id === busy.id)?.status).toBe('active');
    const types = socket.frames.map((f) => JSON.parse(f) as Frame);
    expect(types.some((f) => f.type === 'session.failed')).toBe(false);
    expect(types).toContainEqual({ type: 'activity.new', payload: expect.objectContaining({ eventType: 'task.failed' }) });

    s.faults.keepSessionActiveAfterTaskFailure(false);
    const other = s.world.sessions.list(project.id).find((x) => x.id !== busy.id && s.fleet.agent(x.id)?.busy);
    if (!other) throw new Error('no second busy session');
    s.fleet.failNow(other.id);
    await settle();
    expect(socket.frames.map((f) => JSON.parse(f) as Frame)).toContainEqual({ type: 'session.failed', payload: { sessionId: other.id } });
  });

  it('the stale-active scenario has a failed task behind an active row, and another one fails live', async () => {
    sim = createTestSimulator({ scenario: 'stale-active', seed: 1 });
    const s = sim;
    const api = apiClient(s);
    const p = `/api/projects/${firstProject(s).id}`;
    const stale = async () => {
      const tasks = (await api.get(`${p}/tasks`)).body as { tasks: { id: string; status: string }[] };
      const rows = (await api.get(`${p}/sessions`)).body as { sessions: { taskId: string; status: string }[] };
      return rows.sessions.filter((r) => r.status === 'active' && tasks.tasks.find((t) => t.id === r.taskId)?.status === 'failed').length;
    };
    expect(await stale()).toBe(1);
    s.clock.advance(120_000);
    expect(await stale()).toBe(2);
  });

  it('fails the next N matching requests, then recovers; 429 carries Retry-After', async () => {
    const { s, api, p } = await start();
    s.faults.failNextRequests(500, 2, '/notifications');
    expect((await api.get(`${p}/sessions`)).status).toBe(200);
    const first = await api.get('/api/notifications');
    expect(first).toMatchObject({ status: 500, body: { error: 'INTERNAL_ERROR', requestId: expect.stringMatching(/^req_/) } });
    expect((await api.get('/api/notifications/unread-count')).status).toBe(500);
    expect((await api.get('/api/notifications')).status).toBe(200);
    s.faults.failNextRequests(429, 1);
    const limited = await api.get('/api/auth/me');
    expect(limited.status).toBe(429);
    expect(limited.headers?.['retry-after']).toBe('2');
    expect(limited.body, 'SAM sends a requestId with a 5xx only').not.toHaveProperty('requestId');
  });

  it('signs out: every request 401 UNAUTHORIZED and sockets refused, until signed in', async () => {
    const { s, api, p, socket, path } = await start();
    s.faults.signOut();
    expect(await socket.closed).not.toBe(1000);
    for (const path2 of ['/api/auth/me', `${p}/sessions`, '/api/notifications', '/api/whatever']) {
      const res = await api.get(path2);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: 'UNAUTHORIZED', message: expect.any(String) });
    }
    const refused = openTestSocket(s.wsUrl(path));
    expect(await refused.closed).not.toBe(1000);
    s.faults.signIn();
    expect((await api.get('/api/auth/me')).status).toBe(200);
  });

  it('the signed-out scenario answers 401 from the start', async () => {
    sim = createTestSimulator({ scenario: 'signed-out' });
    expect((await apiClient(sim).get('/api/auth/me')).status).toBe(401);
  });

  it('lags the sessions list: a chat created a moment ago is missing until the index syncs (Corrections 9)', async () => {
    const { s, api, p, project } = await start();
    s.faults.lagSessionList(5_000);
    const listed = async () => ((await api.get(`${p}/sessions?limit=100`)).body as { sessions: { id: string }[] }).sessions.map((row) => row.id);
    const { session } = s.fleet.spawn({ projectId: project.id, title: 'Brand new chat', script: [{ kind: 'idle' }] });
    expect(await listed()).not.toContain(session.id);
    s.clock.advance(5_000);
    await settle();
    expect(await listed()).toContain(session.id);
    s.faults.reset();
    expect((await listed()).length).toBe(s.world.sessions.list(project.id).length);
  });
});
