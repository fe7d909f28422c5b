import { queryOptions, skipToken, useQuery, type QueryClient } from '@tanstack/react-query';
import { keys } from '../api/queries';
import { deliveryPhasesByItem, type DeliveryPhase, type PromptDeliveries } from '../reconcile/pendingSends';

/*
 * The project's prompt deliveries (reconcile/pendingSends): written by the prompt route's answer
 * (live/sends.ts) and by `mailbox.delivery_updated` frames (live/apply.ts), read by the user's messages.
 */

const EMPTY: PromptDeliveries = new Map();

export const deliveriesQuery = (projectId: string) =>
  queryOptions<PromptDeliveries>({ queryKey: keys.promptDeliveries(projectId), queryFn: skipToken, staleTime: Infinity, gcTime: Infinity });

export function readDeliveries(client: QueryClient, projectId: string): PromptDeliveries {
  return client.getQueryData<PromptDeliveries>(keys.promptDeliveries(projectId)) ?? EMPTY;
}

export function writeDeliveries(client: QueryClient, projectId: string, next: PromptDeliveries): void {
  if (next === readDeliveries(client, projectId)) return;
  // A prompt still queued must be remembered however long it waits, watched or not.
  client.setQueryDefaults(keys.promptDeliveries(projectId), { gcTime: Infinity });
  client.setQueryData(keys.promptDeliveries(projectId), next);
}

const phasesMemo = new WeakMap<PromptDeliveries, ReadonlyMap<string, DeliveryPhase>>();
function phases(deliveries: PromptDeliveries): ReadonlyMap<string, DeliveryPhase> {
  let out = phasesMemo.get(deliveries);
  if (!out) phasesMemo.set(deliveries, (out = deliveryPhasesByItem(deliveries)));
  return out;
}

/** Where the prompt shown as this item is in SAM's mailbox; null when there is nothing to say (sent, or delivered). */
export function usePromptDelivery(projectId: string, itemId: string): DeliveryPhase | null {
  const { data } = useQuery({ ...deliveriesQuery(projectId), select: (deliveries) => phases(deliveries).get(itemId) ?? null });
  return data ?? null;
}
