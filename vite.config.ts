import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * Two modes, one codebase:
 * - default ("simulated"): MSW serves the SAM contract from the in-browser simulator (mocks/).
 * - `--mode live`: /api (HTTP and WebSocket) is proxied to a real SAM API so its session cookie works
 *   same-origin, and `__SIMULATED__` is false, so the simulator is dead code and never bundled.
 */
export default defineConfig(async ({ mode, command }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const live = mode === 'live';
  return {
    plugins: [react(), tailwindcss(), live && withoutMockWorker()],
    define: { __SIMULATED__: JSON.stringify(!live) },
    server: { port: 5173, proxy: live && command === 'serve' ? await liveProxy(env.SAM_API_URL, env.SAM_API_TOKEN) : undefined },
    preview: { port: 4317 },
    build: {
      outDir: live ? 'dist' : 'dist-sim',
      target: 'es2022',
      sourcemap: false,
    },
  };
});

/** public/ holds MSW's service worker for the simulated builds; a live bundle ships without it. */
function withoutMockWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lookout:without-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      rmSync(join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

async function liveProxy(
  target: string | undefined,
  token: string | undefined,
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
