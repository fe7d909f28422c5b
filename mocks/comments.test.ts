import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentReplyMutationSchema, CommentThreadListSchema, CommentThreadMutationSchema } from '../src/api/contract/comments';
import { createTestSimulator, type TestSimulator } from './node';
import { apiClient, firstProject } from './testing';

/* The simulator's message comments behave as SAM's (apps/api/src/routes/chat-comments.ts and ProjectData's comments.ts). */

let sim: TestSimulator | null = null;
afterEach(() => sim?.close());

function start() {
  sim = createTestSimulator({ scenario: 'default', seed: 3 });
  const s = sim;
  const projectId = firstProject(s).id;
  const session = s.world.sessions.list(projectId).find((row) => row.status !== 'stopped' && s.world.messages.all(row.id).length > 0)!;
  const message = s.world.messages.all(session.id)[0]!;
  return { s, api: apiClient(s), base: `/api/projects/${projectId}/sessions/${session.id}/comments`, session, message };
}

describe('simulated message comments', () => {
  it('creates, lists, replies, resolves and reopens in SAM’s shapes', async () => {
    const { api, base, message } = start();
    const created = await api.post(base, { messageId: message.id, body: '  look  ', quote: '  here ', clientMutationId: 'c1' });
    expect(created.status).toBe(201);
    const { thread } = v.parse(CommentThreadMutationSchema, created.body);
    expect([thread.body, thread.anchor.quote, thread.status, thread.sequence, thread.version]).toEqual(['look', 'here', 'open', 1, 1]);

    const repeated = await api.post(base, { messageId: message.id, body: 'look', quote: 'here', clientMutationId: 'c1' });
    expect([repeated.status, (repeated.body as { idempotent: boolean }).idempotent]).toEqual([200, true]);
    const clash = await api.post(base, { messageId: message.id, body: 'other', clientMutationId: 'c1' });
    expect(clash.status).toBe(409);

    const reply = await api.post(`${base}/${thread.id}/replies`, { body: 'ok', clientMutationId: 'r1' });
    expect(reply.status).toBe(201);
    expect(v.parse(CommentReplyMutationSchema, reply.body).thread.version).toBe(2);

    const resolved = v.parse(CommentThreadMutationSchema, (await api.post(`${base}/${thread.id}/resolve`, {})).body).thread;
    expect([resolved.status, resolved.resolvedAt !== null]).toEqual(['resolved', true]);
    const reopened = v.parse(CommentThreadMutationSchema, (await api.post(`${base}/${thread.id}/reopen`, {})).body).thread;
    expect([reopened.status, reopened.reopenedAt !== null, reopened.version]).toEqual(['open', true, 4]);

    const list = v.parse(CommentThreadListSchema, (await api.get(base)).body);
    expect(list.threads.map((t) => [t.id, t.status, t.replies.length])).toEqual([[thread.id, 'open', 1]]);
    expect(v.parse(CommentThreadListSchema, (await api.get(`${base}?status=resolved`)).body).threads).toEqual([]);
  });

  it('refuses what SAM refuses', async () => {
    const { api, base, message } = start();
    expect((await api.post(base, { messageId: message.id, body: '   ' })).status).toBe(400);
    expect((await api.post(base, { messageId: message.id, body: 'x'.repeat(8_001) })).status).toBe(400);
    expect((await api.post(base, { messageId: message.id, body: 'b', quote: 'q'.repeat(2_001) })).status).toBe(400);
    expect((await api.post(base, { messageId: 'nope', body: 'b' })).status).toBe(404);
    expect((await api.get(`${base}?status=done`)).status).toBe(400);
    expect((await api.get(`${base}?limit=0`)).status).toBe(400);
    expect((await api.post(`${base}/missing/resolve`, {})).status).toBe(404);
  });

  it('pages by thread sequence', async () => {
    const { api, base, message } = start();
    for (let i = 0; i < 3; i += 1) await api.post(base, { messageId: message.id, body: `c${i}` });
    const first = v.parse(CommentThreadListSchema, (await api.get(`${base}?limit=2`)).body);
    expect([first.threads.map((t) => t.body), first.hasMore]).toEqual([['c0', 'c1'], true]);
    const rest = v.parse(CommentThreadListSchema, (await api.get(`${base}?limit=2&afterSequence=${first.threads[1]!.sequence}`)).body);
    expect([rest.threads.map((t) => t.body), rest.hasMore]).toEqual([['c2'], false]);
  });

  it('the per-thread directive delivers one prompt, once, marks the thread sent, and refuses a resolved thread', async () => {
    const { s, api, base, message, session } = start();
    const { thread } = v.parse(CommentThreadMutationSchema, (await api.post(base, { messageId: message.id, body: 'fix it', quote: 'q' })).body);
    const before = s.world.messages.all(session.id).length;
    const sent = await api.post(`${base}/${thread.id}/send`, {});
    expect(sent.status).toBe(202);
    expect(v.parse(CommentThreadMutationSchema, sent.body).thread.status).toBe('sent');
    expect((await api.post(`${base}/${thread.id}/send`, {})).status).toBe(200);
    const prompts = s.world.messages
      .all(session.id)
      .slice(before)
      .filter((m) => m.role === 'user');
    expect(prompts.map((m) => m.content.split('\n')[0])).toEqual(['SAM comment directive']);
    await api.post(`${base}/${thread.id}/resolve`, {});
    expect((await api.post(`${base}/${thread.id}/send-to-agent`, {})).status).toBe(409);
  });
});
