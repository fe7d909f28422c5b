// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import MarkdownRenderer from './MarkdownRenderer';

function renderMarkdown(text: string) {
  return render(<MarkdownRenderer text={text} />).container;
}

afterEach(cleanup);

describe('MarkdownRenderer', () => {
  it('shows raw HTML as text, never as elements', () => {
    const container = renderMarkdown('Hi <script>alert(1)</script> and <img src=x onerror="alert(2)">');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    expect(container.textContent).toContain('<img src=x onerror="alert(2)">');
  });

  it('drops javascript:, data: and vbscript: hrefs', () => {
    const container = renderMarkdown('[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [d](JAVASCRIPT:alert(1))');
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain('a b c d');
  });

  it('opens safe links in a new tab without an opener', () => {
    renderMarkdown('See [the docs](https://example.com/docs) and https://example.org');
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/docs', 'https://example.org']);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  it('does not load images: it shows their alt text as a link', () => {
    const container = renderMarkdown('![build graph](https://tracker.example.com/p.png)');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('link', { name: 'Image: build graph' })).toHaveAttribute('href', 'https://tracker.example.com/p.png');
  });

  it('renders fenced code in its own scrolling block with the language', () => {
    const container = renderMarkdown('```ts\nconst a = 1;\n```');
    const pre = container.querySelector('pre');
    expect(pre).toHaveClass('overflow-auto');
    expect(pre?.textContent).toBe('const a = 1;');
    expect(screen.getByText('ts')).toBeInTheDocument();
  });

  it('renders GitHub tables and task lists', () => {
    const container = renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done');
    expect(container.querySelector('table')).not.toBeNull();
    expect(container.querySelector('input[type="checkbox"]')).not.toBeNull();
  });
});

describe('MarkdownRenderer budget', () => {
  const overBudget = `Start **bold** ${'word '.repeat(5_000)}`;

  it('shows a block beyond the budget as plain text, and formats it when asked', async () => {
    const user = userEvent.setup();
    const container = renderMarkdown(`# Fine heading\n\n${overBudget}`);
    expect(container.querySelector('h4')).toHaveTextContent('Fine heading');
    expect(container.querySelector('strong')).toBeNull();
    expect(container.textContent).toContain('Start **bold**');
    expect(screen.getByRole('note')).toHaveTextContent(/shown as plain text/i);

    await user.click(screen.getByRole('button', { name: 'Render anyway' }));
    expect(container.querySelector('strong')).toHaveTextContent('bold');

    await user.click(screen.getByRole('button', { name: 'Show as text' }));
    expect(container.querySelector('strong')).toBeNull();
  });

  it('shows no note for ordinary messages', () => {
    renderMarkdown('Just **a** message.\n\n- one\n- two');
    expect(screen.queryByRole('note')).toBeNull();
  });
});

describe('MarkdownRenderer headings', () => {
  it("ranks a message's headings below the chat's title and the row's heading: no h1-h3 from the wire", () => {
    const container = renderMarkdown('# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six');
    expect(container.querySelectorAll('h1, h2, h3')).toHaveLength(0);
    expect([...container.querySelectorAll('h4, h5, h6')].map((h) => `${h.tagName}:${h.textContent}`)).toEqual([
      'H4:One',
      'H5:Two',
      'H6:Three',
      'H6:Four',
      'H6:Five',
      'H6:Six',
    ]);
  });
});
