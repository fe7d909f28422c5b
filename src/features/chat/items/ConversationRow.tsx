import { memo } from 'react';
import type { ConversationItem } from '../../../reconcile/types';
import { AssistantMessage } from './AssistantMessage';
import { MessageTime } from './MessageTime';
import { PlanChecklist } from './PlanChecklist';
import { SystemNote } from './SystemNote';
import { ThinkingBlock } from './ThinkingBlock';
import { ToolCallCard } from './ToolCallCard';
import { UnknownItem } from './UnknownItem';
import { UserMessage } from './UserMessage';
import type { RowActions } from './itemTypes';
import { MessageErrorBoundary } from './MessageErrorBoundary';
import { MessageCommentSlot } from '../comments/commentSlot';

/**
 * One conversation item; the messages of the person and the agent carry their time. Memoized on
 * identity: the core returns the same object for an item that did not change, so only new or growing
 * items re-render while the agent streams. Each has its own error boundary: a message that fails to
 * render shows its raw text, and the chat goes on.
 */
export const ConversationRow = memo(function ConversationRow({ item, actions }: { item: ConversationItem; actions: RowActions }) {
  return (
    <MessageErrorBoundary rawText={rawTextOf(item)} resetKey={item}>
      <ItemView item={item} actions={actions} />
    </MessageErrorBoundary>
  );
});

function rawTextOf(item: ConversationItem): string {
  if ('text' in item && typeof item.text === 'string') return item.text;
  return item.kind === 'tool' ? item.title : '';
}

function ItemView({ item, actions }: { item: ConversationItem; actions: RowActions }) {
  switch (item.kind) {
    case 'user':
      return (
        <>
          <UserMessage item={item} actions={actions} />
          {item.delivery === 'confirmed' && (
            <MessageCommentSlot messageId={item.id} role="user" text={item.text} time={<MessageTime at={item.createdAt} align="end" />} />
          )}
        </>
      );
    case 'assistant':
      return (
        <>
          <AssistantMessage item={item} />
          <MessageCommentSlot messageId={item.messageIds[0] ?? item.id} role="agent" text={item.text} time={<MessageTime at={item.createdAt} />} />
        </>
      );
    case 'thinking':
      return <ThinkingBlock item={item} />;
    case 'tool':
      return <ToolCallCard item={item} />;
    case 'plan':
      return <PlanChecklist item={item} />;
    case 'system':
      return <SystemNote item={item} />;
    case 'unknown':
      return <UnknownItem item={item} />;
    default:
      return assertNever(item);
  }
}

function assertNever(item: never): null {
  void item;
  return null;
}
