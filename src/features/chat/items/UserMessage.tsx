import { Button } from '../../../ui/Button';
import { useChatScope } from '../chatScope';
import { PlainText } from '../markdown/Markdown';
import { DeliveryNote } from './DeliveryNote';
import type { ItemOf, RowActions } from './itemTypes';

/**
 * What the person sent. Their own words show as typed (no markdown); unsent ones say so and offer a retry;
 * sent ones that SAM has queued say so until the agent has them.
 */
export function UserMessage({ item, actions }: { item: ItemOf<'user'>; actions: RowActions }) {
  const scope = useChatScope();
  return (
    <div className="flex flex-col items-end gap-1">
      <div
        className={`max-w-[min(36rem,100%)] rounded-2xl rounded-br-sm bg-accent/10 px-3 py-2 ${
          item.delivery === 'failed' ? 'border border-state-failed/60' : ''
        }`}
      >
        <h3 className="sr-only">You said</h3>
        <PlainText text={item.text} />
      </div>
      {item.delivery === 'sending' && <p className="text-xs text-muted">Sending…</p>}
      {item.delivery === 'confirmed' && scope && <DeliveryNote projectId={scope.projectId} itemId={item.id} />}
      {item.delivery === 'failed' && (
        <div className="flex flex-wrap items-center justify-end gap-2 text-sm">
          <span className="text-state-failed">
            <span aria-hidden="true">✕ </span>Not sent
          </span>
          <Button onClick={() => actions.retrySend(item.id)}>Retry</Button>
          <Button variant="ghost" onClick={() => actions.discardSend(item.id)}>
            Discard
          </Button>
        </div>
      )}
    </div>
  );
}
