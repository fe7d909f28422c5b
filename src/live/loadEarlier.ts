import type { MessagePage } from '../api/contract';
import { keys } from '../api/queries';
import { oldestMessage } from '../reconcile/messageLog';
import type { ChatCache } from './chatCache';
import type { LiveCore } from './core';

export const EARLIER_PAGE_SIZE = 200;

/**
 * "Load earlier": the page before the oldest message held, merged into the same log (never replacing
 * it). It asks `before` the oldest createdAt + 1 ms so that messages sharing that millisecond are not
 * skipped; should a page bring nothing new, it asks again strictly before.
 */
export async function loadEarlierMessages(core: LiveCore, projectId: string, sessionId: string): Promise<void> {
  const read = () => core.client.getQueryData<ChatCache>(keys.chat(projectId, sessionId));
  for (const overlap of [1, 0]) {
    const held = read();
    const oldest = held && oldestMessage(held.log);
    if (!held?.hasEarlier || !oldest) return;
    const page: MessagePage = await core.env.api.messages(projectId, sessionId, { before: oldest.createdAt + overlap, limit: EARLIER_PAGE_SIZE });
    const before = read()?.log.length ?? 0;
    core.dispatch({ type: 'earlierMessages', projectId, sessionId, page, stamp: core.stamp() });
    const added = (read()?.log.length ?? 0) - before;
    if (added > 0 || !page.hasMore) return;
  }
}
