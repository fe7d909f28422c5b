import { memo, useCallback, useSyncExternalStore } from 'react';
import { clipLine, MAX_HIGHLIGHT_CHARS } from './changeRows';
import { HighlightedCode } from './HighlightedCode';
import type { LineHighlighter } from './highlight';

interface CodeTextProps {
  code: string;
  /** The grammar of the file, or null to draw plain text. */
  language: string | null;
  highlighter: LineHighlighter | null;
}

/** One line of code: clipped to what a screen can use; highlighted once the worker has answered, when it is short enough. */
export const CodeText = memo(function CodeText({ code, language, highlighter }: CodeTextProps) {
  const { shown, hidden } = clipLine(code);
  const wanted = highlighter !== null && language !== null && shown.length <= MAX_HIGHLIGHT_CHARS && shown.trim() !== '';
  const subscribe = useCallback((onChange: () => void) => (highlighter ? highlighter.subscribe(onChange) : () => {}), [highlighter]);
  const tree = useSyncExternalStore(subscribe, () => (wanted ? highlighter.get(language, shown) : null));
  return (
    <>
      {tree ? <HighlightedCode tree={tree} /> : shown}
      {hidden > 0 && <span className="text-muted"> … {hidden.toLocaleString('en')} more characters not shown</span>}
    </>
  );
});
