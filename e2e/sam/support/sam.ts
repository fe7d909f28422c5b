import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, STATE, alive, healthy, outlastTaskCleanup, restart } from '../../../scripts/sam/server.mjs';

export { outlastTaskCleanup };

/*
 * The tests' side of SAM's real API: reading its truth (as the signed-in user, straight to SAM, not
 * through Lookout's proxy) and changing its world the way SAM's VM agent would (workspace callback
 * JWTs signed with the run's own key) or the way its MCP tools would. Every check in e2e/sam compares
 * the screen with what these reads return.
 */

export interface Chat {
  topic: string;
  sessionId: string;
  taskId: string;
  workspaceId: string;
  /** The VM agent's credential for this chat's workspace. */
  callback: string;
}

interface World {
  api: string;
  token: string;
  cookie: string;
  userId: string;
  projectId: string;
  nodeId: string;
  mcpToken: string;
  /** The MCP token of the `push` extra chat's agent (scripts/sam/server.mjs agentToolToken). */
  pushMcpToken: string;
  chats: Record<'active' | 'failed' | 'done', Chat>;
  retry: { taskId: string; sessionId: string } | null;
  fork: { taskId: string; sessionId: string };
  extraChats: Record<ExtraChatKey, Omit<Chat, 'callback'>>;
  /** A stopped node with a stopped workspace, no chat (scripts/sam/server.mjs seedStoppedMachine). */
  machine: { stoppedNodeId: string; stoppedWorkspaceId: string };
}

export const world: World = JSON.parse(readFileSync(process.env.LOOKOUT_SAM_WORLD ?? join(STATE, 'world.json'), 'utf8'));
export const projectId = world.projectId;

/** wrangler dev can exit under load (toolchain.md); a test that finds SAM gone starts it again first. */
export async function ensureSamUp(): Promise<void> {
  if (!(await alive()) || !(await healthy())) await restart();
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  bearer?: string;
  /** Statuses that count as success (default: any 2xx). */
  expect?: number[];
  /**
   * For a write that wrangler's proxy dropped (500 "Network connection lost.", cloudflare/workers-sdk#15451),
   * which may or may not have reached SAM: 'resend' when sending it again does no harm or the first did
   * not land, 'landed' when SAM shows it took effect. Without it, a dropped write fails the call.
   */
  afterDrop?: () => Promise<'resend' | 'landed'>;
}

const DROPPED_BY_PROXY = /Network connection lost/;
/** Sends after a dropped write, beyond the first: the proxy can drop the same call again under load. */
const RESENDS_AFTER_DROP = 3;

export async function sam<T = unknown>(path: string, options: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  else headers.cookie = world.cookie;
  const init = {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  };
  // fetch here is patched by scripts/sam/fetch-retry.mjs (imported with server.mjs) for two failures of
  // wrangler's dev proxy: a closed keep-alive connection, and a read it lost on its way to SAM.
  let res = await fetch(API + path, init);
  let text = await res.text();
  for (let resend = 0; resend < RESENDS_AFTER_DROP && options.afterDrop && res.status === 500 && DROPPED_BY_PROXY.test(text); resend++) {
    if ((await options.afterDrop()) === 'landed') return null as T;
    res = await fetch(API + path, init);
    text = await res.text();
  }
  const ok = options.expect ? options.expect.includes(res.status) : res.ok;
  if (!ok) throw new Error(`${init.method} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

// ---- SAM's truth, read as the user ----

export interface SamMessage {
  id: string;
  role: string;
  content: string;
  createdAt: number;
  sequence: number | null;
  toolMetadata: Record<string, unknown> | null;
}

/** Every row of a chat in SAM's display order, read forward in full pages (no compaction). */
export async function allMessages(sessionId: string): Promise<SamMessage[]> {
  const rows: SamMessage[] = [];
  let after = 0;
  for (;;) {
    const page = await sam<{ messages: SamMessage[]; hasMore: boolean }>(
      `/api/projects/${projectId}/sessions/${sessionId}/messages?compact=false&order=asc&limit=1000&after=${after}`,
    );
    rows.push(...page.messages);
    const last = page.messages.at(-1);
    if (!page.hasMore || !last) return rows;
    after = last.createdAt;
  }
}

export const task = (taskId: string) =>
  sam<{ id: string; status: string; errorMessage: string | null; updatedAt: string }>(`/api/projects/${projectId}/tasks/${taskId}`);

export const sessionDetail = (sessionId: string) =>
  sam<{ session: { id: string; status: string; topic: string | null; attention?: unknown }; state: Record<string, unknown> | null }>(
    `/api/projects/${projectId}/sessions/${sessionId}?limit=1`,
  );

export const notifications = () =>
  sam<{ notifications: { id: string; type: string; title: string; sessionId: string | null; readAt: string | null }[] }>('/api/notifications?limit=100');

// ---- acting as the VM agent ----

const keys: { jwtPrivateKey: string } = JSON.parse(readFileSync(join(STATE, 'keys.json'), 'utf8'));
const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A workspace callback token as SAM's control plane issues it to a VM agent (RS256, kid by month). */
function callbackToken(workspaceId: string): string {
  const now = new Date();
  const kid = `key-${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const claims = {
    workspace: workspaceId,
    type: 'callback',
    scope: 'workspace',
    iss: 'https://api.sam.localtest',
    sub: workspaceId,
    aud: 'workspace-callback',
    iat: issuedAt,
    exp: issuedAt + 6 * 3600,
  };
  const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', kid }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(keys.jwtPrivateKey);
  return `${unsigned}.${base64url(signature)}`;
}

type ExtraChatKey = 'stream' | 'fail' | 'gap' | 'tool' | 'queue' | 'requeue' | 'push' | 'comment' | 'machine';

/** The chats the harness made for the live checks (scripts/sam/server.mjs EXTRA_CHATS), with agent credentials. */
export function extraChat(key: ExtraChatKey): Chat {
  const chat = world.extraChats[key];
  return { ...chat, callback: callbackToken(chat.workspaceId) };
}

/** The VM outbox's autoincrement id: one counter for every chat on the (one) VM, as Corrections 3 says. */
let outboxSequence = 1_000;

export interface AgentRow {
  role: 'assistant' | 'thinking' | 'tool' | 'plan' | 'user' | 'system';
  content: string;
  toolMetadata?: Record<string, unknown>;
  /** The VM's clock for this row (default now): an earlier value is a row persisted late. */
  at?: number;
}

/** Persists rows as the VM agent does (POST /api/workspaces/:w/messages, at most 100 a batch). */
export async function agentSays(chat: Chat, rows: AgentRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 100) {
    const batch = rows.slice(start, start + 100).map((row, i) => ({
      messageId: randomUUID(),
      sessionId: chat.sessionId,
      role: row.role,
      content: row.content,
      toolMetadata: row.toolMetadata ? JSON.stringify(row.toolMetadata) : null,
      timestamp: new Date(row.at ?? Date.now() + i).toISOString(),
      sequence: ++outboxSequence,
    }));
    // SAM skips a row whose messageId it already holds, so a batch the proxy dropped is safe to send again.
    await sam(`/api/workspaces/${chat.workspaceId}/messages`, {
      bearer: chat.callback,
      body: { messages: batch },
      afterDrop: async () => 'resend',
    });
  }
}

/** Moves the chat's task as the VM agent's callbacks do (delegated -> in_progress -> failed | completed). */
export function taskCallback(chat: Chat, body: { toStatus: string; errorMessage?: string; outputSummary?: string }) {
  return sam(`/api/projects/${projectId}/tasks/${chat.taskId}/status/callback`, {
    bearer: chat.callback,
    body,
    // A transition is not idempotent (SAM refuses a move to the state the task is in): send it again only
    // when the dropped one did not land.
    afterDrop: async () => ((await task(chat.taskId)).status === body.toStatus ? 'landed' : 'resend'),
  });
}

let rpcId = 0;
/** Calls one of SAM's MCP tools as the agent of the seeded active chat (or of the chat whose token is given). */
export function mcpTool(name: string, args: Record<string, unknown>, token = world.mcpToken) {
  return sam('/mcp', {
    bearer: token,
    body: { jsonrpc: '2.0', id: ++rpcId, method: 'tools/call', params: { name, arguments: args } },
  });
}

// ---- the relay between Lookout and SAM ----

const relay = (word: 'cut' | 'restore') => fetch(`${process.env.LOOKOUT_SAM_RELAY_CONTROL}/${word}`).then((res) => res.json());
/** Ends every connection between Lookout and SAM and refuses new ones, like a lost network. */
export const cutNetwork = () => relay('cut');
export const restoreNetwork = () => relay('restore');
