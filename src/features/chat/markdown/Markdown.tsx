import { lazy, Suspense, useDeferredValue, useState } from 'react';
import { PlainText } from './PlainText';
import { mayHoldLongTable } from './tableSlices';

export { PlainText };

const loadRenderer = () => import('./MarkdownRenderer');
const MarkdownRenderer = lazy(loadRenderer);
// Asked for as soon as the project view's chunk runs, beside the chat's data: waiting for the first message
// to render before asking cost a reopened chat one more round trip before its messages were formatted.
void loadRenderer();

/** Above this, a message first shows as plain text and is formatted in a background render. */
const FORMAT_LATER_CHARS = 16 * 1024;

/** A long text, or a long table (formatted slice by slice, so the background render can pause between slices). */
const formatsLater = (text: string) => text.length > FORMAT_LATER_CHARS || mayHoldLongTable(text);

/**
 * Message text rendered as safe markdown. The renderer is a lazy chunk; streamed text is deferred so a
 * fast stream of chunks re-renders at the pace the device can afford instead of blocking input. A long
 * message, or one with a long table, is formatted after its first paint, in an interruptible render, so
 * opening it never blocks.
 * `choiceKey` keeps the reader's "render anyway" choice while the row scrolls out and back.
 */
export function Markdown({ text, choiceKey }: { text: string; choiceKey?: string }) {
  // Decided when the message first shows: the initial value of a deferred value only counts then.
  const [later] = useState(() => formatsLater(text));
  const deferredText = useDeferredValue<string | null>(text, later ? null : text);
  return (
    <Suspense fallback={<PlainText text={text} />}>
      {deferredText === null ? <PlainText text={text} /> : <MarkdownRenderer text={deferredText} choiceKey={choiceKey} />}
    </Suspense>
  );
}
