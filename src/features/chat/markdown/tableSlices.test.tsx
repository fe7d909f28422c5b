// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import ReactMarkdown, { type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Markdown } from './Markdown';
import MarkdownRenderer from './MarkdownRenderer';
import { mayHoldLongTable, SLICE_ROWS, tableSlices } from './tableSlices';

const parsed: string[] = [];
vi.mock('react-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('react-markdown')>();
  const Counted = (options: Options) => {
    parsed.push(options.children ?? '');
    return real.default(options);
  };
  return { ...real, default: Counted };
});

afterEach(() => {
  cleanup();
  parsed.length = 0;
});

function table(rows: number, columns: number): string {
  const line = (cell: (c: number) => string) => `| ${Array.from({ length: columns }, (_, c) => cell(c)).join(' | ')} |`;
  return [line((c) => `h${c}`), line((c) => (c === 1 ? '--:' : '---')), ...Array.from({ length: rows }, (_, r) => line((c) => `r${r} **c${c}**`))].join('\n');
}

const cellsOf = (root: Element) =>
  [...root.querySelectorAll('tr')].map((tr) =>
    [...tr.children].map((cell) => `${cell.tagName}:${cell.getAttribute('style') ?? ''}:${cell.innerHTML}`).join('|'),
  );

describe('a long table', () => {
  it('is parsed in slices of rows, none longer than the header plus SLICE_ROWS rows', () => {
    const view = render(<MarkdownRenderer text={table(50, 10)} />);
    expect(parsed.length).toBe(Math.ceil(50 / SLICE_ROWS));
    for (const text of parsed) expect(text.split('\n').length).toBeLessThanOrEqual(SLICE_ROWS + 2);
    expect(view.container.querySelectorAll('table')).toHaveLength(1);
    expect(view.container.querySelectorAll('thead')).toHaveLength(1);
  });

  it('shows the same rows, cells and alignment as the table parsed whole', () => {
    const text = table(37, 4);
    const sliced = render(<MarkdownRenderer text={text} />).container;
    const whole = render(<ReactMarkdown remarkPlugins={[remarkGfm]}>{text}</ReactMarkdown>).container;
    expect(cellsOf(sliced)).toEqual(cellsOf(whole));
    expect(cellsOf(sliced)).toHaveLength(38);
  });

  it('cuts only a block that is a table and nothing else', () => {
    expect(tableSlices(table(SLICE_ROWS, 3))).toBeNull();
    expect(tableSlices(table(30, 3))?.slices).toHaveLength(3);
    // The header and delimiter must have as many cells, or GFM reads a paragraph.
    expect(tableSlices(table(30, 3).replace('| --- | --: | --- |', '| --- | --: |'))).toBeNull();
    // A row that starts another block (a quote) ends the table.
    expect(tableSlices(`${table(30, 3)}\n> a | quote`)).toBeNull();
    expect(tableSlices(`Some words\n${table(30, 3)}`)).toBeNull();
  });
});

/** Records whether its content held a formatted table in the first commit, the one painted first. */
function FirstPaint({ children, seen }: { children: ReactNode; seen: (hadTable: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    seen(ref.current?.querySelector('table') != null);
  }, [seen]);
  return <div ref={ref}>{children}</div>;
}

describe('a message with a long table', () => {
  it('paints first as text, then is formatted (in the background render, which can pause between slices)', async () => {
    // A short table first: the lazy renderer is then loaded, and a short table is formatted at once.
    const short = table(3, 3);
    const firstPaints: boolean[] = [];
    const seen = (hadTable: boolean) => {
      firstPaints.push(hadTable);
    };
    render(
      <FirstPaint seen={seen}>
        <Markdown text={short} />
      </FirstPaint>,
    );
    await screen.findByRole('table');
    cleanup();
    render(
      <FirstPaint seen={seen}>
        <Markdown text={short} />
      </FirstPaint>,
    );
    render(
      <FirstPaint seen={seen}>
        <Markdown text={table(50, 10)} />
      </FirstPaint>,
    );
    expect(firstPaints.slice(1)).toEqual([true, false]);
    expect(await screen.findAllByRole('table')).toHaveLength(2);
    expect(document.body.textContent).toContain('r49 c9');
  });

  it('is guessed from its lines with a pipe', () => {
    expect(mayHoldLongTable(table(SLICE_ROWS, 2))).toBe(false);
    expect(mayHoldLongTable(table(SLICE_ROWS + 1, 2))).toBe(true);
    expect(mayHoldLongTable('a || b\n'.repeat(SLICE_ROWS + 2))).toBe(false);
  });
});
