// Captures what SAM's real API sends (REST bodies and WebSocket frames) into
// src/api/contract/fixtures/sam-b672af2/, for the contract tests to replay through Lookout's schemas.
// These are SAM's facts (shapes and values), recorded from a running server; no SAM code is copied.
//
//   node scripts/sam/server.mjs up && node scripts/sam/capture-fixtures.mjs
//
// Needs Node 22 (its WebSocket takes a cookie header). Acts on the seeded world: it streams rows, fails
// a task, raises a question and sends a prompt, so run it on a fresh world.
import { createSign, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATE, WORLD_FILE } from './server.mjs';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/api/contract/fixtures/sam-b672af2');
const world = JSON.parse(readFileSync(process.argv[2] ?? WORLD_FILE, 'utf8'));
const keys = JSON.parse(readFileSync(join(dirname(process.argv[2] ?? WORLD_FILE), 'keys.json'), 'utf8'));
const { projectId } = world;
const api = world.api;
void STATE;

async function call(path, { method, body, bearer } = {}) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  else headers.cookie = world.cookie;
  const res = await fetch(api + path, { method: method ?? (body ? 'POST' : 'GET'), headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function save(name, value) {
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(value, null, 2)}\n`);
  console.log(`[capture] ${name}`);
}

function listen(path) {
  const frames = [];
  const socket = new WebSocket(api.replace(/^http/, 'ws') + path, { headers: { cookie: world.cookie } });
  socket.addEventListener('message', (event) => {
    try {
      frames.push(JSON.parse(String(event.data)));
    } catch {
      frames.push({ unparsed: String(event.data) });
    }
  });
  const opened = new Promise((ok, fail) => {
    socket.addEventListener('open', ok);
    socket.addEventListener('error', fail);
  });
  return { frames, opened, close: () => socket.close() };
}

const b64 = (data) => Buffer.from(data).toString('base64url');
function callbackToken(workspaceId) {
  const now = new Date();
  const kid = `key-${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const iat = Math.floor(now.getTime() / 1000);
  const claims = {
    workspace: workspaceId,
    type: 'callback',
    scope: 'workspace',
    iss: 'https://api.sam.localtest',
    sub: workspaceId,
    aud: 'workspace-callback',
    iat,
    exp: iat + 3600,
  };
  const unsigned = `${b64(JSON.stringify({ alg: 'RS256', kid }))}.${b64(JSON.stringify(claims))}`;
  return `${unsigned}.${b64(createSign('RSA-SHA256').update(unsigned).sign(keys.jwtPrivateKey))}`;
}

mkdirSync(OUT, { recursive: true });
const { active, failed, done } = world.chats;
const rest = {
  'auth-me': '/api/auth/me',
  'projects-list': '/api/projects',
  'project-detail': `/api/projects/${projectId}`,
  'tasks-list': `/api/projects/${projectId}/tasks?limit=50`,
  'task-failed': `/api/projects/${projectId}/tasks/${failed.taskId}`,
  'task-completed': `/api/projects/${projectId}/tasks/${done.taskId}`,
  'sessions-list': `/api/projects/${projectId}/sessions?limit=50`,
  'session-detail-compact': `/api/projects/${projectId}/sessions/${active.sessionId}`,
  'session-detail-full': `/api/projects/${projectId}/sessions/${active.sessionId}?compact=false`,
  'session-detail-failed': `/api/projects/${projectId}/sessions/${failed.sessionId}`,
  'messages-asc': `/api/projects/${projectId}/sessions/${active.sessionId}/messages?order=asc&limit=3`,
  'messages-after-newest': `/api/projects/${projectId}/sessions/${active.sessionId}/messages?after=0&limit=3`,
  notifications: '/api/notifications?limit=50',
  'notifications-unread-count': '/api/notifications/unread-count',
};
for (const [name, path] of Object.entries(rest)) {
  const { status, body } = await call(path);
  save(`rest.${name}`, { request: `GET ${path.replace(projectId, ':p')}`, status, body });
}

const toolRow = (await call(`/api/projects/${projectId}/sessions/${active.sessionId}/messages?order=asc&compact=true`)).body.messages.find(
  (m) => m.role === 'tool',
);
if (toolRow) {
  const { status, body } = await call(`/api/projects/${projectId}/sessions/${active.sessionId}/messages/${toolRow.id}/tool-content`);
  save('rest.tool-content', { request: 'GET .../messages/:m/tool-content', status, body });
}

// Frames: listen on the project and notification sockets while the world changes.
const project = listen(`/api/projects/${projectId}/sessions/ws`);
const inbox = listen('/api/notifications/ws');
await Promise.all([project.opened, inbox.opened]);
const callback = callbackToken(active.workspaceId);
await call(`/api/workspaces/${active.workspaceId}/messages`, {
  bearer: callback,
  body: {
    messages: [
      {
        messageId: randomUUID(),
        sessionId: active.sessionId,
        role: 'assistant',
        content: 'Captured chunk one. ',
        toolMetadata: null,
        timestamp: new Date().toISOString(),
        sequence: 9001,
      },
      {
        messageId: randomUUID(),
        sessionId: active.sessionId,
        role: 'assistant',
        content: 'Captured chunk two.',
        toolMetadata: null,
        timestamp: new Date().toISOString(),
        sequence: 9002,
      },
    ],
  },
});
const prompt = await call(`/api/projects/${projectId}/sessions/${done.sessionId}/prompt`, { body: { content: 'A follow-up while no agent is attached.' } });
save('rest.prompt-queued', { request: 'POST .../sessions/:s/prompt', status: prompt.status, body: prompt.body });
const cancel = await call(`/api/projects/${projectId}/sessions/${done.sessionId}/cancel`, { body: {} });
save('rest.cancel-without-agent', { request: 'POST .../sessions/:s/cancel', status: cancel.status, body: cancel.body });
await call(`/api/projects/${projectId}/tasks/${active.taskId}/status/callback`, {
  bearer: callback,
  body: { toStatus: 'failed', errorMessage: 'Captured failure for the fixtures' },
});
await new Promise((ok) => setTimeout(ok, 4000));
project.close();
inbox.close();
save('ws.project-frames', project.frames);
save('ws.notification-frames', inbox.frames);
const failedTask = await call(`/api/projects/${projectId}/tasks/${active.taskId}`);
save('rest.task-failed-by-callback', { request: 'GET .../tasks/:t', status: failedTask.status, body: failedTask.body });
