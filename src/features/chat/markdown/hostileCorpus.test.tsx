// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import MarkdownRenderer from './MarkdownRenderer';
import { HOSTILE_CORPUS } from './hostileCorpus';

afterEach(cleanup);

// Not timed: the times are figures of `npm run bench` (bench/markdown.bench.ts). This proves each case renders.
describe('the hostile markdown corpus', () => {
  it.each(HOSTILE_CORPUS.map((c) => [c.name, c] as const))('renders %s without throwing, its words visible', (_name, corpusCase) => {
    const { container } = render(<MarkdownRenderer text={corpusCase.text()} choiceKey="m1" />);
    expect(container.textContent).toContain(corpusCase.probe);
  });
});
