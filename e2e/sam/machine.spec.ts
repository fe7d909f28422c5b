import { expect, test, type Page, type Response } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { ErrorBodySchema, describeIssues } from '../../src/api/contract';
import { IdleResetSchema, NodeEventListSchema, TerminalTokenSchema, WorkspaceSchema } from '../../src/api/contract/machine';
import { API } from '../../scripts/sam/server.mjs';
import { retryOnlyWhenSamWentDown } from './support/crashes';
import { extraChat, sam, task, taskCallback, world, type Chat } from './support/sam';
import { chatRegion, openChat } from './support/screen';
import { BOOT_LOG_CONNECT_TIMEOUT_MS } from '../../src/live/bootLog';

/*
 * The machine strip (docs/machine.md) against SAM's own API, offline: no VM agent runs here, so what can
 * be seen is what the control plane answers by itself. The workspace route, the terminal token's
 * answers (200, 400, 404), a node's event list, and idle-reset; and on screen, a recovery container
 * that the VM agent reports through SAM's real callback, whose boot log cannot be reached offline.
 * They act on SAM's world (callbacks, tokens), so they run once, at desktop width.
 */

test.skip(({ isMobile }) => isMobile, "changes SAM's world: runs once, at desktop width");
retryOnlyWhenSamWentDown();

const chat: Chat = extraChat('machine');
const strip = (page: Page) => chatRegion(page).getByRole('region', { name: 'Machine' });

interface Answer {
  status: number;
  body: unknown;
}

/** SAM's answer as it is, status and body, whatever the status (as the signed-in user). */
async function answer(path: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
  const res = await fetch(API + path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { accept: 'application/json', cookie: world.cookie, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Parses through Lookout's schema; on failure, says which fields did not match. */
function parsed<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  expect(result.success ? 'parses' : describeIssues(result.issues), JSON.stringify(body).slice(0, 400)).toBe('parses');
  return (result as v.SafeParseResult<S> & { success: true }).output;
}

/** The chat's task runs, as the VM agent's callbacks move it: `ready` then pokes no TaskRunner (it looks for a queued or delegated task). */
async function running(target: Chat): Promise<void> {
  const { status } = await task(target.taskId);
  if (status === 'in_progress') return;
  if (status === 'queued') await taskCallback(target, { toStatus: 'delegated' });
  await taskCallback(target, { toStatus: 'in_progress' });
}

/** The VM agent's `POST /api/workspaces/:id/ready` ("running", or "recovery" after a failed devcontainer build). */
const agentReportsReady = (target: Chat, status: 'running' | 'recovery') =>
  sam(`/api/workspaces/${target.workspaceId}/ready`, { bearer: target.callback, body: { status }, afterDrop: async () => 'resend' });

const workspaceStatus = async (workspaceId: string) => ((await answer(`/api/workspaces/${workspaceId}`)).body as { status?: string }).status;

test("Lookout's machine schemas read SAM's own answers: workspace, terminal token (200, 400, 404), node events, idle-reset", async () => {
  const seen: Record<string, Answer & { request: string }> = {};
  const ask = async (name: string, method: string, path: string, body?: unknown) => {
    const got = await answer(path, { method, body });
    const shape = path.replaceAll(/[0-9A-Z]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
    seen[name] = { request: `${method} ${shape}`, ...got };
    test.info().annotations.push({ type: 'sam', description: `${name}: ${got.status} ${JSON.stringify(got.body).slice(0, 200)}` });
    return got;
  };

  // The workspace of a chat (a row as the VM agent's start leaves it).
  const ws = await ask('workspace', 'GET', `/api/workspaces/${chat.workspaceId}`);
  expect(ws.status).toBe(200);
  const workspace = parsed(WorkspaceSchema, ws.body);
  expect(workspace).toMatchObject({ id: chat.workspaceId, nodeId: world.nodeId, chatSessionId: chat.sessionId });
  expect(['running', 'recovery']).toContain(workspace.status);
  expect(workspace.url).toMatch(new RegExp(`^https://ws-${chat.workspaceId}\\.`, 'i'));

  const missing = await ask('workspace-missing', 'GET', '/api/workspaces/NO-SUCH-WORKSPACE');
  expect(missing.status).toBe(404);
  expect(parsed(ErrorBodySchema, missing.body)).toMatchObject({ error: 'NOT_FOUND', message: 'Workspace not found' });

  // The terminal token: 200 for a workspace that runs, 400 for a stopped one, 404 for one that is not the user's.
  const token = await ask('terminal-token', 'POST', '/api/terminal/token', { workspaceId: chat.workspaceId });
  expect(token.status).toBe(200);
  const granted = parsed(TerminalTokenSchema, token.body);
  expect(granted.workspaceUrl).toBe(workspace.url);
  expect(granted.expiresAt).toBeGreaterThan(Date.now());

  const stopped = await ask('terminal-token-stopped', 'POST', '/api/terminal/token', { workspaceId: world.machine.stoppedWorkspaceId });
  expect(stopped.status).toBe(400);
  expect(parsed(ErrorBodySchema, stopped.body)).toMatchObject({ error: 'BAD_REQUEST', message: 'Workspace is not accessible (status: stopped)' });

  const unknown = await ask('terminal-token-missing', 'POST', '/api/terminal/token', { workspaceId: 'NO-SUCH-WORKSPACE' });
  expect(unknown.status).toBe(404);
  expect(parsed(ErrorBodySchema, unknown.body)).toMatchObject({ error: 'NOT_FOUND', message: 'Workspace not found' });

  const malformed = await ask('terminal-token-no-workspace', 'POST', '/api/terminal/token', {});
  expect(malformed.status).toBe(400);
  expect(parsed(ErrorBodySchema, malformed.body)).toMatchObject({ error: 'BAD_REQUEST' });

  // A node's events: nothing from a stopped node, nothing from a running one whose agent cannot be reached, 404 for no node.
  for (const [name, nodeId] of [
    ['node-events-stopped', world.machine.stoppedNodeId],
    ['node-events-unreachable', world.nodeId],
  ] as const) {
    const events = await ask(name, 'GET', `/api/nodes/${nodeId}/events?limit=50`);
    expect(events.status).toBe(200);
    expect(events.body).toEqual({ events: [], nextCursor: null });
    expect(parsed(NodeEventListSchema, events.body)).toEqual({ events: [], nextCursor: null });
  }
  const noNode = await ask('node-events-missing', 'GET', '/api/nodes/NO-SUCH-NODE/events?limit=50');
  expect(noNode.status).toBe(404);
  expect(parsed(ErrorBodySchema, noNode.body)).toMatchObject({ error: 'NOT_FOUND', message: 'Node not found' });

  // Idle cleanup: only SAM's TaskRunner schedules one, once a VM is provisioned; offline there is none.
  const detail = await ask('session-detail', 'GET', `/api/projects/${world.projectId}/sessions/${chat.sessionId}?limit=1`);
  expect((detail.body as { session: { cleanupAt?: unknown } }).session.cleanupAt ?? null).toBeNull();
  const reset = await ask('idle-reset', 'POST', `/api/projects/${world.projectId}/sessions/${chat.sessionId}/idle-reset`);
  expect(reset.status).toBe(200);
  expect(parsed(IdleResetSchema, reset.body)).toEqual({ cleanupAt: 0 });
  const resetMissing = await ask('idle-reset-missing', 'POST', `/api/projects/${world.projectId}/sessions/NO-SUCH-SESSION/idle-reset`);
  expect(resetMissing.status).toBe(404);
  expect(parsed(ErrorBodySchema, resetMissing.body)).toMatchObject({ error: 'NOT_FOUND', message: 'Chat session not found' });

  // For the record (and the simulator's contract fixtures): what SAM said, the token itself left out.
  mkdirSync('test-results', { recursive: true });
  const record = { ...seen, 'terminal-token': { ...seen['terminal-token']!, body: { ...(token.body as object), token: '<a JWT>' } } };
  writeFileSync(join('test-results', 'sam-machine-answers.json'), `${JSON.stringify(record, null, 2)}\n`);
});

/** wrangler's dev proxy now and then drops a request (e2e/sam/support/crashes.ts): 500 "Network connection lost.", never SAM's answer. */
const droppedByProxy = async (res: Response) => res.status() === 500 && /Network connection lost/.test(await res.text());

/**
 * Opens the boot log (or opens it again) and returns SAM's answer to the terminal token Lookout asked for.
 * A token request the proxy dropped is asked again the way a person would: with "Open again".
 */
async function openBootLogPanel(page: Page, open: () => Promise<void>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const answer = page.waitForResponse((res) => res.url().endsWith('/api/terminal/token'));
    await open();
    const res = await answer;
    if (attempt === 3 || !(await droppedByProxy(res))) return res;
    open = () => strip(page).getByRole('region', { name: 'Boot log' }).getByRole('button', { name: 'Open again' }).click();
  }
}

test('a recovery container the VM agent reports shows in the strip; its boot log says plainly that it cannot be reached', async ({ page }) => {
  const crashes: string[] = [];
  page.on('pageerror', (error) => crashes.push(error.message));
  await running(chat);

  // Before: the workspace runs, and the strip has nothing to say about it once Lookout has read it.
  await agentReportsReady(chat, 'running');
  expect(await workspaceStatus(chat.workspaceId)).toBe('running');
  const workspaceRead = page.waitForResponse((res) => res.url().endsWith(`/api/workspaces/${chat.workspaceId}`) && res.status() === 200);
  await openChat(page, chat.sessionId, chat.topic);
  await workspaceRead;
  await expect(strip(page)).toHaveCount(0);

  // The devcontainer build failed and the VM agent started a fallback container: it says so through SAM's callback.
  await agentReportsReady(chat, 'recovery');
  expect(await workspaceStatus(chat.workspaceId)).toBe('recovery');
  await page.reload();
  await expect(strip(page)).toContainText('Recovery container');
  await expect(strip(page)).toContainText('The devcontainer build failed');

  // The boot log: SAM grants a terminal token, but the VM agent's socket (wss://ws-<id>.<domain>) does not exist offline.
  const tokenRes = await openBootLogPanel(page, () => strip(page).getByRole('button', { name: 'Boot log' }).click());
  expect(tokenRes.status()).toBe(200);
  const granted = parsed(TerminalTokenSchema, await tokenRes.json());
  expect(granted.workspaceUrl).toMatch(new RegExp(`^https://ws-${chat.workspaceId}\\.`, 'i'));
  const log = strip(page).getByRole('region', { name: 'Boot log' });
  // The browser may neither open nor fail the socket: Lookout gives up after BOOT_LOG_CONNECT_TIMEOUT_MS.
  await expect(log).toContainText('The boot log is not available', { timeout: 2 * BOOT_LOG_CONNECT_TIMEOUT_MS });
  await expect(log).toContainText('Could not connect to the workspace');
  await expect(log.getByRole('button', { name: 'Open again' })).toBeVisible();
  await expect(strip(page).getByRole('button', { name: 'Hide boot log' })).toHaveAttribute('aria-expanded', 'true');

  // Opening again asks SAM for a new token and ends the same way; nothing on the page threw.
  const again = await openBootLogPanel(page, () => log.getByRole('button', { name: 'Open again' }).click());
  expect(again.status()).toBe(200);
  await expect(log).toContainText('Could not connect to the workspace', { timeout: 2 * BOOT_LOG_CONNECT_TIMEOUT_MS });
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toHaveText(chat.topic);
  expect(crashes).toEqual([]);
});
