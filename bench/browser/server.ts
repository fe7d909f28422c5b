/*
 * The benchmarks' SAM: one node HTTP server that serves the live build (static files, SPA fallback),
 * answers /api/* from a handler (the simulator's routes over a world held in node) and speaks
 * WebSocket on the two stream paths. The WebSocket side is a minimal RFC 6455 implementation (text
 * frames, ping/pong, close; no extensions), so the frames reach Chromium over a real socket, exactly
 * as SAM's would, and nothing of the driving runs inside the page.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface ApiAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (method: string, pathWithQuery: string, body: unknown) => ApiAnswer;

export interface StreamSocket {
  readonly kind: 'project' | 'notifications';
  readonly projectId: string | null;
  /** Queues one text frame; false once the socket is closed. */
  send(text: string): boolean;
  /** Sends what `send` queued since the last flush as one write. */
  flush(): void;
  close(code?: number): void;
  readonly closed: boolean;
}

export interface BenchServer {
  readonly origin: string;
  /** Sockets currently open, in connection order. */
  readonly sockets: ReadonlySet<StreamSocket>;
  onSocket(listener: (socket: StreamSocket) => void): void;
  setApi(handler: ApiHandler): void;
  /**
   * From now on, REST requests whose path `matches` wait, unanswered, until the returned release is
   * called (SAM slow or unreachable, without routing the page's requests through the harness).
   */
  hold(matches: (path: string) => boolean): () => void;
  /** REST requests answered so far, by path without query (a sanity check for the report). */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.json': 'application/json',
};

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const PROJECT_STREAM = /^\/api\/projects\/([^/]+)\/sessions\/ws$/;
const NOTIFICATION_STREAM = /^\/api\/notifications\/ws$/;

export async function startServer(root: string, port = 0): Promise<BenchServer> {
  let api: ApiHandler = () => ({ status: 404, body: { error: 'NOT_FOUND', message: 'no api' } });
  const sockets = new Set<StreamSocket>();
  const listeners: Array<(socket: StreamSocket) => void> = [];
  const requests = new Map<string, number>();
  let holding: ((path: string) => boolean) | null = null;
  const held: Array<() => void> = [];

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string) {
    const file = normalize(join(root, path));
    const inside = file.startsWith(normalize(root));
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
      // Hashed assets are immutable; the page itself is always fresh (like a CDN in front of SAM).
      'cache-control': target.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    createReadStream(target).pipe(res);
    void req;
  }

  function serveApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
      } catch {
        body = undefined;
      }
      requests.set(url.pathname, (requests.get(url.pathname) ?? 0) + 1);
      const answer = api(req.method ?? 'GET', url.pathname + url.search, body);
      const payload = JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...answer.headers });
      res.end(payload);
    });
  }

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/') && holding?.(url.pathname)) held.push(() => serveApi(req, res, url));
    else if (url.pathname.startsWith('/api/')) serveApi(req, res, url);
    else serveStatic(req, res, decodeURIComponent(url.pathname));
  });

  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const project = PROJECT_STREAM.exec(url.pathname);
    const key = req.headers['sec-websocket-key'];
    if ((!project && !NOTIFICATION_STREAM.test(url.pathname)) || typeof key !== 'string') {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WS_GUID)
      .digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.setNoDelay(true);
    const ws = wrap(socket, project ? 'project' : 'notifications', project ? decodeURIComponent(project[1] ?? '') : null, () => sockets.delete(ws));
    sockets.add(ws);
    for (const listener of listeners) listener(ws);
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    sockets,
    requests,
    onSocket: (listener) => void listeners.push(listener),
    setApi: (handler) => {
      api = handler;
    },
    hold: (matches) => {
      holding = matches;
      return () => {
        holding = null;
        for (const answer of held.splice(0)) answer();
      };
    },
    close: async () => {
      for (const ws of [...sockets]) ws.close(1001);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** A server-side socket: unmasked frames out; masked client frames in (pings answered with pongs). */
function wrap(socket: Socket, kind: StreamSocket['kind'], projectId: string | null, onClose: () => void): StreamSocket {
  let closed = false;
  let pending: Buffer[] = [];
  let inbox: Buffer<ArrayBufferLike> = Buffer.alloc(0);

  const write = (data: Buffer) => {
    if (!closed) socket.write(data);
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    onClose();
  };

  socket.on('data', (chunk: Buffer) => {
    inbox = inbox.length === 0 ? chunk : Buffer.concat([inbox, chunk]);
    for (;;) {
      if (inbox.length < 2) return;
      const opcode = (inbox[0] ?? 0) & 0x0f;
      const masked = ((inbox[1] ?? 0) & 0x80) !== 0;
      let length = (inbox[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (inbox.length < 4) return;
        length = inbox.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (inbox.length < 10) return;
        length = Number(inbox.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (inbox.length < offset + length) return;
      const payload = Buffer.from(inbox.subarray(offset, offset + length));
      if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] = (payload[i] ?? 0) ^ (inbox[maskAt + (i % 4)] ?? 0);
      inbox = inbox.subarray(offset + length);
      if (opcode === 0x8) {
        write(frame(0x8, payload.subarray(0, 2)));
        socket.end();
        finish();
        return;
      }
      if (opcode === 0x9) write(frame(0xa, payload));
      if (opcode === 0x1) {
        let type: unknown;
        try {
          type = (JSON.parse(payload.toString('utf8')) as { type?: unknown }).type;
        } catch {
          type = undefined;
        }
        // SAM answers the client's keep-alive ping; nothing else a client sends matters here.
        if (type === 'ping') write(frame(0x1, Buffer.from('{"type":"pong"}')));
      }
    }
  });
  socket.on('close', finish);
  socket.on('error', finish);

  return {
    kind,
    projectId,
    get closed() {
      return closed;
    },
    send(text) {
      if (closed) return false;
      pending.push(frame(0x1, Buffer.from(text, 'utf8')));
      return true;
    },
    flush() {
      if (pending.length === 0) return;
      const batch = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
      pending = [];
      write(batch);
    },
    close(code = 1000) {
      if (closed) return;
      const payload = Buffer.alloc(2);
      payload.writeUInt16BE(code, 0);
      write(frame(0x8, payload));
      socket.end();
      finish();
    },
  };
}
