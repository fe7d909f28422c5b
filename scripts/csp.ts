import { createHash } from 'node:crypto';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';

/*
 * Lookout's Content-Security-Policy. Scripts run from this origin or by the hash of the one inline
 * script (the theme boot in index.html, hashed at build time); requests go to this origin (its sockets
 * included: 'self' covers ws:/wss: to the same host) and to VITE_SAM_API_URL when the bundle talks to a
 * SAM elsewhere. No plugins, no <base>, no framing.
 *
 * - `vite build` writes the policy into dist/index.html as a <meta> (everything but frame-ancestors,
 *   which a <meta> cannot carry) and the full header value into dist/csp.txt for whoever serves dist/
 *   (README: "Serving dist/ yourself: the CSP").
 * - `vite preview` and `vite` (dev) send it as a header. The dev server also allows inline <style>:
 *   Vite injects CSS that way during development only.
 */

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

/** `https://api.example.com` -> the origin and its socket origin, for connect-src. */
export function apiSources(apiBaseUrl: string | undefined): string[] {
  if (!apiBaseUrl) return [];
  const url = new URL(apiBaseUrl);
  return [url.origin, `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`];
}

/**
 * The VM agents' sockets (the boot log): SAM serves its API at `api.<domain>` and each workspace at
 * `ws-<id>.<domain>` (its routes/terminal.ts), so `https://api.example.com` -> `wss://*.example.com`.
 * An API on any other host gives no workspace sockets (the boot log then reports it cannot connect).
 */
export function workspaceSocketSources(apiBaseUrl: string | undefined): string[] {
  if (!apiBaseUrl) return [];
  const url = new URL(apiBaseUrl);
  if (!url.hostname.startsWith('api.')) return [];
  return [`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//*.${url.hostname.slice('api.'.length)}`];
}

export interface PolicyOptions {
  scriptHashes: readonly string[];
  connect?: readonly string[];
  /** For a <meta>: frame-ancestors is ignored there (and reported as an error). */
  forMeta?: boolean;
  /** The dev server's CSS arrives in inline <style> elements. */
  inlineStyles?: boolean;
}

export function contentSecurityPolicy({ scriptHashes, connect = [], forMeta = false, inlineStyles = false }: PolicyOptions): string {
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...scriptHashes]],
    ['style-src', inlineStyles ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...connect]],
    // MSW's service worker (simulated builds) is a script of this origin.
    ['worker-src', ["'self'"]],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ...(forMeta ? [] : ([['frame-ancestors', ["'none'"]]] as Array<[string, string[]]>)),
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Sends the policy of the HTML it serves as a header, hashing that HTML's inline scripts. */
function htmlPolicyMiddleware(policyFor: (html: string) => string): Connect.NextHandleFunction {
  return (_req, res: ServerResponse, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const [body] = args;
      const type = String(res.getHeader('content-type') ?? '');
      if (!res.headersSent && type.includes('text/html') && (typeof body === 'string' || Buffer.isBuffer(body))) {
        res.setHeader('content-security-policy', policyFor(body.toString()));
      }
      return end(...args);
    }) as typeof res.end;
    next();
  };
}

export function cspPlugin(options: { apiBaseUrl?: string } = {}): Plugin {
  const connect = [...apiSources(options.apiBaseUrl), ...workspaceSocketSources(options.apiBaseUrl)];
  let outDir = 'dist';
  return {
    name: 'lookout:csp',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const asset = bundle['index.html'];
      if (!asset || asset.type !== 'asset') return;
      const html = String(asset.source);
      const scriptHashes = inlineScriptHashes(html);
      const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy({ scriptHashes, connect, forMeta: true }))}" />`;
      // Right after <meta charset>: a policy in a <meta> covers only what comes after it.
      asset.source = html.replace(/(<meta charset[^>]*>)/i, `$1\n    ${meta}`);
      this.emitFile({ type: 'asset', fileName: 'csp.txt', source: `${contentSecurityPolicy({ scriptHashes, connect })}\n` });
    },
    configureServer(server) {
      server.middlewares.use(htmlPolicyMiddleware((html) => contentSecurityPolicy({ scriptHashes: inlineScriptHashes(html), connect, inlineStyles: true })));
    },
    configurePreviewServer(server) {
      const file = join(outDir, 'csp.txt');
      const built = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
      server.middlewares.use((_req, res, next) => {
        if (built) res.setHeader('content-security-policy', built);
        next();
      });
    },
  };
}
