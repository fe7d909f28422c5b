import { Fragment, type ReactNode } from 'react';
import type { ElementContent, Root } from 'hast';

/*
 * Draws a lowlight tree as React elements: spans with a colour class chosen here from the grammar's class
 * names, and text. Nothing of the tree becomes markup or an attribute other than that class, so a file's
 * content is only ever text.
 */

const TOKEN_CLASSES: Record<string, string> = {
  'hljs-keyword': 'text-[#6639ba] dark:text-[#ff7b72]',
  'hljs-built_in': 'text-[#6639ba] dark:text-[#ffa657]',
  'hljs-type': 'text-[#6639ba] dark:text-[#ffa657]',
  'hljs-literal': 'text-[#0550ae] dark:text-[#79c0ff]',
  'hljs-number': 'text-[#0550ae] dark:text-[#79c0ff]',
  'hljs-string': 'text-[#0a3069] dark:text-[#a5d6ff]',
  'hljs-regexp': 'text-[#0a3069] dark:text-[#a5d6ff]',
  'hljs-comment': 'italic text-[#4d545e] dark:text-[#9ca4ae]',
  'hljs-quote': 'italic text-[#4d545e] dark:text-[#9ca4ae]',
  'hljs-meta': 'text-[#4d545e] dark:text-[#9ca4ae]',
  'hljs-title': 'text-[#8a2b06] dark:text-[#d2a8ff]',
  'hljs-attr': 'text-[#0550ae] dark:text-[#79c0ff]',
  'hljs-property': 'text-[#0550ae] dark:text-[#79c0ff]',
  'hljs-variable': 'text-[#953800] dark:text-[#ffa657]',
  'hljs-params': 'text-[#953800] dark:text-[#ffa657]',
  'hljs-section': 'font-semibold text-[#0550ae] dark:text-[#79c0ff]',
  'hljs-bullet': 'text-[#953800] dark:text-[#ffa657]',
  'hljs-tag': 'text-[#116329] dark:text-[#7ee787]',
  'hljs-name': 'text-[#116329] dark:text-[#7ee787]',
  'hljs-selector-class': 'text-[#8a2b06] dark:text-[#d2a8ff]',
};

function tokenClass(className: unknown): string | undefined {
  if (!Array.isArray(className)) return undefined;
  for (const name of className) {
    const found = TOKEN_CLASSES[String(name)];
    if (found) return found;
  }
  return undefined;
}

function draw(nodes: readonly ElementContent[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return <Fragment key={index}>{node.value}</Fragment>;
    if (node.type === 'element') {
      return (
        <span key={index} className={tokenClass(node.properties.className)}>
          {draw(node.children)}
        </span>
      );
    }
    return null;
  });
}

export function HighlightedCode({ tree }: { tree: Root }) {
  return <>{draw(tree.children as ElementContent[])}</>;
}
