import { describe, expect, it } from 'vitest';
import type { FindData } from '../../live/react/find';
import { findResults } from './findResults';
import { toFindSources } from './findSources';

const T = 1_795_262_400_000;
const project = { id: 'p1', name: 'lookout-web', repository: 'acme/lookout-web', lastActivityAt: T } as FindData['projects'][number];
const apiChat = { id: 's1', projectId: 'p1', projectName: 'lookout-web', topic: 'Fix the deploy', updatedAt: T } as FindData['chats'][number];

describe('toFindSources', () => {
  it('takes the chats of all projects from /api/chats, and counts a loaded chat the lagging index does not list yet', () => {
    const data: FindData = {
      projects: [project],
      chats: [apiChat],
      chatsStatus: 'success',
      loadedChats: [
        {
          projectId: 'p1',
          sessionId: 's2',
          detail: { topic: 'Created a moment ago', lastMessageAt: T + 5, startedAt: T } as FindData['loadedChats'][number]['detail'],
          items: [
            { kind: 'user', id: 'u1', text: 'Please add a changelog', createdAt: T, delivery: 'confirmed' },
            { kind: 'assistant', id: 'a1', text: 'Added the changelog entry', createdAt: T + 1, messageIds: ['a1'] },
            { kind: 'thinking', id: 't1', text: 'changelog musings', createdAt: T + 2, messageIds: ['t1'] },
          ],
        },
      ],
    };
    const sources = toFindSources(data);
    expect(sources.chats.map((c) => [c.id, c.projectName, c.topic])).toEqual([
      ['s1', 'lookout-web', 'Fix the deploy'],
      ['s2', 'lookout-web', 'Created a moment ago'],
    ]);
    expect(sources.messages.map((m) => [m.itemId, m.role, m.chatTopic])).toEqual([
      ['u1', 'user', 'Created a moment ago'],
      ['a1', 'assistant', 'Created a moment ago'],
    ]);
    expect(findResults('changelog', sources).map((r) => [r.key, r.detail])).toEqual([
      ['message:s2:a1', 'Agent in Created a moment ago'],
      ['message:s2:u1', 'You in Created a moment ago'],
    ]);
  });
});
