// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { Options } from 'react-markdown';
import MarkdownRenderer from './MarkdownRenderer';

const parsedLengths: number[] = [];
vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('react-markdown')>();
  const Counted = (options: Options) => {
    parsedLengths.push(options.children?.length ?? 0);
    return real.default(options);
  };
  return { ...real, default: Counted };
});

afterEach(cleanup);

describe('MarkdownRenderer while an answer streams', () => {
  it('parses only the end of the answer per chunk, not the whole answer again', () => {
    const finished = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} with **bold** and \`code\`.`).join('\n\n');
    let text = `${finished}\n\nThe last paragraph`;
    const view = render(<MarkdownRenderer text={text} />);
    parsedLengths.length = 0;
    for (let chunk = 0; chunk < 20; chunk += 1) {
      text += ` grows ${chunk}`;
      view.rerender(<MarkdownRenderer text={text} />);
    }
    expect(view.container.textContent).toContain('grows 19');
    expect(view.container.textContent).toContain('Paragraph 0 with bold');
    // Each chunk re-parses the growing block alone, once: not the answer, however long it is.
    const growing = text.slice(text.lastIndexOf('The last paragraph'));
    expect(parsedLengths).toHaveLength(20);
    expect(Math.max(...parsedLengths)).toBe(growing.length);
  });
});
