import { afterEach, describe, expect, it } from 'vitest';
import { VM_FLUSH_MS } from './world/messages';
import { parseNotificationFrame, type ProjectEvent } from '../src/api/contract';
import { parseProjectFrame } from '../src/api/contract/projectFrames';
import { createTestSimulator, openTestSocket, settle, type TestSimulator } from './node';
import { apiClient, firstProject } from './testing';

type Json = Record<string, unknown>;

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

async function start(scenario = 'default', seed = 8) {
  sim = createTestSimulator({ scenario, seed });
  const s = sim;
  const project = firstProject(s);
  const socket = openTestSocket(s.wsUrl(`/api/projects/${project.id}/sessions/ws`));
  const notes = openTestSocket(s.wsUrl('/api/notifications/ws'));
  await Promise.all([socket.opened, notes.opened]);
  const events = () =>
    socket.frames.flatMap((f) => {
      const r = parseProjectFrame(f);
      return r.kind === 'event' ? [r.event] : [];
    });
  const noteEvents = () =>
    notes.frames.flatMap((f) => {
      const r = parseNotificationFrame(f);
      return r.kind === 'event' ? [r.event] : [];
    });
  const run = async (ms: number, step = 1_000) => {
    for (let t = 0; t < ms; t += step) {
      s.clock.advance(step);
      await settle(1);
    }
    await settle();
  };
  return { s, api: apiClient(s), project, p: `/api/projects/${project.id}`, socket, events, noteEvents, run };
}

const messagesOf = (events: ProjectEvent[], sessionId: string) =>
  events.flatMap((e) => (e.type === 'message.new' ? [e.message] : e.type === 'messages.batch' ? e.messages : [])).filter((m) => m.sessionId === sessionId);

describe('attention', () => {
  it('validates the answer, resolves the marker, marks the notification read and lets the agent finish', async () => {
    const { s, api, p, project, events, noteEvents, run } = await start();
    const session = s.world.sessions.list(project.id).find((x) => x.attention);
    const marker = session?.attention;
    if (!session || !marker) throw new Error('scenario has no question');
    const base = `${p}/sessions/${session.id}/attention`;
    const wrong = await api.post(`${base}/${marker.markerId}/resolve`, { answer: 'Something else' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'BAD_REQUEST', details: { options: marker.options } });
    expect((await api.post(`${base}/att_nope/resolve`, { answer: marker.options[0] })).status).toBe(404);

    const note = s.world.notifications.all().find((n) => n.metadata.attentionMarkerId === marker.markerId);
    expect(note?.readAt).toBeNull();
    const answer = marker.options[1] ?? marker.options[0];
    const res = await api.post(`${base}/${marker.markerId}/resolve`, { answer });
    expect(res).toMatchObject({ status: 200, body: { success: true } });
    await settle();
    expect(events()).toContainEqual(expect.objectContaining({ type: 'attention.resolved', sessionId: session.id, markerId: marker.markerId }));
    expect(noteEvents()).toContainEqual({ type: 'notification.read', notificationId: note?.id });
    const row = ((await api.get(`${p}/sessions?limit=100`)).body as { sessions: Json[] }).sessions.find((x) => x.id === session.id);
    expect(row?.attention).toBeNull();
    expect((await api.post(`${base}/${marker.markerId}/resolve`, { answer })).status).toBe(404);

    await run(120_000);
    const said = messagesOf(events(), session.id);
    expect(said[0]).toMatchObject({ role: 'user', content: answer });
    expect(
      said
        .filter((m) => m.role === 'assistant')
        .map((m) => m.content)
        .join(''),
    ).toContain(`Going with **${answer}**`);
    const task = (await api.get(`${p}/tasks/${session.taskId}`)).body as Json;
    expect(task.status).toBe('completed');
    expect(events()).toContainEqual(expect.objectContaining({ type: 'activity.new', eventType: 'task.completed' }));
    expect(noteEvents().some((e) => e.type === 'notification.new' && e.notification.type === 'task_complete' && e.notification.sessionId === session.id)).toBe(
      true,
    );
  });
});

describe('submit', () => {
  it('a fork (parentTaskId + contextSummary) starts with the summary as its first system message', async () => {
    const { s, api, p, project, events, run } = await start();
    const parent = s.world.sessions.list(project.id).find((x) => x.taskId && s.world.tasks.get(x.taskId)?.status === 'completed');
    if (!parent) throw new Error('no completed session');
    const fork = (await api.post(`${p}/sessions/${parent.id}/fork-prepare`)).body as Json;
    expect(fork).toMatchObject({ parentTaskId: parent.taskId, parentSessionId: parent.id, sessionLabel: parent.topic });
    const submitted = await api.post(`${p}/tasks/submit`, { message: 'Fork: also add docs', parentTaskId: fork.parentTaskId, contextSummary: fork.summary });
    expect(submitted.status).toBe(202);
    const { taskId, sessionId, status } = submitted.body as { taskId: string; sessionId: string; status: string };
    expect(status).toBe('queued');
    await settle();
    expect(events()).toContainEqual(expect.objectContaining({ type: 'session.created', id: sessionId, taskId, status: 'active', messageCount: 0 }));

    const detail = (await api.get(`${p}/sessions/${sessionId}`)).body as { messages: Json[]; session: Json };
    expect(detail.messages[0]).toMatchObject({ role: 'system', origin: 'system', content: fork.summary, sequence: 1 });
    expect(detail.messages[1]).toMatchObject({ role: 'user', content: 'Fork: also add docs', sequence: 2 });
    const task = (await api.get(`${p}/tasks/${taskId}`)).body as Json;
    expect(task).toMatchObject({ parentTaskId: parent.taskId, triggeredBy: 'user', dispatchDepth: 0, status: 'queued' });

    await run(8_000);
    const later = (await api.get(`${p}/tasks/${taskId}`)).body as Json;
    expect(later.status).toBe('in_progress');
    const events2 = (await api.get(`${p}/tasks/${taskId}/events`)).body as { events: Json[] };
    expect(events2.events.map((e) => e.toStatus)).toEqual(['in_progress', 'delegated', 'queued']);
    await run(20_000);
    const rows = messagesOf(events(), sessionId);
    expect(rows.length).toBeGreaterThan(3);
    const seqs = rows.map((m) => m.sequence ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('prompt, cancel, stop, status', () => {
  it('a prompt is persisted, broadcast and answered', async () => {
    const { s, api, p, project, events, run } = await start();
    const idle = s.world.sessions.list(project.id).find((x) => x.status === 'active' && x.agentCompletedAt !== null);
    if (!idle) throw new Error('no idle session');
    const res = await api.post(`${p}/sessions/${idle.id}/prompt`, { content: 'One more thing: add a test.' });
    expect(res.status).toBe(202);
    const body = res.body as { accepted: boolean; status: string; deliveryId: string; messageId: string };
    expect(body).toMatchObject({ accepted: true, status: 'queued' });
    await settle();
    const first = messagesOf(events(), idle.id)[0];
    expect(first).toMatchObject({ id: body.messageId, role: 'user', content: 'One more thing: add a test.' });
    await run(60_000);
    expect(messagesOf(events(), idle.id).some((m) => m.role === 'assistant')).toBe(true);
    expect(events()).toContainEqual(expect.objectContaining({ type: 'session.activity', sessionId: idle.id, activity: 'prompting' }));
    expect(events()).toContainEqual(expect.objectContaining({ type: 'session.agent_completed', sessionId: idle.id }));
  });

  it('waking a sleeping session reports progress before it answers', async () => {
    const { s, api, p, project, events, run } = await start();
    const sleeping = s.world.sessions.list(project.id).find((x) => x.status === 'sleeping');
    if (!sleeping) throw new Error('no sleeping session');
    await api.post(`${p}/sessions/${sleeping.id}/prompt`, { content: 'Wake up' });
    await run(10_000);
    const types = events()
      .filter((e) => 'sessionId' in e && e.sessionId === sleeping.id)
      .map((e) => e.type);
    expect(types).toContain('session.wake_progress');
    expect(events()).toContainEqual(expect.objectContaining({ type: 'session.updated', sessionId: sleeping.id, status: 'active' }));
    // The agent's answer is VM output: messages.batch (Corrections 4).
    expect(types.indexOf('session.wake_progress')).toBeLessThan(types.lastIndexOf('messages.batch'));
  });

  it('cancel interrupts a streaming agent; stop archives the session and cancels its task', async () => {
    const { s, api, p, project, events, run } = await start();
    const busy = s.world.sessions.list(project.id).find((x) => x.state.activity === 'prompting' && !x.attention && s.fleet.agent(x.id)?.busy);
    if (!busy) throw new Error('no busy session');
    expect((await api.post(`${p}/sessions/${busy.id}/cancel`)).body).toMatchObject({ status: 'cancelled' });
    await run(VM_FLUSH_MS); // rows the VM wrote before the cancel still land with its next flush
    const before = messagesOf(events(), busy.id).length;
    await run(30_000);
    expect(messagesOf(events(), busy.id).length).toBe(before);
    expect((await api.post(`${p}/sessions/${busy.id}/cancel`)).body).toMatchObject({ status: 'idle' });

    expect((await api.post(`${p}/sessions/${busy.id}/stop`)).body).toEqual({ status: 'stopped', workspaceDeleted: true });
    await settle();
    expect(events()).toContainEqual({ type: 'session.stopped', sessionId: busy.id });
    expect(((await api.get(`${p}/tasks/${busy.taskId}`)).body as Json).status).toBe('cancelled');
    expect((await api.post(`${p}/sessions/${busy.id}/prompt`, { content: 'hello?' })).status).toBe(409);
  });

  it('task status follows the transition table: 409 with the allowed list, failed -> ready allowed', async () => {
    const { s, api, p, project } = await start();
    const tasks = s.world.tasks.list(project.id);
    const done = tasks.find((t) => t.status === 'completed');
    const failed = tasks.find((t) => t.status === 'failed');
    const res = await api.post(`${p}/tasks/${done?.id}/status`, { toStatus: 'ready' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'CONFLICT', details: { currentStatus: 'completed', allowed: [] } });
    const back = await api.post(`${p}/tasks/${failed?.id}/status`, { toStatus: 'ready', reason: 'retry in place' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: failed?.id, status: 'ready' });
    expect((await api.post(`${p}/tasks/${failed?.id}/status`, { toStatus: 'completed' })).body).toMatchObject({
      details: { allowed: ['queued', 'delegated', 'cancelled'] },
    });
    expect((await api.post(`${p}/tasks/${failed?.id}/status`, {})).status).toBe(400);
  });
});

describe('project socket', () => {
  it('with ?sessionId= only that session and project-wide events arrive; ping gets a flat pong', async () => {
    const { s, api, p, project, run } = await start();
    const target = s.world.sessions.list(project.id).find((x) => s.fleet.agent(x.id)?.busy);
    if (!target) throw new Error('no busy session');
    const filtered = openTestSocket(s.wsUrl(`/api/projects/${project.id}/sessions/ws?sessionId=${target.id}`));
    await filtered.opened;
    filtered.socket.send(JSON.stringify({ type: 'ping' }));
    await api.post(`${p}/tasks/submit`, { message: 'Project-wide event please' });
    await run(20_000);
    expect(filtered.frames[0]).toBe('{"type":"pong"}');
    const frames = filtered.frames.slice(1).map((f) => JSON.parse(f) as { type: string; payload: Json });
    expect(frames.length).toBeGreaterThan(10);
    for (const f of frames) {
      if (f.type === 'session.created' || f.type === 'activity.new') continue;
      expect(f.payload.sessionId).toBe(target.id);
    }
    expect(frames.some((f) => f.type === 'session.created')).toBe(true);
  });
});

describe('the prompt mailbox (sam-contract Corrections 10)', () => {
  const deliveryStates = (events: ProjectEvent[], deliveryId: unknown) =>
    events.flatMap((e) => (e.type === 'mailbox.delivery_updated' && e.messageId === deliveryId ? [e.deliveryState] : []));

  it('queues a prompt to a busy agent (retry_wait) and reports it delivered once the agent reaches it', async () => {
    const { s, api, p, project, events, run } = await start();
    const session = s.world.sessions.list(project.id).find((x) => s.fleet.agent(x.id)?.busy);
    if (!session) throw new Error('scenario has no working agent');
    const res = await api.post(`${p}/sessions/${session.id}/prompt`, { content: 'also update the docs' });
    expect(res).toMatchObject({ status: 202, body: { accepted: true, status: 'queued' } });
    const { deliveryId } = res.body as Json;
    await settle();
    expect(deliveryStates(events(), deliveryId)).toEqual(['retry_wait']);
    for (let i = 0; i < 60 && deliveryStates(events(), deliveryId).length < 2; i += 1) await run(5_000);
    expect(deliveryStates(events(), deliveryId)).toEqual(['retry_wait', 'acked']);
  });

  it('hands a prompt to a free agent at once', async () => {
    const { s, api, p, project, events } = await start();
    const session = s.world.sessions.list(project.id).find((x) => x.status === 'active' && !s.fleet.agent(x.id)?.busy);
    if (!session) throw new Error('scenario has no free agent');
    const res = await api.post(`${p}/sessions/${session.id}/prompt`, { content: 'thanks' });
    await settle();
    expect(deliveryStates(events(), (res.body as Json).deliveryId)).toEqual(['acked']);
  });
});
