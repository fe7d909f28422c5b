import { ws, type WebSocketHandler } from 'msw';
import type { BootLogEntryRec } from './world/machines';
import type { World } from './world/world';

/*
 * The VM agent's `/boot-log/ws` (vm-agent internal/server/bootlog_ws.go) on any workspace host: the
 * token of `POST /api/terminal/token` in `?token=`, the workspace in `?workspace=`. A client is sent the
 * buffered lines at once, then each new line as the simulator's clock writes it, then `{type:'complete'}`
 * and a close when the bootstrap is over.
 */
export const BOOT_LOG_URL = '*/boot-log/ws';

let link: ReturnType<typeof ws.link> | null = null;

/** `BootLogWSEntry`: `{type:'log', step, status, message, detail?, timestamp}` with RFC 3339 seconds. */
function logFrame(entry: BootLogEntryRec): string {
  const timestamp = new Date(entry.at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return JSON.stringify({
    type: 'log',
    step: entry.step,
    status: entry.status,
    message: entry.message,
    ...(entry.detail ? { detail: entry.detail } : {}),
    timestamp,
  });
}

/** The agent's last frame; the close waits a turn so that msw delivers the frame before it. */
function completeAndClose(client: { send(data: string): void; close(code?: number): void }): void {
  client.send(JSON.stringify({ type: 'complete' }));
  void Promise.resolve().then(() => client.close(1000));
}

export function bootLogHandler(world: World): WebSocketHandler {
  link ??= ws.link(BOOT_LOG_URL);
  return link.addEventListener('connection', ({ client }) => {
    const workspaceId = client.url.searchParams.get('workspace') ?? '';
    const token = client.url.searchParams.get('token') ?? '';
    const workspace = world.machines.workspace(workspaceId);
    // The agent refuses the upgrade (401/400) before any frame: the browser sees a bare close.
    if (!workspace || !token.startsWith(`sim-term.${workspaceId}.`)) {
      client.close(1008, 'Unauthorized');
      return;
    }
    for (const entry of workspace.bootLog) client.send(logFrame(entry));
    if (workspace.bootComplete) return completeAndClose(client);
    const stop = world.machines.subscribeBootLog(workspaceId, (frame) => {
      try {
        if (frame.type === 'log') client.send(logFrame(frame.entry));
        else completeAndClose(client);
      } catch {
        stop();
      }
    });
    client.addEventListener('close', stop);
  });
}
