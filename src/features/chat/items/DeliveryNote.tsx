import { usePromptDelivery } from '../../../live/react/project';
import type { DeliveryPhase } from '../../../reconcile/pendingSends';

const NOTES: Record<DeliveryPhase, { text: string; failed?: boolean } | null> = {
  queued: { text: 'Queued: the agent gets it when it is free' },
  retrying: { text: 'Queued, retrying: the agent has not taken it yet' },
  failed: { text: 'Not delivered to the agent', failed: true },
  uncertain: { text: 'Delivery uncertain: the agent may not have it' },
  unknown: { text: 'Delivery state unknown' },
  delivered: null,
};

/** Under a sent prompt, until SAM's mailbox has handed it to the agent. */
export function DeliveryNote({ projectId, itemId }: { projectId: string; itemId: string }) {
  const phase = usePromptDelivery(projectId, itemId);
  const note = phase ? NOTES[phase] : null;
  if (!note) return null;
  return (
    <p className={`text-xs ${note.failed ? 'text-state-failed' : 'text-muted'}`}>
      {note.failed && <span aria-hidden="true">✕ </span>}
      {note.text}
    </p>
  );
}
