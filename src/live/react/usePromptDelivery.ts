import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { deliveryPhasesByItem, type DeliveryPhase } from '../../reconcile/pendingSends';
import { deliveriesQuery } from '../deliveries';

/** Where the prompt shown as this item is in SAM's mailbox; null when there is nothing to say (sent, or delivered). */
export function usePromptDelivery(projectId: string, itemId: string): DeliveryPhase | null {
  const { data: deliveries } = useQuery(deliveriesQuery(projectId));
  // Every item of the chat reads the same deliveries: the phases are worked out once per change.
  const phases = useMemo(() => (deliveries ? deliveryPhasesByItem(deliveries) : null), [deliveries]);
  return phases?.get(itemId) ?? null;
}
