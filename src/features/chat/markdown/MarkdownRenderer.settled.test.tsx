// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import MarkdownRenderer, { SETTLED_CHARS } from './MarkdownRenderer';

afterEach(cleanup);

const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => `Paragraph ${i}: ${'words and more words '.repeat(8)}`).join('\n\n');

describe('the settled part of a long message', () => {
  it('is boxed to be laid out and painted only near the screen; the end of the message is not', () => {
    const text = paragraphs(200);
    const { container } = render(<MarkdownRenderer text={text} />);
    const settled = [...container.querySelectorAll('.markdown-settled')];
    expect(settled.length).toBeGreaterThan(0);
    for (const box of settled) expect((box as HTMLElement).style.containIntrinsicBlockSize).toMatch(/^auto \d+px$/);
    // The last SETTLED_CHARS of the text are outside any settled box.
    const unsettledText = [...container.querySelectorAll('.markdown > div:not(.markdown-settled)')].map((box) => box.textContent).join('');
    expect(unsettledText.length).toBeGreaterThanOrEqual(SETTLED_CHARS * 0.8);
  });

  it('keeps its boxes and their content while the answer grows, and boxes more as it grows', () => {
    let text = paragraphs(200);
    const view = render(<MarkdownRenderer text={text} />);
    const before = [...view.container.querySelectorAll('.markdown-settled')];
    const firstParagraph = before[0]?.querySelector('p');
    for (let chunk = 0; chunk < 60; chunk += 1) {
      text += chunk % 10 === 9 ? '\n\nNext paragraph' : ` grows ${'x'.repeat(80)}`;
      view.rerender(<MarkdownRenderer text={text} />);
    }
    const after = [...view.container.querySelectorAll('.markdown-settled')];
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after[0]?.querySelector('p')).toBe(firstParagraph);
  });

  it('is absent from a message shorter than the settled distance', () => {
    const { container } = render(<MarkdownRenderer text={paragraphs(10)} />);
    expect(container.querySelector('.markdown-settled')).toBeNull();
  });
});
