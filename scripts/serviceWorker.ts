import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { appIcons } from './appIcons.ts';

/*
 * What makes the live bundle installable: the web manifest, the icons (scripts/appIcons.ts) and the app's
 * service worker, /sw.js, built from src/app/sw.ts as one classic script after the app (it needs the final
 * file names to keep the shell). Used by vite.config.ts for `--mode live` only: the simulated bundle has
 * MSW's worker at /mockServiceWorker.js and none of this, so the two workers never share a scope.
 */

export const SERVICE_WORKER_FILE = 'sw.js';
export const MANIFEST_FILE = 'manifest.webmanifest';

const manifest = {
  name: 'Lookout',
  short_name: 'Lookout',
  description: 'Watch your SAM coding agents at work, live.',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  background_color: '#16191f',
  theme_color: '#2952cc',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/** Kept offline: the page, its scripts and styles, the Latin fonts (other scripts' fonts come when first used), the icons. */
const isShellFile = (file: string) => file === 'index.html' || /\.(js|css)$/.test(file) || /inter-latin-(400|600)-normal-[\w-]+\.woff2$/.test(file);

export function installable(options: { root: string; mode: string }): Plugin {
  let outDir = 'dist';
  let shell: string[] = [];
  return {
    name: 'lookout:installable',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: `/${MANIFEST_FILE}` }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: '/icons/apple-touch-icon.png' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      const icons = appIcons();
      for (const [fileName, source] of Object.entries(icons)) this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', fileName: MANIFEST_FILE, source: `${JSON.stringify(manifest, null, 2)}\n` });
      shell = [...Object.keys(bundle).filter(isShellFile), MANIFEST_FILE, 'favicon.svg', ...Object.keys(icons)].map((file) => `/${file}`).sort();
    },
    async closeBundle() {
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      await build({
        configFile: false,
        root: options.root,
        mode: options.mode,
        logLevel: 'warn',
        define: {
          __SIMULATED__: 'false',
          __SHELL_FILES__: JSON.stringify(shell),
          __SHELL_VERSION__: JSON.stringify(version),
        },
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          copyPublicDir: false,
          lib: { entry: resolve(options.root, 'src/app/sw.ts'), formats: ['iife'], name: 'lookoutServiceWorker', fileName: () => SERVICE_WORKER_FILE },
        },
      });
    },
  };
}
