import { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Element, ElementContent } from 'hast';
import { CodeBlock } from './CodeBlock';
import { safeUrl } from './safeUrl';

/*
 * Markdown from the wire, rendered safely. No rehype-raw: raw HTML stays visible text. Every url goes
 * through `safeUrl`. Links open in a new tab without an opener. Images are never fetched (a message must
 * not be able to ping a server or track the reader): each becomes a link the reader may choose to open.
 * This module is the lazy chunk: react-markdown, remark-gfm and the highlighter load on first use.
 */

const EXTERNAL = { target: '_blank', rel: 'noopener noreferrer' } as const;
const LINK_CLASS = 'break-words text-accent underline underline-offset-2';

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
  table: ({ children }) => (
    <div className="my-2 max-w-full overflow-x-auto">
      <table className="border-collapse text-sm [&_td]:border [&_td]:border-line [&_td]:px-2 [&_th]:border [&_th]:border-line [&_th]:px-2">
        {children}
      </table>
    </div>
  ),
};

function MarkdownRenderer({ text }: { text: string }) {
  return (
    <div className="markdown min-w-0 break-words [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6">
      <ReactMarkdown remarkPlugins={[remarkGfm]} urlTransform={safeUrl} components={components}>
        {text}
      </ReactMarkdown>
    </div>
  );
}

export default memo(MarkdownRenderer);
