import { useEffect, useState } from 'react';
import { LineHighlighter } from './highlight';

/** One highlighting worker for the page, started with the first line asked for and ended with the page. */
export function useLineHighlighter(): LineHighlighter {
  const [highlighter] = useState(() => new LineHighlighter(() => new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' })));
  useEffect(() => () => highlighter.dispose(), [highlighter]);
  return highlighter;
}
