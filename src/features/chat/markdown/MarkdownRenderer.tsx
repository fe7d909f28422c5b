import { memo, useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Element, ElementContent } from 'hast';
import { useExpanded } from '../useExpanded';
import { parseUnits, splitBlocks, type Block, type BlockSplit } from './blocks';
import { judgeBlock, MAX_MARKDOWN_CHARS, type BlockVerdict } from './budget';
import { CodeBlock } from './CodeBlock';
import { PlainText } from './PlainText';
import { safeUrl } from './safeUrl';
import { tableSlices, type TableSlices } from './tableSlices';

/*
 * Markdown from the wire, rendered safely. No rehype-raw: raw HTML stays visible text. Every url goes
 * through `safeUrl`. Links open in a new tab without an opener. Images are never fetched (a message must
 * not be able to ping a server or track the reader): each becomes a link the reader may choose to open.
 *
 * A message is rendered block by block (./blocks): a streamed answer re-parses only its last blocks,
 * and each block is judged against a budget (./budget) before the parser sees it; beyond the budget it
 * shows as plain text, and the reader may ask for it formatted anyway.
 * This module is the lazy chunk: react-markdown, remark-gfm and the highlighter load on first use.
 */

const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer' } as const;
const LINK_CLASS = 'break-words text-accent underline underline-offset-2';
const REMARK_PLUGINS = [remarkGfm];

function textOf(nodes: readonly ElementContent[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : node.type === 'element' ? textOf(node.children) : '')).join('');
}

function languageOf(code: Element | undefined): string | null {
  const classes = code?.properties.className;
  const names = Array.isArray(classes) ? classes.map(String) : [];
  return names.find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? null;
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} {...EXTERNAL} className={LINK_CLASS}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ src, alt }) => {
    const label = `Image: ${alt || 'untitled'}`;
    return typeof src === 'string' && src ? (
      <a href={src} {...EXTERNAL} className={LINK_CLASS}>
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
  pre: ({ node }) => {
    const code = node?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
    return <CodeBlock code={textOf(code?.children ?? []).replace(/\n$/, '')} language={languageOf(code)} />;
  },
  code: ({ children }) => <code className="break-words rounded bg-raised px-1 font-mono text-[0.85em]">{children}</code>,
  table: ({ children }) => <TableFrame>{children}</TableFrame>,
  // A message's headings rank below the chat's title (h1) and the row's "Agent said" (h3): an agent's
  // "# Report" must not become a second title of the page.
  h1: ({ children }) => <h4 className="text-lg font-semibold">{children}</h4>,
  h2: ({ children }) => <h5 className="font-semibold">{children}</h5>,
  h3: ({ children }) => <h6 className="font-semibold">{children}</h6>,
  h4: ({ children }) => <h6 className="font-semibold">{children}</h6>,
  h5: ({ children }) => <h6 className="font-semibold">{children}</h6>,
};

function TableFrame({ children }: { children: ReactNode }) {
  return (
    <div className="my-2 max-w-full overflow-x-auto">
      <table className="border-collapse text-sm [&_td]:border [&_td]:border-line [&_td]:px-2 [&_th]:border [&_th]:border-line [&_th]:px-2">{children}</table>
    </div>
  );
}

/** A slice of a table's rows: its `<tbody>` (and, for the first slice, the `<thead>`) inside the one table frame. */
const sliceComponents: Components = {
  ...components,
  table: ({ children }) => children,
};
const laterSliceComponents: Components = { ...sliceComponents, thead: () => null };

const TableSlice = memo(function TableSlice({ head, rows, first }: { head: string; rows: string; first: boolean }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} urlTransform={safeUrl} components={first ? sliceComponents : laterSliceComponents}>
      {`${head}\n${rows}`}
    </ReactMarkdown>
  );
});

/** A long table parsed slice by slice (./tableSlices): linear in its rows, and each slice a separate render. */
function SlicedTable({ table }: { table: TableSlices }) {
  return (
    <TableFrame>
      {table.slices.map((rows, index) => (
        <TableSlice key={index} head={table.head} rows={rows} first={index === 0} />
      ))}
    </TableFrame>
  );
}

/** Blocks of finished text keep their identity while a message streams, so their verdict is kept with them. */
const verdicts = new WeakMap<Block, BlockVerdict>();
function verdictOf(block: Block): BlockVerdict {
  let verdict = verdicts.get(block);
  if (!verdict) {
    verdict = judgeBlock(block.text);
    verdicts.set(block, verdict);
  }
  return verdict;
}

const sameBlocks = (a: readonly Block[], b: readonly Block[]) => a.length === b.length && a.every((block, i) => block === b[i]);

/**
 * One parse unit (./blocks `parseUnits`): a lone code or over-budget block, or finished blocks parsed in
 * one call. Memoized on its blocks, which a stream keeps as the same objects once they are finished.
 */
const MessageUnit = memo(
  function MessageUnit({ unit, formatAnyway }: { unit: readonly Block[]; formatAnyway: boolean }) {
    const first = unit[0];
    const verdict = unit.length === 1 && first ? verdictOf(first) : null;
    if (verdict?.kind === 'code') return <CodeBlock code={verdict.code} language={verdict.language} />;
    const text = unit.map((block) => block.text).join('');
    if (verdict?.kind === 'plain' && !formatAnyway) return <PlainText text={text.trimEnd()} className="my-2" />;
    const table = verdict?.kind === 'markdown' ? tableSlices(text) : null;
    if (table) return <SlicedTable table={table} />;
    return (
      <ReactMarkdown remarkPlugins={REMARK_PLUGINS} urlTransform={safeUrl} components={components}>
        {text}
      </ReactMarkdown>
    );
  },
  (before, after) => before.formatAnyway === after.formatAnyway && sameBlocks(before.unit, after.unit),
);

/** Units rendered under one memoized parent: a long answer re-renders a few groups, not every unit. */
const GROUP_SIZE = 32;

/**
 * A run of consecutive units. Only the last group of a streaming answer changes, so React walks the
 * groups (one per 32 units) and the last group's units per chunk, instead of every unit.
 */
const UnitGroup = memo(
  function UnitGroup({ units, formatAnyway }: { units: readonly (readonly Block[])[]; formatAnyway: boolean }) {
    return units.map((unit) => <MessageUnit key={unit[0]?.start} unit={unit} formatAnyway={formatAnyway} />);
  },
  (before, after) =>
    before.formatAnyway === after.formatAnyway &&
    before.units.length === after.units.length &&
    before.units.every((unit, i) => sameBlocks(unit, after.units[i] ?? [])),
);

function groupsOf<T>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += GROUP_SIZE) groups.push(items.slice(i, i + GROUP_SIZE));
  return groups;
}

const needsParser = (block: Block) => verdictOf(block).kind === 'markdown';

/** The split of the text shown last, kept across renders so that a grown text is split from its end. */
function useBlocks(text: string, wanted: boolean): readonly Block[] {
  const [split, setSplit] = useState<BlockSplit | null>(null);
  if (!wanted) return [];
  if (split?.source === text) return split.blocks;
  const next = splitBlocks(text, split ?? undefined);
  setSplit(next);
  return next.blocks;
}

function BudgetNote({ formatted, onChange }: { formatted: boolean; onChange: (formatAnyway: boolean) => void }) {
  return (
    <div className="my-1 flex flex-wrap items-center gap-x-2 text-xs text-muted" role="note">
      <span>
        {formatted
          ? 'Formatted on request: this message is very large or deeply nested, and may be slow.'
          : 'Shown as plain text: this message is too large or too deeply nested to format quickly.'}
      </span>
      <button
        type="button"
        className="min-h-11 rounded-md px-2 font-medium text-accent underline underline-offset-2 hover:bg-raised pointer-fine:min-h-7"
        onClick={() => onChange(!formatted)}
      >
        {formatted ? 'Show as text' : 'Render anyway'}
      </button>
    </div>
  );
}

function MarkdownRenderer({ text, choiceKey = '' }: { text: string; choiceKey?: string }) {
  const [formatAnyway, setFormatAnyway] = useExpanded(`${choiceKey}:format-anyway`);
  const tooLong = text.length > MAX_MARKDOWN_CHARS;
  const blocks = useBlocks(text, formatAnyway || !tooLong);
  const overBudget = tooLong || blocks.some((block) => verdictOf(block).kind === 'plain');
  return (
    <div className="markdown min-w-0 break-words [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6">
      {overBudget && <BudgetNote formatted={formatAnyway} onChange={setFormatAnyway} />}
      {tooLong && !formatAnyway ? (
        <PlainText text={text} />
      ) : (
        groupsOf(parseUnits(blocks, needsParser)).map((group, index) => <UnitGroup key={index} units={group} formatAnyway={formatAnyway} />)
      )}
    </div>
  );
}

export default memo(MarkdownRenderer);
