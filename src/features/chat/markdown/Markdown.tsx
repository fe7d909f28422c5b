import { lazy, Suspense, useDeferredValue } from 'react';

const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

/** Message text as plain, wrapped text: what shows until the markdown chunk has loaded. */
export function PlainText({ text }: { text: string }) {
  return <div className="min-w-0 whitespace-pre-wrap break-words">{text}</div>;
}

/**
 * Message text rendered as safe markdown. The renderer is a lazy chunk; streamed text is deferred so a
 * fast stream of chunks re-parses at the pace the device can afford instead of blocking input.
 */
export function Markdown({ text }: { text: string }) {
  const deferredText = useDeferredValue(text);
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <MarkdownRenderer text={deferredText} />
    </Suspense>
  );
}
