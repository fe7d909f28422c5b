import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { cspPlugin } from './scripts/csp.ts';
import { liveProxy } from './scripts/devProxy.ts';
import { routePreloads } from './scripts/routePreloads.ts';
import { installable } from './scripts/serviceWorker.ts';

/**
 * Two modes, one codebase:
 * - default ("simulated"): MSW serves the SAM contract from the in-browser simulator (mocks/).
 * - `--mode live`: /api (HTTP and WebSocket) is proxied to a real SAM API so its session cookie works
 *   same-origin (for this origin's pages only: scripts/devProxy.ts), and `__SIMULATED__` is false, so
 *   the simulator is dead code and never bundled. Only this build is installable (manifest, icons and the
 *   app's service worker: scripts/serviceWorker.ts); the simulated one keeps MSW's worker to itself.
 */
export default defineConfig(async ({ mode, command }) => {
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const live = mode === 'live';
  return {
    plugins: [
      react(),
      tailwindcss(),
      live && withoutMockWorker(),
      live && installable({ root: process.cwd(), mode }),
      // Lazy chunks an address will run, fetched beside the entry (docs/persist.md): the persister on every
      // address (src/main.tsx loads it at startup), the project view and what a chat renders with on a project's.
      routePreloads([
        { path: '^/', modules: ['src/live/persist/persistInBrowser.ts', 'src/live/persist/idbStorage.ts'] },
        {
          path: '^/projects/[^/]+',
          modules: ['src/app/ProjectView.tsx', 'src/features/chat/markdown/MarkdownRenderer.tsx', 'src/features/chat/comments/CommentsLayer.tsx'],
        },
      ]),
      cspPlugin({ apiBaseUrl: env.VITE_SAM_API_URL }),
    ],
    // The app's version busts the kept query cache (src/live/persist): another build never reads it.
    define: { __SIMULATED__: JSON.stringify(!live), __APP_VERSION__: JSON.stringify(appVersion()) },
    server: { port: 5173, proxy: live && command === 'serve' ? await liveProxy(env.SAM_API_URL, env.SAM_API_TOKEN) : undefined },
    preview: { port: 4317 },
    // Module workers: the highlighting worker loads each grammar on demand (src/features/changes/highlight.worker.ts).
    worker: { format: 'es' as const },
    build: {
      outDir: live ? 'dist' : 'dist-sim',
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        output: {
          // Everything the first screen imports statically in one chunk. Without this, a lazy chunk that
          // shares modules with it (the persister, src/live/persist) made rolldown split react and the
          // query core into extra eager chunks: +1.5 KB gzip of chunk overhead on the first screen.
          codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial' as const] }] },
        },
      },
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

/** package.json's version, plus the commit when there is one: a development build changes the shape kept too. */
function appVersion(): string {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  return `${version}+${process.env.LOOKOUT_BUILD_ID ?? 'dev'}`;
}
