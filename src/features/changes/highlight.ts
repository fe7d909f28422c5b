import type { Root } from 'hast';
import type { LanguageFn } from 'highlight.js';

/*
 * Syntax highlighting, loaded on first use: lowlight (highlight.js's grammars, giving a syntax tree, never
 * HTML) in one chunk, and each language in a chunk of its own, fetched when a file of that kind is shown.
 * The tree is drawn as React elements (HighlightedCode.tsx), so nothing from the wire becomes markup.
 * Work is bounded by the caller: one line at a time, and only lines the view draws.
 */

type Lowlight = ReturnType<(typeof import('lowlight'))['createLowlight']>;

const LANGUAGES: Record<string, () => Promise<{ default: LanguageFn }>> = {
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

const BY_EXTENSION: Record<string, keyof typeof LANGUAGES> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  json: 'json',
  css: 'css',
  md: 'markdown',
  go: 'go',
  yml: 'yaml',
  yaml: 'yaml',
  sh: 'bash',
  bash: 'bash',
  html: 'xml',
  xml: 'xml',
  svg: 'xml',
};

/** The grammar for a path, by its extension; null when Lookout has none (the text is drawn plain). */
export function languageOf(path: string): string | null {
  const name = path.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}

let lowlightPromise: Promise<Lowlight> | null = null;
const registered = new Map<string, Promise<void>>();

/** A highlighter for one language, once its grammar has loaded. */
export type Highlighter = (code: string) => Root;

export async function loadHighlighter(language: string): Promise<Highlighter | null> {
  const load = LANGUAGES[language];
  if (!load) return null;
  lowlightPromise ??= import('lowlight').then(({ createLowlight }) => createLowlight());
  const lowlight = await lowlightPromise;
  let ready = registered.get(language);
  if (!ready) {
    ready = load().then((grammar) => lowlight.register(language, grammar.default));
    registered.set(language, ready);
  }
  await ready;
  return (code) => lowlight.highlight(language, code);
}
