import { afterEach, describe, expect, it } from 'vitest';
import { toEpochMs } from '../src/api/time';
import { createTestSimulator, type TestSimulator } from './node';
import { apiClient, firstProject } from './testing';

type Json = Record<string, unknown>;
type Msg = { id: string; createdAt: number; role: string; sequence: number };

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

function start(scenario: string, seed = 4) {
  sim = createTestSimulator({ scenario, seed });
  return { s: sim, api: apiClient(sim), p: `/api/projects/${firstProject(sim).id}` };
}

const ms = (v: unknown) => toEpochMs(v as string) ?? NaN;

describe('tasks: cursor = id of the last task returned', () => {
  it('walks every task once, newest first, and ends with a null cursor', async () => {
    const { api, p } = start('default');
    const all = ((await api.get(`${p}/tasks?limit=200`)).body as { tasks: Json[] }).tasks;
    expect(all.length).toBeGreaterThan(10);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const body = (await api.get(`${p}/tasks?limit=4${q}`)).body as { tasks: Json[]; nextCursor: string | null };
      expect(body.tasks.length).toBeLessThanOrEqual(4);
      seen.push(...body.tasks.map((t) => String(t.id)));
      if (body.nextCursor === null) break;
      expect(body.nextCursor).toBe(body.tasks[body.tasks.length - 1]?.id);
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(all.map((t) => t.id));
    const created = all.map((t) => ms(t.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('sorts by updatedAt (both timestamp forms) and filters by status', async () => {
    const { api, p } = start('default');
    const byUpdate = ((await api.get(`${p}/tasks?sort=updatedAtDesc`)).body as { tasks: Json[] }).tasks;
    const updated = byUpdate.map((t) => ms(t.updatedAt));
    expect(updated.every(Number.isFinite)).toBe(true);
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const failed = ((await api.get(`${p}/tasks?status=failed`)).body as { tasks: Json[] }).tasks;
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed.every((t) => t.status === 'failed' && typeof t.errorMessage === 'string')).toBe(true);
  });

  it('rejects bad cursors, limits and sorts with BAD_REQUEST bodies', async () => {
    const { api, p } = start('default');
    for (const q of ['cursor=NOPE', 'limit=abc', 'sort=random', 'limit=0']) {
      const res = await api.get(`${p}/tasks?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toMatchObject({ error: 'BAD_REQUEST', message: expect.any(String) });
      expect(res.body, 'SAM sends a requestId with a 5xx only').not.toHaveProperty('requestId');
    }
    const huge = (await api.get(`${p}/tasks?limit=100000`)).body as { tasks: Json[] };
    expect(huge.tasks.length).toBeLessThanOrEqual(200);
  });
});

describe('sessions: offset/limit, newest updatedAt first', () => {
  it('pages 50 sessions by 20 with total and hasMore', async () => {
    const { s, api, p } = start('firehose');
    s.clock.advance(3_000);
    const pages = await Promise.all([0, 20, 40].map((o) => api.get(`${p}/sessions?offset=${o}`)));
    const bodies = pages.map((r) => r.body as { sessions: Json[]; total: number; hasMore: boolean });
    expect(bodies.map((b) => b.sessions.length)).toEqual([20, 20, 10]);
    expect(bodies.map((b) => b.hasMore)).toEqual([true, true, false]);
    expect(bodies.every((b) => b.total === 50)).toBe(true);
    const ids = bodies.flatMap((b) => b.sessions.map((x) => String(x.id)));
    expect(new Set(ids).size).toBe(50);
    const expected = [...s.world.sessions.list(firstProject(s).id)].sort((a, b) => b.updatedAt - a.updatedAt).map((x) => x.id);
    expect(ids).toEqual(expected);
    const clamped = (await api.get(`${p}/sessions?limit=1000`)).body as { sessions: Json[] };
    expect(clamped.sessions).toHaveLength(50);
  });

  it('filters by status', async () => {
    const { api, p } = start('default');
    const failed = (await api.get(`${p}/sessions?status=failed`)).body as { sessions: Json[]; total: number };
    expect(failed.total).toBe(failed.sessions.length);
    expect(failed.sessions.length).toBeGreaterThanOrEqual(2);
    expect(failed.sessions.every((x) => x.status === 'failed' && x.isTerminated === true)).toBe(true);
    const two = (await api.get(`${p}/sessions?status=sleeping,stopped`)).body as { sessions: Json[] };
    expect(new Set(two.sessions.map((x) => x.status))).toEqual(new Set(['sleeping', 'stopped']));
  });
});

describe('messages: before/after strict on createdAt, pages oldest-first', () => {
  async function longChat() {
    const ctx = start('long-chat');
    const session = ctx.s.world.sessions.list(firstProject(ctx.s).id)[0];
    if (!session) throw new Error('no session');
    return { ...ctx, sid: session.id, rows: ctx.s.world.messages.all(session.id) };
  }

  it('defaults to the newest 500, oldest-first; walking back with before never repeats or skips', async () => {
    const { api, p, sid, rows } = await longChat();
    const first = (await api.get(`${p}/sessions/${sid}/messages`)).body as { messages: Msg[]; hasMore: boolean };
    expect(first.messages).toHaveLength(500);
    expect(first.hasMore).toBe(true);
    expect(first.messages.map((m) => m.id)).toEqual(rows.slice(-500).map((m) => m.id));
    let collected = first.messages;
    for (let i = 0; i < 3; i++) {
      const before = collected[0]?.createdAt;
      const page = (await api.get(`${p}/sessions/${sid}/messages?limit=200&before=${before}`)).body as { messages: Msg[] };
      expect(page.messages.every((m) => m.createdAt < (before ?? 0))).toBe(true);
      collected = [...page.messages, ...collected];
    }
    expect(collected.map((m) => m.id)).toEqual(rows.slice(-1100).map((m) => m.id));
  });

  it('after= is strict and takes the NEWEST rows unless order=asc; the detail route defaults to 5000 with after', async () => {
    const { api, p, sid, rows } = await longChat();
    const pivot = rows[100] as Msg;
    const after = (await api.get(`${p}/sessions/${sid}/messages?after=${pivot.createdAt}`)).body as { messages: Msg[]; hasMore: boolean };
    expect(after.messages.map((m) => m.id)).toEqual(rows.slice(-500).map((m) => m.id));
    expect(after.hasMore).toBe(true);
    const forward = (await api.get(`${p}/sessions/${sid}/messages?after=${pivot.createdAt}&order=asc&limit=5000`)).body as {
      messages: Msg[];
      hasMore: boolean;
    };
    expect(forward.messages.map((m) => m.id)).toEqual(rows.slice(101, 5101).map((m) => m.id));
    expect(forward.hasMore).toBe(true);
    const delta = (await api.get(`${p}/sessions/${sid}?after=${pivot.createdAt}`)).body as { messages: Msg[]; hasMore: boolean };
    expect(delta.messages.map((m) => m.id)).toEqual(rows.slice(-5000).map((m) => m.id));
    expect(delta.hasMore).toBe(true);
    const end = rows[110] as Msg;
    const window = (await api.get(`${p}/sessions/${sid}/messages?after=${pivot.createdAt}&before=${end.createdAt}`)).body as {
      messages: Msg[];
      hasMore: boolean;
    };
    expect(window.messages.map((m) => m.id)).toEqual(rows.slice(101, 110).map((m) => m.id));
    expect(window.hasMore).toBe(false);
    const tools = (await api.get(`${p}/sessions/${sid}/messages?roles=tool&limit=50&order=asc`)).body as { messages: Msg[] };
    expect(tools.messages).toHaveLength(50);
    expect(tools.messages.every((m) => m.role === 'tool')).toBe(true);
    expect(tools.messages[0]?.id).toBe(rows.find((m) => m.role === 'tool')?.id);
    const detail = (await api.get(`${p}/sessions/${sid}?limit=20&before=${end.createdAt}`)).body as {
      messages: Msg[];
      hasMore: boolean;
      session: Json;
      state: Json;
    };
    expect(detail.messages.map((m) => m.id)).toEqual(rows.slice(90, 110).map((m) => m.id));
    expect(detail.hasMore).toBe(true);
    expect(detail.session.messageCount).toBe(30_000);
    expect(detail.state).toMatchObject({ activity: 'idle' });
    expect((await api.get(`${p}/sessions/${sid}/messages?limit=0`)).status).toBe(400);
    expect((await api.get(`${p}/sessions/${sid}/messages?order=sideways`)).status).toBe(400);
  });
});

describe('notifications: cursor = createdAt ms of the last item', () => {
  it('walks the feed newest first without dismissed ones; unread filter and count agree', async () => {
    const { s, api } = start('default');
    const store = s.world.notifications.all();
    const visible = store.filter((n) => n.dismissedAt === null);
    expect(visible.length).toBeLessThan(store.length);
    const seen: Json[] = [];
    let cursor: number | null = null;
    for (let guard = 0; guard < 20; guard++) {
      const q: string = cursor === null ? '' : `&cursor=${cursor}`;
      const body = (await api.get(`/api/notifications?limit=4${q}`)).body as { notifications: Json[]; nextCursor: number | null };
      seen.push(...body.notifications);
      if (body.nextCursor === null) break;
      expect(body.nextCursor).toBe(ms(body.notifications[body.notifications.length - 1]?.createdAt));
      cursor = body.nextCursor;
    }
    expect(seen.map((n) => n.id)).toEqual([...visible].reverse().map((n) => n.id));
    const unread = (await api.get('/api/notifications?filter=unread&limit=100')).body as { notifications: Json[]; unreadCount: number };
    expect(unread.notifications.every((n) => n.readAt === null)).toBe(true);
    expect(unread.notifications.length).toBe(unread.unreadCount);
    expect((await api.get('/api/notifications/unread-count')).body).toEqual({ count: unread.unreadCount });
    const typed = (await api.get('/api/notifications?type=error')).body as { notifications: Json[] };
    expect(typed.notifications.length).toBeGreaterThan(0);
    expect(typed.notifications.every((n) => n.type === 'error')).toBe(true);
  });
});

describe('errors', () => {
  it('answers with SAM error bodies and the right status', async () => {
    const { s, api, p } = start('default');
    const session = s.world.sessions.list(firstProject(s).id).find((x) => x.status === 'active');
    const cases: Array<[Promise<{ status: number; body: unknown }>, number, string]> = [
      [api.get('/api/projects/nope'), 404, 'NOT_FOUND'],
      [api.get(`${p}/sessions/nope`), 404, 'NOT_FOUND'],
      [api.get(`${p}/tasks/nope`), 404, 'NOT_FOUND'],
      [api.post(`${p}/sessions/${session?.id}/prompt`, { content: '' }), 400, 'BAD_REQUEST'],
      [api.post(`${p}/sessions/${session?.id}/prompt`, '{not json'), 400, 'BAD_REQUEST'],
      [api.post(`${p}/tasks/submit`, { message: 'x', contextSummary: 'y'.repeat(70_000) }), 400, 'BAD_REQUEST'],
      [api.post(`${p}/tasks/submit`, { message: 'x', parentTaskId: 'nope' }), 404, 'NOT_FOUND'],
      [api.get('/api/no-such-route'), 404, 'NOT_FOUND'],
      [api.post('/api/notifications/nope/read'), 404, 'NOT_FOUND'],
    ];
    for (const [call, status, code] of cases) {
      const res = await call;
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ error: code, message: expect.any(String) });
      expect(res.body, 'SAM sends a requestId with a 5xx only').not.toHaveProperty('requestId');
    }
  });
});

describe('compact mode (sam-contract Corrections 5)', () => {
  type ToolRow = { id: string; role: string; toolMetadata: (Json & { content?: unknown[]; contentSize?: number }) | null };
  const toolRows = (messages: ToolRow[]) => messages.filter((m) => m.role === 'tool');

  it('the detail route and /messages leave tool content out and give its size; compact=false and tool-content give it back', async () => {
    const { s, api, p } = start('default');
    const session = s.world.sessions.list(firstProject(s).id).find((x) => s.world.messages.all(x.id).some((m) => (m.toolMetadata?.content ?? []).length > 0));
    if (!session) throw new Error('scenario has no tool output');
    const base = `${p}/sessions/${session.id}`;
    const detail = toolRows(((await api.get(base)).body as { messages: ToolRow[] }).messages);
    const compact = toolRows(((await api.get(`${base}/messages`)).body as { messages: ToolRow[] }).messages);
    const full = toolRows(((await api.get(`${base}/messages?compact=false`)).body as { messages: ToolRow[] }).messages);
    for (const rows of [detail, compact]) {
      expect(rows.length).toBeGreaterThan(0);
      // SAM strips only a non-empty content array (an empty one stays as it is).
      expect(rows.every((m) => (m.toolMetadata?.content ?? []).length === 0)).toBe(true);
      expect(rows.some((m) => (m.toolMetadata?.contentSize ?? 0) > 0)).toBe(true);
    }
    const withOutput = full.find((m) => (m.toolMetadata?.content ?? []).length > 0)!;
    const stripped = compact.find((m) => m.id === withOutput.id)!;
    expect(stripped.toolMetadata?.contentSize).toBe(new TextEncoder().encode(JSON.stringify(withOutput.toolMetadata?.content)).byteLength);
    const loaded = await api.get(`${base}/messages/${withOutput.id}/tool-content`);
    expect(loaded).toMatchObject({ status: 200, body: { content: withOutput.toolMetadata?.content } });
    const user = s.world.messages.all(session.id).find((m) => m.role === 'user')!;
    expect((await api.get(`${base}/messages/${user.id}/tool-content`)).status).toBe(404);
    expect((await api.get(`${base}/messages?compact=maybe`)).status).toBe(400);
  });
});

describe('projects (sam-contract Corrections 8)', () => {
  it('the list carries no task counts; the project route has the real ones in summary', async () => {
    const { s, api, p } = start('default');
    const list = ((await api.get('/api/projects')).body as { projects: Json[] }).projects;
    expect(list.length).toBeGreaterThan(0);
    for (const project of list) expect(project).toMatchObject({ taskCountsByStatus: {}, linkedWorkspaces: 0 });
    const { summary } = (await api.get(p)).body as { summary: { taskCountsByStatus: Record<string, number> } };
    const tasks = s.world.tasks.list(firstProject(s).id);
    expect(Object.values(summary.taskCountsByStatus).reduce((a, b) => a + b, 0)).toBe(tasks.length);
    expect(summary.taskCountsByStatus.in_progress ?? 0).toBe(tasks.filter((t) => t.status === 'in_progress').length);
  });
});

describe('chats of all projects (GET /api/chats, SAM routes/chats.ts)', () => {
  it('serves every project chat newest updatedAt first with its project name, pages by offset, filters by status', async () => {
    const { s, api } = start('default');
    s.clock.advance(3_000);
    const all = (await api.get('/api/chats?limit=100')).body as { sessions: Json[]; total: number };
    const projects = [...s.world.projects.values()];
    const expected = projects.flatMap((project) => s.world.sessions.list(project.id)).sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
    expect(projects.length).toBeGreaterThan(1);
    expect(all.total).toBe(expected.length);
    expect(all.sessions.map((x) => x.id)).toEqual(expected.slice(0, 100).map((x) => x.id));
    const named = new Map(projects.map((project) => [project.id, project.name]));
    for (const row of all.sessions) expect(row.projectName).toBe(named.get(String(row.projectId)));
    expect(Object.keys(all.sessions[0]!).sort()).toEqual(
      [
        'agentCompletedAt',
        'endedAt',
        'id',
        'lastMessageAt',
        'messageCount',
        'projectId',
        'projectName',
        'startedAt',
        'status',
        'taskId',
        'topic',
        'updatedAt',
        'userId',
        'workspaceId',
      ].sort(),
    );

    const byDefault = (await api.get('/api/chats')).body as { sessions: Json[] };
    expect(byDefault.sessions).toHaveLength(Math.min(50, expected.length));
    const second = (await api.get('/api/chats?limit=3&offset=3')).body as { sessions: Json[] };
    expect(second.sessions.map((x) => x.id)).toEqual(expected.slice(3, 6).map((x) => x.id));
    const failed = (await api.get('/api/chats?status=failed')).body as { sessions: Json[]; total: number };
    expect(failed.sessions.length).toBeGreaterThan(0);
    expect(failed.sessions.every((x) => x.status === 'failed')).toBe(true);
  });
});
