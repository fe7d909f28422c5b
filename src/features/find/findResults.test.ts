import { describe, expect, it } from 'vitest';
import { findResults, matchRank, snippet, FIND_LIMITS, type FindChat, type FindMessage, type FindProject, type FindSources } from './findResults';

const project = (id: string, name: string, lastActivityAt = 0, repository: string | null = null): FindProject => ({ id, name, repository, lastActivityAt });
const chat = (id: string, topic: string | null, updatedAt = 0, projectId = 'p1'): FindChat => ({
  id,
  projectId,
  projectName: `name of ${projectId}`,
  topic,
  updatedAt,
});
const message = (itemId: string, text: string, createdAt = 0, sessionId = 's1'): FindMessage => ({
  projectId: 'p1',
  sessionId,
  itemId,
  chatTopic: 'The chat',
  role: 'assistant',
  text,
  createdAt,
});
const sources = (partial: Partial<FindSources>): FindSources => ({ projects: [], chats: [], messages: [], ...partial });
const keysOf = (query: string, s: FindSources) => findResults(query, s).map((r) => r.key);

describe('matchRank', () => {
  it('ranks the whole text, then its start, then a word start, then anywhere; ignores case and kinds of whitespace', () => {
    expect(matchRank('Deploy', 'deploy')).toEqual({ rank: 0, index: 0 });
    expect(matchRank('Deploy fix', 'deploy')).toEqual({ rank: 1, index: 0 });
    expect(matchRank('redeploy the deploy', 'deploy')).toEqual({ rank: 2, index: 13 });
    expect(matchRank('redeploy', 'deploy')).toEqual({ rank: 3, index: 2 });
    expect(matchRank('fix\tthe\nbug', 'the bug')).toEqual({ rank: 2, index: 4 });
    expect(matchRank('nothing here', 'deploy')).toBeNull();
  });
});

describe('snippet', () => {
  it('shows the match with some text before it, on one line, with ellipses where it was cut', () => {
    const text = `${'a'.repeat(100)}\nNEEDLE${'b'.repeat(200)}`;
    const cut = snippet(text, 101, 6);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).toContain(' NEEDLE');
    expect(cut.indexOf('NEEDLE')).toBe(31);
    expect(snippet('short NEEDLE', 6, 6)).toBe('short NEEDLE');
  });
});

describe('findResults', () => {
  it('finds projects by name or repository, chats by topic, messages by text, in that order', () => {
    const s = sources({
      projects: [project('p1', 'Billing', 0, 'acme/billing-api'), project('p2', 'Web')],
      chats: [chat('c1', 'Fix billing export', 5), chat('c2', 'Unrelated', 9)],
      messages: [message('m1', 'The billing job failed twice'), message('m2', 'nothing')],
    });
    const results = findResults('BILLING', s);
    expect(results.map((r) => [r.kind, r.key])).toEqual([
      ['project', 'project:p1'],
      ['chat', 'chat:c1'],
      ['message', 'message:s1:m1'],
    ]);
    expect(results[0]).toMatchObject({ matched: 'Billing', detail: 'acme/billing-api' });
    expect(results[2]).toMatchObject({ matched: 'The billing job failed twice', detail: 'Agent in The chat' });
    expect(keysOf('billing-api', s)).toEqual(['project:p1']);
    expect(findResults('billing-api', s)[0]).toMatchObject({ matched: 'acme/billing-api', detail: 'Billing' });
  });

  it('puts closer matches first, then the most recent, then by key', () => {
    const s = sources({
      chats: [chat('a', 'redeploy', 100), chat('b', 'deploy the app', 1), chat('c', 'Deploy', 0), chat('d', 'after deploy', 50), chat('e', 'after deploy', 50)],
    });
    expect(keysOf('deploy', s)).toEqual(['chat:c', 'chat:b', 'chat:d', 'chat:e', 'chat:a']);
  });

  it('lists a chat held twice (from /api/chats and from a loaded chat) once', () => {
    const s = sources({ chats: [chat('c1', 'Same chat', 1), chat('c1', 'Same chat', 2)] });
    expect(keysOf('same', s)).toEqual(['chat:c1']);
  });

  it('shows the most recent projects and chats, and no messages, for an empty query', () => {
    const s = sources({
      projects: [project('old', 'Old', 1), project('new', 'New', 2)],
      chats: [chat('c1', null, 1), chat('c2', 'Two', 3)],
      messages: [message('m1', 'text')],
    });
    expect(keysOf('  ', s)).toEqual(['project:new', 'project:old', 'chat:c2', 'chat:c1']);
    expect(findResults('', s).find((r) => r.key === 'chat:c1')?.matched).toBe('Untitled chat');
  });

  it('keeps each kind to its limit, newest messages first', () => {
    const s = sources({ messages: Array.from({ length: 30 }, (_, i) => message(`m${i}`, `hit ${i}`, i)) });
    const results = findResults('hit', s);
    expect(results).toHaveLength(FIND_LIMITS.message);
    expect(results[0]?.key).toBe('message:s1:m29');
  });

  it('matches hostile text as text (regex characters, markup, fences)', () => {
    const s = sources({ messages: [message('m1', 'a (.*) b'), message('m2', '<img src=x onerror=alert(1)>'), message('m3', '```js\ncode\n```')] });
    expect(keysOf('(.*)', s)).toEqual(['message:s1:m1']);
    expect(keysOf('onerror', s)).toEqual(['message:s1:m2']);
    expect(keysOf('``` js', s)).toEqual([]);
    expect(keysOf('```js', s)).toEqual(['message:s1:m3']);
  });
});
