import { memo, useMemo } from 'react';
import { clipLine, MAX_HIGHLIGHT_CHARS } from './changeRows';
import { HighlightedCode } from './HighlightedCode';
import type { Highlighter } from './highlight';

/** One line of code: clipped to what a screen can use, highlighted when it is short enough and its grammar is loaded. */
export const CodeText = memo(function CodeText({ code, highlighter }: { code: string; highlighter: Highlighter | undefined }) {
  const { shown, hidden } = clipLine(code);
  const tree = useMemo(() => {
    if (!highlighter || shown.length > MAX_HIGHLIGHT_CHARS) return null;
    try {
      return highlighter(shown);
    } catch {
      return null;
    }
  }, [highlighter, shown]);
  return (
    <>
      {tree ? <HighlightedCode tree={tree} /> : shown}
      {hidden > 0 && <span className="text-muted"> … {hidden.toLocaleString('en')} more characters not shown</span>}
    </>
  );
});
