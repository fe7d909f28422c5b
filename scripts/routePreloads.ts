import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/*
 * Lazy chunks fetched while the first screen's script is still loading, for the addresses that will
 * run them (docs/persist.md, "The reopened tab's critical path"). Without this, each lazy chunk is
 * asked for only when the code before it has run: entry, then the persister, then the project view,
 * then the markdown renderer, one round trip after another.
 *
 * At build time the plugin finds each named module's chunk and the chunks it imports statically
 * (those the entry already loads left out), and writes one inline script into index.html that, for
 * the addresses matching a group's pattern, adds a <link rel="modulepreload"> per file. A preloaded
 * module is fetched and compiled, never run: it runs when the app imports it, as before. An address
 * that needs none of them (the projects page needs no project view) fetches none of them.
 * The script is inline so it starts before the entry's own request; the CSP allows it by its hash
 * (scripts/csp.ts hashes every inline script of the built page).
 */

export interface PreloadGroup {
  /** A regular expression (source) tested against location.pathname. */
  path: string;
  /** Modules, relative to the project's root, that are each the facade of a lazy chunk. */
  modules: string[];
}

/** The inline script's marker: scripts/check-bundle.mjs finds the preloads by it. */
export const PRELOAD_SCRIPT_MARKER = 'lookout:route-preloads';

export function routePreloads(groups: PreloadGroup[]): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'lookout:route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
        const byFile = new Map(chunks.map((file) => [file.fileName, file]));
        const closure = (fileName: string, into: Set<string>): Set<string> => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of byFile.get(fileName)?.imports ?? []) closure(imported, into);
          return into;
        };
        const eager = closure(entry.fileName, new Set());
        const table = groups.map(({ path, modules }) => {
          const files = new Set<string>();
          for (const module of modules) {
            const id = resolve(root, module);
            const facade = chunks.find((file) => file.facadeModuleId === id);
            // A renamed or inlined module must fail the build, not silently preload nothing.
            if (!facade) throw new Error(`route preloads: ${module} is not the facade of a chunk`);
            closure(facade.fileName, files);
          }
          return [path, [...files].filter((file) => !eager.has(file)).map((file) => `${base}${file}`)] as const;
        });
        return [
          {
            tag: 'script',
            injectTo: 'head',
            children: `/* ${PRELOAD_SCRIPT_MARKER} */ (function (groups) {
        groups.forEach(function (group) {
          if (!new RegExp(group[0]).test(location.pathname)) return;
          group[1].forEach(function (href) {
            var link = document.createElement('link');
            link.rel = 'modulepreload';
            link.href = href;
            document.head.appendChild(link);
          });
        });
      })(${JSON.stringify(table)});`,
          },
        ];
      },
    },
  };
}
