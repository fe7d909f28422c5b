import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import * as c from '../src/api/contract';
import { AllChatsSchema } from '../src/api/contract/chats';
import { parseProjectFrame } from '../src/api/contract/projectFrames';
import { createTestSimulator, openTestSocket, settle, type TestSimulator, type TestSocket } from './node';
import { apiClient, firstProject } from './testing';

type Json = Record<string, unknown>;

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

function expectParses(schema: v.GenericSchema, body: unknown, label: string) {
  const result = v.safeParse(schema, body);
  if (!result.success) throw new Error(`${label}: ${c.describeIssues(result.issues)}`);
}

/** Drives a scenario through every route the dashboard calls while sockets record every frame. */
async function scriptedRun(scenario: string) {
  sim = createTestSimulator({ scenario, seed: 21 });
  const s = sim;
  const api = apiClient(s);
  const checked: string[] = [];
  const check = async (schema: v.GenericSchema, method: 'GET' | 'POST', path: string, body?: unknown, status = [200, 202]) => {
    const res = method === 'GET' ? await api.get(path) : await api.post(path, body);
    expect(status, `${method} ${path} -> ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toContain(res.status);
    expectParses(schema, res.body, `${method} ${path}`);
    checked.push(`${method} ${path.split('?')[0]}`);
    return res.body as Json;
  };
  const sockets: TestSocket[] = [...s.world.projects.values()].map((p) => openTestSocket(s.wsUrl(`/api/projects/${p.id}/sessions/ws`)));
  const notifications = openTestSocket(s.wsUrl('/api/notifications/ws'));
  await Promise.all([...sockets, notifications].map((x) => x.opened));

  await check(c.UserSchema, 'GET', '/api/auth/me');
  await check(c.ProjectListSchema, 'GET', '/api/projects?sort=name');
  await check(AllChatsSchema, 'GET', '/api/chats?limit=100');
  const project = firstProject(s);
  const p = `/api/projects/${project.id}`;
  await check(c.ProjectDetailSchema, 'GET', p);
  for (let round = 0; round < 6; round++) {
    s.clock.advance(5_000);
    await settle();
    const tasks = await check(c.TaskListSchema, 'GET', `${p}/tasks?sort=updatedAtDesc`);
    const list = await check(c.SessionListSchema, 'GET', `${p}/sessions?limit=100`);
    for (const row of list.sessions as Json[]) {
      await check(c.SessionDetailSchema, 'GET', `${p}/sessions/${String(row.id)}?limit=30`);
      await check(c.MessagePageSchema, 'GET', `${p}/sessions/${String(row.id)}/messages?limit=30&roles=tool,plan`);
    }
    for (const task of (tasks.tasks as Json[]).slice(0, 3)) {
      await check(c.TaskSchema, 'GET', `${p}/tasks/${String(task.id)}`);
      await check(c.TaskEventListSchema, 'GET', `${p}/tasks/${String(task.id)}/events`);
    }
    await check(c.NotificationListSchema, 'GET', '/api/notifications?limit=10');
    await check(c.UnreadCountSchema, 'GET', '/api/notifications/unread-count');
  }
  const sessions = s.world.sessions.list(project.id);
  const live = sessions.find((x) => x.status === 'active' && x.state.activity === 'prompting' && !x.attention);
  const asking = sessions.find((x) => x.attention);
  const withTask = sessions.find((x) => x.taskId && s.world.tasks.get(x.taskId)?.status === 'completed');
  if (live) {
    await check(c.PromptAcceptedSchema, 'POST', `${p}/sessions/${live.id}/prompt`, { content: 'How is it going?' });
    await check(c.CancelResponseSchema, 'POST', `${p}/sessions/${live.id}/cancel`);
  }
  if (asking?.attention) {
    const path = `${p}/sessions/${asking.id}/attention/${asking.attention.markerId}/resolve`;
    await check(c.OkResponseSchema, 'POST', path, { answer: asking.attention.options[0] });
  }
  for (let i = 0; i < 10; i++) {
    s.clock.advance(2_000);
    await settle();
  }
  if (withTask) {
    const fork = await check(c.ForkPrepareSchema, 'POST', `${p}/sessions/${withTask.id}/fork-prepare`);
    await check(c.SummarizeSchema, 'POST', `${p}/sessions/${withTask.id}/summarize`);
    await check(c.SubmitTaskResponseSchema, 'POST', `${p}/tasks/submit`, {
      message: 'Fork: add docs',
      parentTaskId: fork.parentTaskId,
      contextSummary: fork.summary,
    });
  }
  const anySession = sessions.find((x) => x.status !== 'stopped');
  if (anySession) await check(c.StopResponseSchema, 'POST', `${p}/sessions/${anySession.id}/stop`);
  const someTask = s.world.tasks.list(project.id).find((t) => t.status === 'in_progress');
  if (someTask) await check(c.TaskSchema, 'POST', `${p}/tasks/${someTask.id}/status`, { toStatus: 'cancelled' });
  const feed = await check(c.NotificationListSchema, 'GET', '/api/notifications?filter=unread');
  const first = (feed.notifications as Json[])[0];
  if (first) {
    await check(c.OkResponseSchema, 'POST', `/api/notifications/${String(first.id)}/read`);
    await check(c.OkResponseSchema, 'POST', `/api/notifications/${String(first.id)}/dismiss`);
  }
  await check(c.OkResponseSchema, 'POST', '/api/notifications/read-all');
  await check(c.ErrorBodySchema, 'GET', `${p}/sessions/nope`, undefined, [404]);
  for (let i = 0; i < 10; i++) {
    s.clock.advance(3_000);
    await settle();
  }
  await settle();
  return { checked, projectFrames: sockets.flatMap((x) => x.frames), notificationFrames: notifications.frames };
}

describe('the simulator speaks the contract', () => {
  it.each(['default', 'hostile', 'stale-active'])('every REST body and WS frame of a %s run parses', async (scenario) => {
    const { checked, projectFrames, notificationFrames } = await scriptedRun(scenario);
    expect(checked.length).toBeGreaterThan(20);
    // Agent rows arrive in one messages.batch per VM flush (every ~2 s), so fewer frames than rows.
    expect(projectFrames.length).toBeGreaterThan(scenario === 'default' ? 150 : 4);
    expect(notificationFrames.length).toBeGreaterThan(3);
    const types = new Set<string>();
    for (const frame of projectFrames) {
      const parsed = parseProjectFrame(frame);
      expect(parsed.kind, frame.slice(0, 300)).toBe('event');
      if (parsed.kind === 'event') types.add(parsed.event.type);
    }
    for (const frame of notificationFrames) {
      const parsed = c.parseNotificationFrame(frame);
      expect(parsed.kind, frame.slice(0, 300)).toBe('event');
      if (parsed.kind === 'event') types.add(parsed.event.type);
    }
    if (scenario === 'default') {
      for (const type of [
        'message.new',
        'messages.batch',
        'session.created',
        'session.activity',
        'session.agent_completed',
        'session.stopped',
        'attention.resolved',
        'activity.new',
        'notification.new',
        'notification.read',
        'notification.dismissed',
        'notification.all_read',
        'notification.unread_count',
      ]) {
        expect(types, type).toContain(type);
      }
    }
  });

  it('rows carry exactly the contract fields, timestamps in their wire forms', async () => {
    sim = createTestSimulator({ scenario: 'default', seed: 2 });
    const api = apiClient(sim);
    const p = `/api/projects/${firstProject(sim).id}`;
    const tasks = (await api.get(`${p}/tasks?limit=200`)).body as { tasks: Json[] };
    const taskKeys =
      'id projectId userId parentTaskId workspaceId title description status executionStep priority taskMode dispatchDepth agentProfileHint skillId blocked triggeredBy startedAt completedAt finalizedAt createdAt updatedAt errorMessage outputSummary outputBranch outputPrUrl completionEvidence';
    for (const task of tasks.tasks) {
      expect(Object.keys(task).sort()).toEqual(taskKeys.split(' ').sort());
      expect(task.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    const sql = tasks.tasks.filter((t) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(t.updatedAt)));
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.every((t) => t.status === 'failed')).toBe(true);

    const list = (await api.get(`${p}/sessions`)).body as { sessions: Json[] };
    const rowKeys =
      'id workspaceId taskId createdByUserId topic status messageCount startedAt endedAt createdAt agentCompletedAt lastMessageAt isIdle isTerminated workspaceUrl cleanupAt attention createdBy isMine';
    for (const row of list.sessions) {
      expect(Object.keys(row).sort()).toEqual(rowKeys.split(' ').sort());
      expect(typeof row.createdAt).toBe('number');
      expect(typeof row.lastMessageAt).toBe('number');
    }
    const detail = (await api.get(`${p}/sessions/${String(list.sessions[0]?.id)}?limit=5`)).body as { messages: Json[] };
    for (const m of detail.messages) {
      expect(Object.keys(m).sort()).toEqual('content createdAt id origin role sequence sessionId toolMetadata'.split(' '));
      expect(typeof m.createdAt).toBe('number');
    }
    const feed = (await api.get('/api/notifications?limit=100')).body as { notifications: Json[] };
    const urgency: Readonly<Record<string, string>> = c.DEFAULT_URGENCY;
    expect(new Set(feed.notifications.map((n) => n.type))).toEqual(new Set(Object.keys(urgency)));
    for (const n of feed.notifications) {
      expect(n.urgency).toBe(urgency[String(n.type)]);
      expect(typeof n.createdAt).toBe('string');
      const meta = n.metadata as Json;
      expect(typeof meta.projectName).toBe('string');
      if (n.type === 'needs_input') expect(Object.keys(meta)).toEqual(expect.arrayContaining(['category', 'options', 'attentionMarkerId']));
      if (n.type === 'task_complete') expect(meta.outputBranch).toBeTypeOf('string');
      if (n.sessionId) expect(n.actionUrl).toBe(`/projects/${String(n.projectId)}/chat/${String(n.sessionId)}`);
    }
  });
});
