import * as c from './contract/machine';
import { request } from './http';

/*
 * The routes about the machine behind a chat (sam-contract.md Corrections 12; docs/machine.md). Apart from
 * api/endpoints.ts so that they load with the machine strip, not with the first screen.
 */
const enc = encodeURIComponent;

export const machineApi = {
  /** `GET /api/workspaces/:id`: the workspace's status (`recovery` = fallback container) and its node. */
  workspace: (workspaceId: string, signal?: AbortSignal) => request(`/api/workspaces/${enc(workspaceId)}`, { schema: c.WorkspaceSchema, signal }),
  /**
   * `POST /api/terminal/token`: a short-lived token for the VM agent's own sockets. SAM counts every
   * token as terminal activity for the workspace's idle detection, so Lookout asks only when a person
   * opens the boot log.
   */
  terminalToken: (workspaceId: string) => request('/api/terminal/token', { schema: c.TerminalTokenSchema, method: 'POST', body: { workspaceId } }),
  /** `GET /api/nodes/:id/events`: the VM agent's events, newest first, relayed by the control plane. */
  nodeEvents: (nodeId: string, limit: number, signal?: AbortSignal) =>
    request(`/api/nodes/${enc(nodeId)}/events`, { schema: c.NodeEventListSchema, query: { limit }, signal }),
  /** `POST .../sessions/:s/idle-reset`: pushes the idle cleanup back; `{ cleanupAt: 0 }` when none is scheduled. */
  idleReset: (projectId: string, sessionId: string) =>
    request(`/api/projects/${enc(projectId)}/sessions/${enc(sessionId)}/idle-reset`, { schema: c.IdleResetSchema, method: 'POST' }),
};

export type MachineApi = typeof machineApi;
