import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { cspPlugin } from './scripts/csp.ts';
import { liveProxy } from './scripts/devProxy.ts';

/**
 * Two modes, one codebase:
 * - default ("simulated"): MSW serves the SAM contract from the in-browser simulator (mocks/).
 * - `--mode live`: /api (HTTP and WebSocket) is proxied to a real SAM API so its session cookie works
 *   same-origin (for this origin's pages only: scripts/devProxy.ts), and `__SIMULATED__` is false, so
 *   the simulator is dead code and never bundled.
 */
export default defineConfig(async ({ mode, command }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const live = mode === 'live';
  return {
    plugins: [react(), tailwindcss(), live && withoutMockWorker(), cspPlugin({ apiBaseUrl: env.VITE_SAM_API_URL })],
    define: { __SIMULATED__: JSON.stringify(!live) },
    server: { port: 5173, proxy: live && command === 'serve' ? await liveProxy(env.SAM_API_URL, env.SAM_API_TOKEN) : undefined },
    preview: { port: 4317 },
    // Module workers: the highlighting worker loads each grammar on demand (src/features/changes/highlight.worker.ts).
    worker: { format: 'es' as const },
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
