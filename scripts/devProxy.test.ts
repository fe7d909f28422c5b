import { createHash } from 'node:crypto';
import { createServer as createHttpServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOwnOrigin } from './devProxy';

/*
 * The `dev:live` proxy signs in (adds SAM's cookie to) requests and WebSocket upgrades from its own
 * origin only. Checked against the real Vite dev server in live mode, in front of a tiny fake SAM on
 * 127.0.0.1 that reports which cookie reached it.
 */

const COOKIE = 'sam_session=the-users-session';
const EVIL = 'http://evil.example';

let upstream: Server;
let vite: ViteDevServer;
let port: number;
const upstreamSaw: Array<{ url: string; cookie: string | undefined }> = [];

beforeAll(async () => {
  upstream = createHttpServer((req, res) => {
    if (req.url === '/api/auth/token-login')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ success: true, sessionCookie: COOKIE }));
    upstreamSaw.push({ url: req.url ?? '', cookie: req.headers.cookie });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ cookie: req.headers.cookie ?? null }));
  });
  upstream.on('upgrade', (req, socket) => {
    upstreamSaw.push({ url: req.url ?? '', cookie: req.headers.cookie });
    const accept = createHash('sha1').update(`${req.headers['sec-websocket-key']}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.end(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nX-Seen-Cookie: ${req.headers.cookie ?? ''}\r\n\r\n`,
    );
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));

  const saved = { url: process.env.SAM_API_URL, token: process.env.SAM_API_TOKEN };
  process.env.SAM_API_URL = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  process.env.SAM_API_TOKEN = 'token';
  try {
    vite = await createServer({
      configFile: resolve(import.meta.dirname, '../vite.config.ts'),
      mode: 'live',
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await vite.listen();
  } finally {
    process.env.SAM_API_URL = saved.url;
    process.env.SAM_API_TOKEN = saved.token;
    if (saved.url === undefined) delete process.env.SAM_API_URL;
    if (saved.token === undefined) delete process.env.SAM_API_TOKEN;
  }
  port = (vite.httpServer!.address() as AddressInfo).port;
}, 60_000);

afterAll(async () => {
  await vite?.close();
  await new Promise((done) => upstream?.close(done));
});

/** Opens a WebSocket handshake through the dev server with the headers a browser page would send. */
function openSocket(headers: Record<string, string>): Promise<{ status: number; seenCookie?: string }> {
  return new Promise((done, fail) => {
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/notifications/ws',
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      done({ status: 101, seenCookie: String(res.headers['x-seen-cookie'] ?? '') });
    });
    req.on('response', (res) => {
      res.resume();
      done({ status: res.statusCode ?? 0 });
    });
    req.on('error', fail);
    req.end();
  });
}

function post(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the dev:live proxy', () => {
  it('refuses a WebSocket opened by a page of another site, and SAM never sees the cookie', async () => {
    const before = upstreamSaw.length;
    const result = await openSocket({ origin: EVIL, 'sec-fetch-site': 'cross-site' });
    expect(result.status).not.toBe(101);
    expect(upstreamSaw.slice(before)).toEqual([]);
  });

  it('refuses it on the Origin alone too (a browser without Sec-Fetch-Site)', async () => {
    expect((await openSocket({ origin: EVIL })).status).not.toBe(101);
  });

  it('signs in a WebSocket opened by its own page', async () => {
    const result = await openSocket({ origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(result).toEqual({ status: 101, seenCookie: COOKIE });
  });

  it('refuses a cross-site POST .../stop with 403, and forwards its own', async () => {
    const stop = '/api/projects/p1/sessions/s1/stop';
    const before = upstreamSaw.length;
    const evil = await post(stop, { origin: EVIL, 'sec-fetch-site': 'cross-site' });
    expect(evil.status).toBe(403);
    expect(upstreamSaw.slice(before)).toEqual([]);
    const own = await post(stop, { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toEqual({ cookie: COOKIE });
  });
});

describe('isOwnOrigin', () => {
  const h = (headers: IncomingHttpHeaders) => isOwnOrigin(headers);
  it.each<[string, IncomingHttpHeaders, boolean]>([
    ['same origin', { host: 'localhost:5173', origin: 'http://localhost:5173', 'sec-fetch-site': 'same-origin' }, true],
    ['no page at all (curl)', { host: 'localhost:5173' }, true],
    ['typed into the address bar', { host: 'localhost:5173', 'sec-fetch-site': 'none' }, true],
    ['another site', { host: 'localhost:5173', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, false],
    ['another local port: same-site, not same-origin', { host: 'localhost:5173', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' }, false],
    ['another local port, Origin only', { host: 'localhost:5173', origin: 'http://localhost:3000' }, false],
    ['a sandboxed frame', { host: 'localhost:5173', origin: 'null' }, false],
    ['DNS rebinding: Origin and Host agree on a foreign name', { host: 'evil.example:5173', origin: 'http://evil.example:5173' }, false],
    ['no Host', { origin: 'http://localhost:5173' }, false],
    ['a phone on the LAN (vite --host)', { host: '192.168.1.20:5173', origin: 'http://192.168.1.20:5173', 'sec-fetch-site': 'same-origin' }, true],
    ['IPv6 loopback', { host: '[::1]:5173', origin: 'http://[::1]:5173' }, true],
  ])('%s -> %s', (_name, headers, expected) => {
    expect(h(headers)).toBe(expected);
  });

  it('accepts a configured host of its own', () => {
    expect(isOwnOrigin({ host: 'lookout.lan:5173', origin: 'http://lookout.lan:5173' }, ['lookout.lan'])).toBe(true);
  });
});
