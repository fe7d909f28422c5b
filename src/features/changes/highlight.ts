import type { Root } from 'hast';
import type { HighlightRequest, HighlightResponse } from './highlight.worker';

/*
 * The page's side of syntax highlighting: which grammar a path needs, and a cache of highlighted lines
 * filled by a worker (highlight.worker.ts). Lines are asked for as the view draws them, in one message per
 * animation frame; a line is drawn plain until its tree arrives, and stays plain if it never does. The
 * worker starts with the first line asked for, so a page without code never loads it.
 */

const BY_EXTENSION: Record<string, string> = {
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

/** Highlighted lines held at most; past it the oldest go (a long file read to the end is not kept whole). */
const CACHE_LIMIT = 20_000;

type Listener = () => void;

export class LineHighlighter {
  private worker: Worker | null = null;
  private readonly trees = new Map<string, Root | null>();
  private readonly queued = new Map<string, Set<string>>();
  private readonly pending = new Map<number, { language: string; lines: string[] }>();
  private readonly listeners = new Set<Listener>();
  private nextId = 1;
  private flushScheduled = false;

  constructor(private readonly createWorker: () => Worker) {}

  /** The tree of a line once highlighted; undefined while not (yet), null when it never will be. */
  get(language: string, line: string): Root | null | undefined {
    const key = `${language}\u0000${line}`;
    if (this.trees.has(key)) return this.trees.get(key);
    let lines = this.queued.get(language);
    if (!lines) this.queued.set(language, (lines = new Set()));
    lines.add(line);
    this.scheduleFlush();
    return undefined;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.queued.size === 0) return;
    if (!this.worker) {
      try {
        this.worker = this.createWorker();
      } catch {
        this.giveUp();
        return;
      }
      this.worker.onmessage = (event: MessageEvent<HighlightResponse>) => this.receive(event.data);
      this.worker.onerror = () => this.giveUp();
    }
    for (const [language, lines] of this.queued) {
      const id = this.nextId++;
      const list = [...lines];
      for (const line of list) this.trees.set(`${language}\u0000${line}`, undefined as unknown as Root | null);
      this.pending.set(id, { language, lines: list });
      this.worker.postMessage({ id, language, lines: list } satisfies HighlightRequest);
    }
    this.queued.clear();
  }

  private receive({ id, trees }: HighlightResponse): void {
    const asked = this.pending.get(id);
    if (!asked) return;
    this.pending.delete(id);
    asked.lines.forEach((line, i) => this.trees.set(`${asked.language}\u0000${line}`, trees?.[i] ?? null));
    while (this.trees.size > CACHE_LIMIT) {
      const oldest = this.trees.keys().next().value;
      if (oldest === undefined) break;
      this.trees.delete(oldest);
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** Without a worker every line is drawn plain. */
  private giveUp(): void {
    for (const { language, lines } of this.pending.values()) for (const line of lines) this.trees.set(`${language}\u0000${line}`, null);
    for (const [language, lines] of this.queued) for (const line of lines) this.trees.set(`${language}\u0000${line}`, null);
    this.pending.clear();
    this.queued.clear();
    for (const listener of [...this.listeners]) listener();
  }
}
