import type { MessagePage } from '../api/contract';
import { keys } from '../api/queries';
import { oldestMessage } from '../reconcile/messageLog';
import { addMessages, emptyChat, type ChatEntry } from './chatEntry';
import type { LiveCore } from './core';

export const EARLIER_PAGE_SIZE = 200;

/**
 * "Load earlier": the page before the oldest message held, merged into the same log (never replacing
 * it). It asks `before` the oldest createdAt + 1 ms so that messages sharing that millisecond are not
 * skipped; should a page bring nothing new, it asks again strictly before.
 */
export async function loadEarlierMessages(core: LiveCore, projectId: string, sessionId: string): Promise<void> {
  const key = keys.chat(projectId, sessionId);
  const { client, stamp } = core;
  const { api } = core.env;
  for (const overlap of [1, 0]) {
    const held = client.getQueryData<ChatEntry>(key);
    const oldest = held && oldestMessage(held.log);
    if (!held?.hasEarlier || !oldest) return;
    const page: MessagePage = await api.messages(projectId, sessionId, { before: oldest.createdAt + overlap, limit: EARLIER_PAGE_SIZE });
    const at = stamp();
    let added = 0;
    client.setQueryData<ChatEntry>(key, (current) => {
      const result = addMessages(current ?? emptyChat(), page.messages, { detectGaps: false, stamp: at });
      added = result.added.length;
      return { ...result.entry, hasEarlier: page.hasMore };
    });
    if (added > 0 || !page.hasMore) return;
  }
}
