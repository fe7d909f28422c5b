import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProxyOptions } from 'vite';

/*
 * The `dev:live` proxy: /api (HTTP and WebSocket) to SAM_API_URL, with SAM's session cookie when a
 * token was given. That cookie is the user's session, so the proxy serves only pages of its own
 * origin: any other site open in the same browser could otherwise read every agent's output through
 * ws://localhost:5173/api/... or POST .../stop as the user. A request from elsewhere is refused,
 * with or without a token.
 */

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** An address, not a name: DNS cannot rebind it (`vite --host` reached from a phone on the LAN). */
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

type Headers = IncomingMessage['headers'];
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Does this request come from a page of this dev server (or from no page at all: curl, a script)?
 * - `Sec-Fetch-Site` (every current browser, WebSocket handshakes included) must be same-origin or none;
 * - `Origin`, when present, must be this server exactly: scheme-less compare with the Host header;
 * - the Host itself must be an IP address, a loopback name or one of `ownHosts`, so a DNS-rebound name
 *   that resolves to this machine (evil.example -> 127.0.0.1, where Origin and Host agree) is refused too.
 */
export function isOwnOrigin(headers: Headers, ownHosts: readonly string[] = []): boolean {
  const site = one(headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const host = one(headers.host);
  if (!host) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  if (!LOOPBACK.has(hostname) && !IP_LITERAL.test(hostname) && !ownHosts.includes(hostname)) return false;
  const origin = one(headers.origin);
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false; // "null" (a sandboxed frame, a file: page) and anything unparsable
  }
}

export async function liveProxy(
  target: string | undefined,
  token: string | undefined,
  ownHosts: readonly string[] = [],
): Promise<Record<string, ProxyOptions>> {
  if (!target) {
    throw new Error('Live mode needs SAM_API_URL, e.g. SAM_API_URL=https://api.example.com npm run dev:live');
  }
  const cookie = token ? await exchangeToken(target, token) : null;
  return {
    '/api': {
      target,
      changeOrigin: true,
      ws: true,
      secure: true,
      // SAM sets its cookie for its own domain; rewrite it so the browser keeps it on localhost.
      cookieDomainRewrite: '',
      // Runs for HTTP requests and WebSocket upgrades alike; `false` refuses (an upgrade gets a 404).
      bypass(req: IncomingMessage, res: ServerResponse | undefined) {
        if (isOwnOrigin(req.headers, ownHosts)) return undefined;
        res?.writeHead(403, { 'content-type': 'text/plain' }).end('Lookout dev proxy: requests from other origins are refused.\n');
        return false;
      },
      configure(proxy) {
        if (!cookie) return;
        proxy.on('proxyReq', (req) => req.setHeader('cookie', cookie));
        proxy.on('proxyReqWs', (req) => req.setHeader('cookie', cookie));
      },
    },
  };
}

/** Trades SAM_API_TOKEN for a session cookie once, through SAM's CLI-style login. */
async function exchangeToken(target: string, token: string): Promise<string | null> {
  const res = await fetch(new URL('/api/auth/token-login', target), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!res.ok) {
    console.error(`[lookout] token login failed: HTTP ${res.status}; continuing without a cookie`);
    return null;
  }
  const body = (await res.json()) as { sessionCookie?: string };
  return body.sessionCookie ?? null;
}
