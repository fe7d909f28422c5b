import { useId, useMemo, useState } from 'react';
import type { ConversationItem } from '../../../reconcile/types';
import { DisclosureButton } from '../../../ui/DisclosureButton';

/**
 * The prompts of the loaded conversation, each a button that scrolls the conversation to it. Closed until
 * asked for, and absent for a single prompt: on a phone, Details open must leave the conversation room to read.
 */
export function TurnList({ items, onJump }: { items: readonly ConversationItem[]; onJump(itemId: string): void }) {
  const prompts = useMemo(() => items.filter((item) => item.kind === 'user'), [items]);
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (prompts.length < 2) return null;
  return (
    <nav aria-label="Turns" className="min-w-0 basis-full">
      <DisclosureButton open={open} onToggle={setOpen} controls={listId} className="px-1">
        Turns ({prompts.length} loaded prompts)
      </DisclosureButton>
      <ol id={listId} hidden={!open} className="max-h-[40dvh] overflow-y-auto">
        {open &&
          prompts.map((prompt, index) => (
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
