import { describe, expect, it, vi } from 'vitest';
import type { HighlightRequest, HighlightResponse } from './highlight.worker';
import { languageOf, LineHighlighter } from './highlight';

/** A stand-in for the module worker: records what it is asked, answers when told. */
class FakeWorker {
  onmessage: ((event: MessageEvent<HighlightResponse>) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly asked: HighlightRequest[] = [];
  terminated = false;
  postMessage(request: HighlightRequest) {
    this.asked.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(request: HighlightRequest, withTrees = true) {
    const trees = withTrees ? request.lines.map((line) => ({ type: 'root' as const, children: [{ type: 'text' as const, value: line }] })) : null;
    this.onmessage?.({ data: { id: request.id, trees } } as MessageEvent<HighlightResponse>);
  }
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('languageOf', () => {
  it('picks a grammar by extension, and none for names without one', () => {
    expect(languageOf('src/a.tsx')).toBe('typescript');
    expect(languageOf('scripts/migrate.py')).toBe('python');
    expect(languageOf('Makefile')).toBeNull();
    expect(languageOf('.env')).toBeNull();
    expect(languageOf('assets/logo.png')).toBeNull();
  });
});

describe('LineHighlighter', () => {
  it('starts no worker until a line is asked for, batches the lines of one turn, and tells listeners when trees arrive', async () => {
    const worker = new FakeWorker();
    const create = vi.fn(() => worker as unknown as Worker);
    const highlighter = new LineHighlighter(create);
    expect(create).not.toHaveBeenCalled();
    const listener = vi.fn();
    highlighter.subscribe(listener);

    expect(highlighter.get('typescript', 'const a = 1;')).toBeUndefined();
    expect(highlighter.get('typescript', 'let b = 2;')).toBeUndefined();
    expect(highlighter.get('python', 'x = 1')).toBeUndefined();
    await tick();
    expect(create).toHaveBeenCalledTimes(1);
    expect(worker.asked.map((r) => [r.language, r.lines])).toEqual([
      ['typescript', ['const a = 1;', 'let b = 2;']],
      ['python', ['x = 1']],
    ]);

    // Asked again while in flight: not sent twice.
    expect(highlighter.get('typescript', 'const a = 1;')).toBeUndefined();
    await tick();
    expect(worker.asked).toHaveLength(2);

    worker.answer(worker.asked[0]!);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(highlighter.get('typescript', 'let b = 2;')).toMatchObject({ type: 'root' });
    // A language without a grammar answers null: drawn plain for good, never asked again.
    worker.answer(worker.asked[1]!, false);
    expect(highlighter.get('python', 'x = 1')).toBeNull();
    await tick();
    expect(worker.asked).toHaveLength(2);
  });

  it('draws everything plain when the worker fails, and ends it with the page', async () => {
    const worker = new FakeWorker();
    const highlighter = new LineHighlighter(() => worker as unknown as Worker);
    highlighter.get('typescript', 'a');
    await tick();
    worker.onerror?.();
    expect(highlighter.get('typescript', 'a')).toBeNull();
    highlighter.dispose();
    expect(worker.terminated).toBe(true);
  });

  it('draws plain when no worker can be made', async () => {
    const highlighter = new LineHighlighter(() => {
      throw new Error('no workers here');
    });
    highlighter.get('typescript', 'a');
    await tick();
    expect(highlighter.get('typescript', 'a')).toBeNull();
  });
});
