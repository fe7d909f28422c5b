import type { SessionRec } from '../world/types';
import { buildWorkspace, directoryEntries, type Workspace } from '../workspace/repo';
import { ApiFailure, badRequest, notFound, ok, type ApiRequest, type Route, type SimCore } from './router';

/*
 * SAM's file proxy (apps/api/src/routes/projects/files.ts) in front of the VM agent's git and file handlers
 * (packages/vm-agent/internal/server/git.go, files.go), with the proxy's own error mapping:
 * - no workspace for the chat: 404 NOT_FOUND "Workspace not found";
 * - a workspace that is not running: 400 BAD_REQUEST "Workspace is not accessible (status: <s>)";
 * - a `path` with `\ : * ? " < > |`, or an empty, `.` or `..` segment: 400 BAD_REQUEST;
 * - the agent's 4xx (a missing `path` on git/diff): 400 "VM agent returned an error";
 * - the agent's 5xx (`cat` of a file that is not there): 500 INTERNAL_ERROR "Workspace agent unavailable (500)".
 * The workspace's status follows the chat: active runs; sleeping is stopped; stopped (archived) is deleted.
 */

const cache = new WeakMap<SimCore, Map<string, Workspace>>();

function workspaceStatus(session: SessionRec): string {
  if (session.status === 'active') return 'running';
  if (session.status === 'sleeping') return 'stopped';
  if (session.status === 'stopped') return 'deleted';
  if (session.status === 'failed') return 'error';
  return session.status;
}

function runningWorkspace(core: SimCore, req: ApiRequest): Workspace {
  const project = core.world.projects.get(req.params.projectId ?? '');
  const session = core.world.sessions.get(req.params.sessionId ?? '');
  if (!project || !session || session.projectId !== project.id) throw notFound('Project not found');
  if (!session.workspaceId) throw notFound('Workspace not found');
  const status = workspaceStatus(session);
  if (status !== 'running' && status !== 'recovery') throw badRequest(`Workspace is not accessible (status: ${status})`);
  let held = cache.get(core);
  if (!held) cache.set(core, (held = new Map()));
  let workspace = held.get(session.id);
  if (!workspace) held.set(session.id, (workspace = buildWorkspace({ largeDiff: /^Migrate\b/.test(session.topic ?? '') })));
  return workspace;
}

/** SAM's `normalizeFileProxyPath`. */
function proxyPath(raw: string): string {
  const normalized = raw.trim().replace(/\\/g, '/');
  if (!normalized) throw badRequest('path is required');
  if (!/^[^\\:*?"<>|]+$/.test(normalized)) throw badRequest('path contains invalid characters');
  const segments = normalized.split('/');
  const check = normalized.startsWith('/') ? segments.slice(1) : segments;
  if (check.length === 1 && check[0] === '.') return '.';
  const start = check[0] === '~' ? 1 : 0;
  for (let i = start; i < check.length; i++) {
    const segment = check[i];
    if (segment === '' || segment === '.' || segment === '..') throw badRequest('path must not contain empty, dot, or dot-dot segments');
  }
  return segments.join('/');
}

const agentRefused = () => badRequest('VM agent returned an error');
const agentFailed = () => new ApiFailure(500, 'INTERNAL_ERROR', 'Workspace agent unavailable (500)');

/** ISO seconds, as the agent writes a file's mtime: a fixed instant, so listings are deterministic. */
const MODIFIED_AT = '2026-11-21T11:42:07Z';

const base = '/api/projects/:projectId/sessions/:sessionId';

export const workspaceRoutes: Route[] = [
  {
    method: 'GET',
    path: `${base}/git/status`,
    handle(core, req) {
      const workspace = runningWorkspace(core, req);
      const staged: unknown[] = [];
      const unstaged: unknown[] = [];
      const untracked: unknown[] = [];
      for (const change of workspace.changes) {
        if (change.xy === '??') {
          untracked.push({ path: change.path, status: '??' });
          continue;
        }
        const [index, worktree] = [change.xy[0], change.xy[1]];
        if (index && index !== ' ')
          staged.push(change.oldPath ? { path: change.path, status: index, oldPath: change.oldPath } : { path: change.path, status: index });
        if (worktree && worktree !== ' ') unstaged.push({ path: change.path, status: worktree });
      }
      return ok({ staged, unstaged, untracked });
    },
  },
  {
    method: 'GET',
    path: `${base}/git/diff`,
    handle(core, req) {
      const workspace = runningWorkspace(core, req);
      const raw = req.query.get('path');
      if (!raw) throw agentRefused();
      const path = proxyPath(raw);
      const staged = req.query.get('staged') === 'true';
      const change = workspace.changes.find((c) => c.path === path);
      let diff = change ? (staged ? change.stagedDiff : change.unstagedDiff) : '';
      // The agent's fallback: an empty diff of a file that exists becomes all additions (git.go handleGitDiff).
      if (diff === '' && !change) {
        const content = workspace.files.get(path);
        if (content)
          diff = `--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${content.replace(/\n$/, '').split('\n').length} @@\n${content
            .replace(/\n$/, '')
            .split('\n')
            .map((line) => `+${line}\n`)
            .join('')}`;
      }
      return ok({ diff, filePath: path });
    },
  },
  {
    method: 'GET',
    path: `${base}/files/list`,
    handle(core, req) {
      const workspace = runningWorkspace(core, req);
      const raw = req.query.get('path');
      const path = raw ? proxyPath(raw) : '.';
      const entries = directoryEntries(workspace, path);
      if (entries === null) throw agentFailed();
      entries.sort((a, b) => (a.type !== b.type ? (a.type === 'dir' ? -1 : 1) : a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
      return ok({ path, entries: entries.map((entry) => ({ ...entry, modifiedAt: MODIFIED_AT })) });
    },
  },
  {
    method: 'GET',
    path: `${base}/files/find`,
    handle(core, req) {
      const workspace = runningWorkspace(core, req);
      return ok({ files: [...workspace.files.keys()] });
    },
  },
  {
    method: 'GET',
    path: `${base}/files/view`,
    handle(core, req) {
      const workspace = runningWorkspace(core, req);
      const raw = req.query.get('path');
      if (!raw) throw badRequest('path query parameter is required');
      const path = proxyPath(raw);
      const content = workspace.files.get(path);
      if (content === undefined) throw agentFailed();
      return ok({ content, filePath: path });
    },
  },
];
