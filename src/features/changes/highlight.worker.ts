/// <reference lib="webworker" />
import type { Root } from 'hast';
import type { LanguageFn } from 'highlight.js';
import { createLowlight } from 'lowlight';

/*
 * Syntax highlighting off the main thread: lowlight (highlight.js's grammars, giving a syntax tree, never
 * HTML), each grammar fetched when a line of its language first arrives. A long or hostile line costs the
 * worker time, never the page's. Its own bundle, so highlight.js's CommonJS core adds no shared runtime
 * chunk to the first screen.
 */

const GRAMMARS: Record<string, () => Promise<{ default: LanguageFn }>> = {
  typescript: () => import('highlight.js/lib/languages/typescript'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  python: () => import('highlight.js/lib/languages/python'),
  json: () => import('highlight.js/lib/languages/json'),
  css: () => import('highlight.js/lib/languages/css'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  go: () => import('highlight.js/lib/languages/go'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
  bash: () => import('highlight.js/lib/languages/bash'),
  xml: () => import('highlight.js/lib/languages/xml'),
};

export interface HighlightRequest {
  id: number;
  language: string;
  lines: string[];
}

export interface HighlightResponse {
  id: number;
  /** One tree per line asked, or null when the language has no grammar here (or it failed to load). */
  trees: Root[] | null;
}

const lowlight = createLowlight();
const loading = new Map<string, Promise<boolean>>();

function ensureLanguage(language: string): Promise<boolean> {
  let ready = loading.get(language);
  if (!ready) {
    const load = GRAMMARS[language];
    ready = load
      ? load().then(
          (grammar) => (lowlight.register(language, grammar.default), true),
          () => false,
        )
      : Promise.resolve(false);
    loading.set(language, ready);
  }
  return ready;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async (event: MessageEvent<HighlightRequest>) => {
  const { id, language, lines } = event.data;
  const ok = await ensureLanguage(language);
  const trees = ok ? lines.map((line) => lowlight.highlight(language, line)) : null;
  scope.postMessage({ id, trees } satisfies HighlightResponse);
};
