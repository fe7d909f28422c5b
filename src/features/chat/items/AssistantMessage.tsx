import { Markdown } from '../markdown/Markdown';
import type { ItemOf } from './itemTypes';

/** The agent's reply: its streamed chunks joined by the core, rendered as safe markdown. */
export function AssistantMessage({ item }: { item: ItemOf<'assistant'> }) {
  return (
    <div className="min-w-0">
      <h3 className="sr-only">Agent said</h3>
      <Markdown text={item.text} choiceKey={item.id} />
    </div>
  );
}
