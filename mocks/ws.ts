import { ws, type WebSocketHandler, type WebSocketHandlerConnection } from 'msw';
import type { FaultController, OutFrame, SocketControl, SocketKind } from './faults';
import type { World } from './world/world';

type Client = WebSocketHandlerConnection['client'];

interface Connection {
  kind: SocketKind;
  client: Client;
  projectId: string | null;
  /** `?sessionId=`: only that session's events plus project-wide ones. */
  sessionFilter: string | null;
}

export const PROJECT_STREAM_URL = '*/api/projects/:projectId/sessions/ws';
export const NOTIFICATION_STREAM_URL = '*/api/notifications/ws';

/** One link per URL for the whole process: every msw link adds a listener to a shared BroadcastChannel. */
let links: { project: ReturnType<typeof ws.link>; notifications: ReturnType<typeof ws.link> } | null = null;
function getLinks() {
  links ??= { project: ws.link(PROJECT_STREAM_URL), notifications: ws.link(NOTIFICATION_STREAM_URL) };
  return links;
}

/**
 * The two streams of the contract over msw's `ws.link`: the project stream (`{type, payload}` session
 * events, flat control replies) and the notification stream (flat frames). No heartbeat, no replay.
 */
export class SocketHub implements SocketControl {
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly world: World,
    private readonly faults: FaultController,
  ) {
    faults.attachSockets(this);
    // Only frames some socket would receive enter the fault pipeline, so "the next N frames" are frames
    // a client actually gets.
    world.subscribeAll((event) => {
      const frame: Omit<OutFrame, 'data'> = {
        kind: 'project',
        type: event.frame.type,
        projectId: event.projectId,
        sessionId: event.sessionId,
      };
      if (!this.wanted(frame)) return;
      faults.process({ ...frame, data: JSON.stringify(event.frame) });
    });
    world.subscribeNotifications((frame) => {
      if (!this.has('notifications')) return;
      faults.process({ kind: 'notifications', type: frame.type, data: JSON.stringify(frame), projectId: null, sessionId: null });
    });
  }

  count(kind?: SocketKind): number {
    let n = 0;
    for (const c of this.connections) if (!kind || c.kind === kind) n += 1;
    return n;
  }

  private has(kind: SocketKind): boolean {
    for (const c of this.connections) if (c.kind === kind) return true;
    return false;
  }

  private static matches(c: Connection, frame: Omit<OutFrame, 'data'>): boolean {
    if (c.kind !== frame.kind) return false;
    if (frame.kind !== 'project') return true;
    if (c.projectId !== frame.projectId) return false;
    return c.sessionFilter === null || frame.sessionId === null || frame.sessionId === c.sessionFilter;
  }

  private wanted(frame: Omit<OutFrame, 'data'>): boolean {
    for (const c of this.connections) if (SocketHub.matches(c, frame)) return true;
    return false;
  }

  deliver(frame: OutFrame): void {
    for (const c of this.connections) if (SocketHub.matches(c, frame)) send(c, frame.data);
  }

  drop(kind: SocketKind | undefined, code: number, reason: string): number {
    let n = 0;
    for (const c of [...this.connections]) {
      if (kind && c.kind !== kind) continue;
      this.connections.delete(c);
      c.client.close(code, reason);
      n += 1;
    }
    return n;
  }

  sendRaw(kind: SocketKind, data: string): number {
    let n = 0;
    for (const c of this.connections) {
      if (c.kind !== kind) continue;
      send(c, data);
      n += 1;
    }
    return n;
  }

  private accept(kind: SocketKind, client: Client, projectId: string | null): void {
    // A refused upgrade looks like an abnormal closure to the browser.
    if (this.faults.signedOut || this.faults.isBlocked(kind)) {
      client.close(1006, this.faults.signedOut ? 'Unauthorized' : 'Service unavailable');
      return;
    }
    if (projectId !== null && !this.world.projects.has(projectId)) {
      client.close(1008, 'Project not found');
      return;
    }
    const connection: Connection = {
      kind,
      client,
      projectId,
      sessionFilter: kind === 'project' ? client.url.searchParams.get('sessionId') : null,
    };
    this.connections.add(connection);
    client.addEventListener('message', (event) => this.onClientMessage(connection, event.data));
    client.addEventListener('close', () => this.connections.delete(connection));
  }

  private onClientMessage(c: Connection, data: unknown): void {
    let frame: unknown;
    try {
      frame = typeof data === 'string' ? JSON.parse(data) : null;
    } catch {
      frame = null;
    }
    const type = frame && typeof frame === 'object' ? (frame as { type?: unknown }).type : undefined;
    if (type === 'ping') send(c, JSON.stringify({ type: 'pong' }));
    else if (c.kind === 'project') send(c, JSON.stringify({ type: 'error', message: `Unsupported message: ${String(type)}` }));
  }

  handlers(): WebSocketHandler[] {
    const { project, notifications } = getLinks();
    return [
      project.addEventListener('connection', ({ client, params }) => this.accept('project', client, decodeURIComponent(String(params.projectId)))),
      notifications.addEventListener('connection', ({ client }) => this.accept('notifications', client, null)),
    ];
  }
}

function send(c: Connection, data: string): void {
  try {
    c.client.send(data);
  } catch {
    // The socket closed between the check and the send; the close listener removes it.
  }
}
