import { useMemo } from 'react';
import { tokenize, type TokenKind } from './highlight';

const TOKEN_CLASS: Record<TokenKind, string | undefined> = {
  keyword: 'text-state-working',
  string: 'text-state-done',
  comment: 'text-muted italic',
  number: 'text-state-attention',
  plain: undefined,
};

/** A fenced code block: scrolls inside its own box, never widens the page. */
export function CodeBlock({ code, language }: { code: string; language: string | null }) {
  const tokens = useMemo(() => tokenize(code, language ?? 'text'), [code, language]);
  return (
    <div className="my-2 max-w-full overflow-hidden rounded-md border border-line bg-raised">
      {language && <div className="border-b border-line px-3 py-1 font-mono text-xs text-muted">{language}</div>}
      <pre tabIndex={0} className="max-h-[32rem] overflow-auto p-3 font-mono text-[0.8125rem] leading-relaxed">
        <code>
          {tokens.map((token, index) =>
            token.kind === 'plain' ? (
              token.text
            ) : (
              <span key={index} className={TOKEN_CLASS[token.kind]}>
                {token.text}
              </span>
            ),
          )}
        </code>
      </pre>
    </div>
  );
}
