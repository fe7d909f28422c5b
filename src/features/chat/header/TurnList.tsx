import { useMemo } from 'react';
import type { ConversationItem } from '../../../reconcile/types';

/** The prompts of the loaded conversation, each a button that scrolls the conversation to it. */
export function TurnList({ items, onJump }: { items: readonly ConversationItem[]; onJump(itemId: string): void }) {
  const prompts = useMemo(() => items.filter((item) => item.kind === 'user'), [items]);
  if (prompts.length === 0) return null;
  return (
    <nav aria-label="Turns">
      <h2 className="text-xs text-muted">Turns (prompts loaded)</h2>
      <ol>
        {prompts.map((prompt, index) => (
          <li key={prompt.id}>
            <button
              type="button"
              onClick={() => onJump(prompt.id)}
              className="flex min-h-11 w-full min-w-0 items-baseline gap-2 rounded-md px-1 text-left text-sm hover:bg-raised pointer-fine:min-h-8"
            >
              <span className="shrink-0 tabular-nums text-muted">{index + 1}.</span>
              <span className="min-w-0 truncate">{prompt.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
