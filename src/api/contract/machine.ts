import * as v from 'valibot';
import { maybe, maybeTimestamp, openEnum, timestamp } from './primitives';

/*
 * The machine behind a chat: its workspace, the boot log, the VM agent's events and the idle cleanup.
 * A file of its own, imported by path (like projectFrames.ts), so that it loads with the machine strip
 * and not with the first screen. Shapes from SAM's source at b672af2 (docs/machine.md lists the files).
 */

/** `WorkspaceStatus` in SAM's shared types; `recovery` = the devcontainer build failed and a fallback container runs. */
export const WORKSPACE_STATUSES = ['pending', 'creating', 'running', 'recovery', 'sleeping', 'stopping', 'stopped', 'deleted', 'error'] as const;

/** `GET /api/workspaces/:id` (`toWorkspaceResponse`): the fields Lookout reads. */
export const WorkspaceSchema = v.looseObject({
  id: v.string(),
  nodeId: maybe(v.string()),
  status: openEnum(WORKSPACE_STATUSES),
  url: maybe(v.string()),
  errorMessage: maybe(v.string()),
  chatSessionId: maybe(v.string()),
});
export type Workspace = v.InferOutput<typeof WorkspaceSchema>;

/** `POST /api/terminal/token {workspaceId}` -> `TerminalTokenResponse`. */
export const TerminalTokenSchema = v.looseObject({
  token: v.string(),
  expiresAt: timestamp,
  workspaceUrl: maybe(v.string()),
});
export type TerminalToken = v.InferOutput<typeof TerminalTokenSchema>;

/** `POST .../sessions/:s/idle-reset` -> `{ cleanupAt }`: 0 when the session has no idle cleanup scheduled. */
export const IdleResetSchema = v.looseObject({ cleanupAt: v.number() });
export type IdleReset = v.InferOutput<typeof IdleResetSchema>;

/**
 * One frame of the VM agent's `/boot-log/ws` (`BootLogWSEntry`, vm-agent internal/server/bootlog_ws.go):
 * `{type:'log', step, status, message, detail?, timestamp}` per line, `{type:'complete'}` when the
 * bootstrap is over (the agent closes the socket after it). Fields are `omitempty`, so all optional.
 */
export const BootLogFrameSchema = v.looseObject({
  type: openEnum(['log', 'complete'] as const),
  step: maybe(v.string()),
  status: maybe(openEnum(['started', 'completed', 'failed'] as const)),
  message: maybe(v.string()),
  detail: maybe(v.string()),
  timestamp: maybeTimestamp,
});
export type BootLogFrame = v.InferOutput<typeof BootLogFrameSchema>;

/** One VM agent event (`EventRecord`, vm-agent internal/server/server.go), as `GET /api/nodes/:id/events` relays it. */
export const NodeEventSchema = v.looseObject({
  id: v.string(),
  workspaceId: maybe(v.string()),
  level: maybe(v.string()),
  type: v.string(),
  message: maybe(v.string()),
  detail: maybe(v.record(v.string(), v.unknown())),
  createdAt: timestamp,
});
export type NodeEvent = v.InferOutput<typeof NodeEventSchema>;

/** `GET /api/nodes/:id/events?limit` -> newest first; `{ events: [] }` when the node is not running or unreachable. */
export const NodeEventListSchema = v.looseObject({
  // One odd event (the VM agent's detail is free-form) must not cost the others: invalid ones are left out.
  events: v.pipe(
    v.array(v.unknown()),
    v.transform((items) =>
      items.flatMap((item) => {
        const parsed = v.safeParse(NodeEventSchema, item);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  ),
  nextCursor: maybe(v.string()),
});
export type NodeEventList = v.InferOutput<typeof NodeEventListSchema>;

/** A boot-log frame from the socket, validated; anything else (not JSON, wrong shape) is null and dropped. */
export function parseBootLogFrame(data: unknown): BootLogFrame | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = v.safeParse(BootLogFrameSchema, json);
  return parsed.success ? parsed.output : null;
}
