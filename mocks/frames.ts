import type { Clock } from './world/clock';

export type SocketKind = 'project' | 'notifications';
export type MalformedKind = 'not-json' | 'unknown-type' | 'bad-payload' | 'oversized';

/** One outgoing frame on its way through the fault pipeline. */
export interface OutFrame {
  kind: SocketKind;
  type: string;
  data: string;
  projectId: string | null;
  sessionId: string | null;
}

export interface StreamFaults {
  duplicate: number;
  reorder: number;
  held: OutFrame[];
  delayMs: number;
  blocked: boolean;
}

export const SOCKET_KINDS: readonly SocketKind[] = ['project', 'notifications'];
const MESSAGE_FRAMES = new Set(['message.new', 'messages.batch']);

/**
 * What happens to frames between the world and the sockets: skipped (a sequence gap), duplicated,
 * delayed on the clock, or held and released in reverse.
 */
export class FramePipeline {
  readonly streams: Record<SocketKind, StreamFaults> = {
    project: { duplicate: 0, reorder: 0, held: [], delayMs: 0, blocked: false },
    notifications: { duplicate: 0, reorder: 0, held: [], delayMs: 0, blocked: false },
  };
  skip = { count: 0, sessionId: null as string | null };

  constructor(
    private readonly clock: Clock,
    private readonly deliver: (frame: OutFrame) => void,
  ) {}

  process(frame: OutFrame): void {
    const s = this.streams[frame.kind];
    if (this.skip.count > 0 && MESSAGE_FRAMES.has(frame.type)) {
      if (this.skip.sessionId === null || this.skip.sessionId === frame.sessionId) {
        this.skip.count -= 1;
        return;
      }
    }
    let copies = 1;
    if (s.duplicate > 0) {
      s.duplicate -= 1;
      copies = 2;
    }
    const send = () => {
      for (let i = 0; i < copies; i++) {
        if (s.reorder > 0) {
          s.held.push(frame);
          s.reorder -= 1;
          if (s.reorder === 0) this.flushHeld(frame.kind);
        } else {
          this.deliver(frame);
        }
      }
    };
    if (s.delayMs > 0) this.clock.setTimeout(send, s.delayMs);
    else send();
  }

  /** Sends held frames now, in reverse order. */
  flushHeld(kind: SocketKind): void {
    const held = this.streams[kind].held.splice(0).reverse();
    for (const frame of held) this.deliver(frame);
  }

  reset(): void {
    for (const k of SOCKET_KINDS) {
      this.flushHeld(k);
      Object.assign(this.streams[k], { duplicate: 0, reorder: 0, delayMs: 0, blocked: false });
    }
    this.skip = { count: 0, sessionId: null };
  }
}

/** The four kinds of bad frame a client must survive. */
export function malformedFrame(variant: MalformedKind, kind: SocketKind): string {
  switch (variant) {
    case 'not-json':
      return '{"type": "message.new", "payload": {oops';
    case 'unknown-type':
      return kind === 'project'
        ? JSON.stringify({ type: 'hologram.projected', payload: { sessionId: 'nope' } })
        : JSON.stringify({ type: 'notification.teleported', notificationId: 'nope' });
    case 'bad-payload':
      return kind === 'project'
        ? JSON.stringify({ type: 'message.new', payload: { sessionId: 42, role: null, createdAt: 'yesterday' } })
        : JSON.stringify({ type: 'notification.new', notification: { id: 7, createdAt: 'not a time' } });
    case 'oversized':
      return JSON.stringify({ type: 'message.new', payload: { sessionId: 'big', content: 'x'.repeat(5 * 1024 * 1024) } });
  }
}
