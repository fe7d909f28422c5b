import { lazy, Suspense, useDeferredValue } from 'react';
import { PlainText } from './PlainText';

export { PlainText };

const MarkdownRenderer = lazy(() => import('./MarkdownRenderer'));

/** Above this, a message first shows as plain text and is formatted in a background render. */
const FORMAT_LATER_CHARS = 16 * 1024;

/**
 * Message text rendered as safe markdown. The renderer is a lazy chunk; streamed text is deferred so a
 * fast stream of chunks re-renders at the pace the device can afford instead of blocking input. A long
 * message is formatted after its first paint, in an interruptible render, so opening it never blocks.
 * `choiceKey` keeps the reader's "render anyway" choice while the row scrolls out and back.
 */
export function Markdown({ text, choiceKey }: { text: string; choiceKey?: string }) {
  const deferredText = useDeferredValue<string | null>(text, text.length > FORMAT_LATER_CHARS ? null : text);
  return (
    <Suspense fallback={<PlainText text={text} />}>
      {deferredText === null ? <PlainText text={text} /> : <MarkdownRenderer text={deferredText} choiceKey={choiceKey} />}
    </Suspense>
  );
}
