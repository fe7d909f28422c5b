import { parseBootLogFrame, type TerminalToken } from '../api/contract/machine';
import { EMPTY_LOG, appendBounded, bootLogLine, type BootLogLine, type BoundedLog } from '../reconcile/machine';
import type { LiveEnv, TimerId, WebSocketLike } from './env';

/*
 * The VM agent's boot log, streamed (docs/machine.md): a terminal token from SAM, then the agent's
 * `wss://<workspace host>/boot-log/ws?token=&workspace=`. On connect the agent replays what it buffered
 * (its last 200 lines), then sends each new line, then `{type:'complete'}` and closes once the bootstrap
 * is over. Lines are validated, turned to plain text and kept in a bounded log; the page is told at most
 * once per animation frame, however fast they come.
 */

/** How many lines the page keeps: enough to read a failed build, few enough that a flood cannot freeze it. */
export const BOOT_LOG_MAX_LINES = 2_000;
/**
 * How long the VM agent's socket may take to open. Against SAM offline the browser neither opened nor
 * failed it within 15 s (a workspace host that does not resolve), and the panel said "Connecting" for good.
 */
export const BOOT_LOG_CONNECT_TIMEOUT_MS = 10_000;

/** The socket to the VM agent never opened: offline, a workspace host the network or the page's policy refuses. */
export const CANNOT_CONNECT = 'Could not connect to the workspace; it may be unreachable from this network.';

export type BootLogStatus = 'connecting' | 'streaming' | 'complete' | 'closed' | 'unavailable';

export interface BootLogSnapshot {
  status: BootLogStatus;
  log: BoundedLog;
  /** Why the log could not be opened (the token route's answer), for `unavailable`. */
  problem: string | null;
}

export interface BootLogStream {
  snapshot(): BootLogSnapshot;
  subscribe(onChange: () => void): () => void;
  close(): void;
}

export interface BootLogOptions {
  env: Pick<LiveEnv, 'WebSocket' | 'scheduleFlush' | 'reportError' | 'setTimeout' | 'clearTimeout'>;
  workspaceId: string;
  /** The session row's `workspaceUrl`, used when the token's answer carries none. */
  workspaceUrl: string | null;
  token(): Promise<TerminalToken>;
  maxLines?: number;
}

/** `https://ws-abc.example.com` -> `wss://ws-abc.example.com/boot-log/ws?token=…&workspace=…`, as SAM's web app builds it. */
export function bootLogSocketUrl(workspaceUrl: string, token: string, workspaceId: string): string {
  const url = new URL(workspaceUrl);
  const protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${url.host}/boot-log/ws?token=${encodeURIComponent(token)}&workspace=${encodeURIComponent(workspaceId)}`;
}

export function openBootLog({ env, workspaceId, workspaceUrl, token, maxLines = BOOT_LOG_MAX_LINES }: BootLogOptions): BootLogStream {
  let snapshot: BootLogSnapshot = { status: 'connecting', log: EMPTY_LOG, problem: null };
  const listeners = new Set<() => void>();
  let socket: WebSocketLike | null = null;
  let closed = false;
  let nextId = 0;
  let pending: BootLogLine[] = [];
  let pendingDropped = 0;
  let cancelFlush: (() => void) | null = null;
  let connectTimer: TimerId | null = null;

  const publish = (next: BootLogSnapshot) => {
    snapshot = next;
    for (const listener of [...listeners]) listener();
  };
  const flush = () => {
    cancelFlush = null;
    if (pending.length === 0 && pendingDropped === 0) return;
    const log = appendBounded(snapshot.log, pending, maxLines);
    publish({ ...snapshot, log: { lines: log.lines, dropped: log.dropped + pendingDropped } });
    pending = [];
    pendingDropped = 0;
  };
  const queue = (line: BootLogLine) => {
    pending.push(line);
    // A hidden tab flushes rarely: what waits is bounded too.
    if (pending.length >= 2 * maxLines) {
      pendingDropped += pending.length - maxLines;
      pending = pending.slice(-maxLines);
    }
    cancelFlush ??= env.scheduleFlush(flush);
  };
  const finish = (status: BootLogStatus) => {
    cancelFlush?.();
    flush();
    if (snapshot.status !== 'complete') publish({ ...snapshot, status });
  };

  const connect = (answer: TerminalToken) => {
    const base = answer.workspaceUrl ?? workspaceUrl;
    if (!base) return publish({ ...snapshot, status: 'unavailable', problem: 'SAM gave no address for this workspace.' });
    let ws: WebSocketLike;
    try {
      ws = new env.WebSocket(bootLogSocketUrl(base, answer.token, workspaceId));
    } catch {
      // A browser may refuse the address outright (a Content-Security-Policy without the workspace hosts).
      return publish({ ...snapshot, status: 'unavailable', problem: CANNOT_CONNECT });
    }
    socket = ws;
    let opened = false;
    const cannotConnect = () => {
      socket = null;
      publish({ ...snapshot, status: 'unavailable', problem: CANNOT_CONNECT });
    };
    const giveUp = (connectTimer = env.setTimeout(() => {
      if (opened || closed) return;
      ws.onclose = null;
      ws.close();
      cannotConnect();
    }, BOOT_LOG_CONNECT_TIMEOUT_MS));
    ws.onopen = () => {
      opened = true;
      env.clearTimeout(giveUp);
      publish({ ...snapshot, status: 'streaming' });
    };
    ws.onmessage = ({ data }) => {
      const frame = parseBootLogFrame(data);
      if (!frame) return;
      if (frame.type === 'complete') {
        finish('complete');
        ws.close();
      } else if (frame.type === 'log') queue(bootLogLine(frame, (nextId += 1)));
    };
    ws.onclose = () => {
      env.clearTimeout(giveUp);
      socket = null;
      if (closed) return;
      // Never opened: the workspace's host could not be reached (SAM's token was fine), which is not "closed".
      if (opened) finish('closed');
      else cannotConnect();
    };
    ws.onerror = () => {};
  };

  token().then(
    (answer) => {
      if (!closed) connect(answer);
    },
    (error: unknown) => {
      if (!closed) publish({ ...snapshot, status: 'unavailable', problem: error instanceof Error ? error.message : 'The boot log could not be opened.' });
    },
  );

  return {
    snapshot: () => snapshot,
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    close() {
      closed = true;
      cancelFlush?.();
      if (connectTimer !== null) env.clearTimeout(connectTimer);
      socket?.close();
      socket = null;
    },
  };
}
