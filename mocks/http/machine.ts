import type { SessionRec } from '../world/types';
import { workspaceUrlOf, type NodeEventRec, type WorkspaceRec } from '../world/machines';
import { iso } from '../world/wire';
import { requireProject } from './projects';
import { ApiFailure, badRequest, intParam, notFound, objectBody, ok, type Route, type SimCore } from './router';

/*
 * The machine strip's routes, shaped as SAM's: `GET /api/workspaces/:id` (routes/workspaces/crud.ts,
 * lib/mappers.ts toWorkspaceResponse), `POST /api/terminal/token` (routes/terminal.ts), `GET
 * /api/nodes/:id/events` (routes/nodes.ts relaying the VM agent's `GET /events`), and `POST
 * .../sessions/:s/idle-reset` (routes/chat.ts). The boot-log socket is mocks/bootLogSocket.ts.
 */

/** A chat's workspace without a record of its own: its status follows the chat (running while active). */
function derivedStatus(session: SessionRec): string {
  if (session.status === 'active') return 'running';
  if (session.status === 'sleeping') return 'sleeping';
  return 'stopped';
}

function findWorkspace(core: SimCore, workspaceId: string | undefined): { rec: WorkspaceRec | null; session: SessionRec } {
  const { world } = core;
  for (const project of world.projects.values()) {
    for (const session of world.sessions.list(project.id)) {
      if (session.workspaceId === workspaceId) return { rec: world.machines.workspace(session.workspaceId) ?? null, session };
    }
  }
  throw notFound('Workspace not found');
}

/** The VM agent writes RFC 3339 seconds. */
const rfc3339 = (ms: number) => iso(ms).replace(/\.\d{3}Z$/, 'Z');

function workspaceWire(core: SimCore, workspaceId: string) {
  const { rec, session } = findWorkspace(core, workspaceId);
  const project = core.world.projects.get(session.projectId);
  const status = rec?.status ?? derivedStatus(session);
  return {
    id: workspaceId,
    nodeId: rec?.nodeId ?? `node-${workspaceId}`,
    projectId: session.projectId,
    displayName: session.topic ?? workspaceId,
    name: workspaceId,
    repository: project?.repository ?? '',
    branch: project?.defaultBranch ?? 'main',
    status,
    vmSize: 'medium',
    vmLocation: 'nbg1',
    workspaceProfile: 'full',
    devcontainerConfigName: null,
    vmIp: null,
    lastActivityAt: iso(session.updatedAt),
    portsPublicEnabled: false,
    errorMessage: rec?.errorMessage ?? null,
    createdAt: iso(session.createdAt),
    updatedAt: iso(session.updatedAt),
    url: workspaceUrlOf(workspaceId),
    chatSessionId: session.id,
    // SAM adds the KV boot logs while the workspace is being created.
    ...(status === 'creating'
      ? {
          bootLogs: (rec?.bootLog ?? []).map(({ step, status: s, message, detail, at }) => ({
            step,
            status: s,
            message,
            ...(detail ? { detail } : {}),
            timestamp: iso(at),
          })),
        }
      : {}),
  };
}

function nodeEventWire(event: NodeEventRec) {
  return {
    id: event.id,
    nodeId: event.nodeId,
    workspaceId: event.workspaceId ?? undefined,
    level: event.level,
    type: event.type,
    message: event.message,
    detail: event.detail,
    createdAt: rfc3339(event.createdAt),
  };
}

/** `DEFAULT_TERMINAL_TOKEN_EXPIRY_MS`. */
const TERMINAL_TOKEN_MS = 60 * 60_000;
const ACCESSIBLE = ['running', 'recovery', 'creating'];

export const machineRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/workspaces/:workspaceId',
    handle(core, { params }) {
      const workspace = workspaceWire(core, params.workspaceId ?? '');
      // `getOwnedWorkspace`: a deleted workspace is not found (the token route, reading the row itself, says 400).
      if (workspace.status === 'deleted') throw notFound('Workspace not found');
      return ok(workspace);
    },
  },
  {
    method: 'POST',
    path: '/api/terminal/token',
    handle(core, req) {
      const workspaceId = objectBody(req).workspaceId;
      // SAM checks the body with valibot (`TerminalRequestSchema`): any string passes, and an empty one is then not found.
      if (typeof workspaceId !== 'string') {
        throw badRequest(
          workspaceId === undefined
            ? 'workspaceId: Invalid key: Expected "workspaceId" but received undefined'
            : `workspaceId: Invalid type: Expected string but received ${JSON.stringify(workspaceId)}`,
        );
      }
      const workspace = workspaceWire(core, workspaceId);
      if (!ACCESSIBLE.includes(workspace.status)) throw badRequest(`Workspace is not accessible (status: ${workspace.status})`);
      const now = core.world.now();
      return ok({ token: `sim-term.${workspaceId}.${now}`, expiresAt: iso(now + TERMINAL_TOKEN_MS), workspaceUrl: workspace.url });
    },
  },
  {
    method: 'GET',
    path: '/api/nodes/:nodeId/events',
    handle(core, { params, query }) {
      const nodeId = params.nodeId ?? '';
      const { machines } = core.world;
      if (!machines.hasNode(nodeId)) {
        // A chat's workspace without a record still has a node: a running one with no events yet.
        if (!nodeId.startsWith('node-')) throw notFound('Node not found');
        findWorkspace(core, nodeId.slice('node-'.length));
      }
      const limit = Math.min(Math.max(intParam(query, 'limit', 0) ?? 100, 1), 500);
      return ok({ events: machines.events(nodeId, limit).map(nodeEventWire), nextCursor: null });
    },
  },
  {
    method: 'POST',
    path: '/api/projects/:projectId/sessions/:sessionId/idle-reset',
    handle(core, { params }) {
      const project = requireProject(core, params.projectId);
      const session = params.sessionId ? core.world.sessions.get(params.sessionId) : undefined;
      if (!session || session.projectId !== project.id) throw new ApiFailure(404, 'NOT_FOUND', 'Chat session not found');
      return ok({ cleanupAt: core.world.machines.resetIdleCleanup(session.id) });
    },
  },
];
