import { skipToken, type QueryClient } from '@tanstack/query-core';
import { keys } from '../api/queries';
import type { PromptDeliveries } from '../reconcile/pendingSends';

/*
 * The project's prompt deliveries (reconcile/pendingSends): written by the prompt route's answer
 * (live/sends.ts) and by `mailbox.delivery_updated` frames (live/apply.ts), read by the user's messages.
 */

const EMPTY: PromptDeliveries = new Map();

export const deliveriesQuery = (projectId: string) => ({
  queryKey: keys.promptDeliveries(projectId),
  queryFn: skipToken as unknown as () => Promise<PromptDeliveries>,
  staleTime: Infinity,
  gcTime: Infinity,
});

export function readDeliveries(client: QueryClient, projectId: string): PromptDeliveries {
  return client.getQueryData<PromptDeliveries>(keys.promptDeliveries(projectId)) ?? EMPTY;
}

export function writeDeliveries(client: QueryClient, projectId: string, next: PromptDeliveries): void {
  if (next === readDeliveries(client, projectId)) return;
  // A prompt still queued must be remembered however long it waits, watched or not.
  client.setQueryDefaults(keys.promptDeliveries(projectId), { gcTime: Infinity });
  client.setQueryData(keys.promptDeliveries(projectId), next);
}
