import { describe, expect, it } from 'vitest';
import type { Message, ToolMetadata } from '../api/contract';
import { T0, makeMessage } from '../test/factories';
import { conversation, conversationItems, emptyConversation, foldMessage, rebuildConversation } from './conversation';
import type { ConversationItem, PendingSend } from './types';

/** A tiny notation: each row is [role, content, extra]; createdAt and sequence follow the row order. */
function rows(...specs: Array<[string, string, Partial<Message>?]>): Message[] {
  return specs.map(([role, content, extra], i) =>
    makeMessage({ id: `m${String(i).padStart(3, '0')}`, role, content, createdAt: T0 + i * 1000, sequence: i + 1, ...extra }),
  );
}
const tool = (toolCallId: string, status: string, more: Partial<ToolMetadata> = {}): Partial<Message> => ({
  toolMetadata: { toolCallId, status, title: null, kind: 'execute', toolName: 'bash', locations: [], content: [], ...more },
});
const shape = (items: ConversationItem[]) =>
  items.map((item) => {
    switch (item.kind) {
      case 'user':
        return `user:${item.text}:${item.delivery}`;
      case 'assistant':
      case 'thinking':
      case 'system':
        return `${item.kind}:${item.text}`;
      case 'tool':
        return `tool:${item.toolCallId}:${item.status}:${item.title}`;
      case 'plan':
        return `plan:${item.entries.map((e) => `${e.content}=${e.status}`).join(',')}`;
      case 'unknown':
        return `unknown(${item.role}):${item.text}`;
      default: {
        const never: never = item;
        return never;
      }
    }
  });

const plan = (...entries: Array<[string, string]>) => JSON.stringify(entries.map(([content, status]) => ({ content, priority: 'medium', status })));

describe('conversation, table', () => {
  const cases: Array<[string, Message[], string[]]> = [
    ['joins consecutive assistant chunks', rows(['user', 'hi'], ['assistant', 'Hel'], ['assistant', 'lo']), ['user:hi:confirmed', 'assistant:Hello']],
    ['keeps thinking apart from the answer', rows(['thinking', 'hm'], ['thinking', 'm'], ['assistant', 'ok']), ['thinking:hmm', 'assistant:ok']],
    [
      'a visible row breaks a run',
      rows(['assistant', 'a'], ['tool', '', tool('c1', 'pending')], ['assistant', 'b']),
      ['assistant:a', 'tool:c1:pending:bash', 'assistant:b'],
    ],
    [
      'merges tool rows by call id with the newest status, in place',
      rows(['tool', '', tool('c1', 'pending', { title: 'npm test' })], ['assistant', 'x'], ['tool', '', tool('c1', 'completed')]),
      ['tool:c1:completed:npm test', 'assistant:x'],
    ],
    [
      'an update of an earlier call does not break a run',
      rows(['tool', '', tool('c1', 'pending')], ['assistant', 'a'], ['tool', '', tool('c1', 'failed')], ['assistant', 'b']),
      ['tool:c1:failed:bash', 'assistant:ab'],
    ],
    [
      'shows only the newest plan, where it came',
      rows(['plan', plan(['a', 'pending'])], ['assistant', 'x'], ['plan', plan(['a', 'completed'], ['b', 'pending'])]),
      ['assistant:x', 'plan:a=completed,b=pending'],
    ],
    [
      'system rows and system-origin prompts are system items',
      rows(['system', 'restarted'], ['user', 'auto', { origin: 'system' }]),
      ['system:restarted', 'system:auto'],
    ],
    ['unknown roles render neutrally', rows(['critique', 'meh']), ['unknown(critique):meh']],
    ['an unreadable plan is shown neutrally, not dropped', rows(['plan', 'not json']), ['unknown(plan):not json']],
    ['unknown tool status stays unknown', rows(['tool', '', tool('c9', 'paused')]), ['tool:c9:unknown:bash']],
  ];
  it.each(cases)('%s', (_name, messages, expected) => {
    expect(shape(conversation(messages, []))).toEqual(expected);
  });

  it('orders by createdAt, then sequence, then id, whatever the arrival order, and shows each row once', () => {
    const a = makeMessage({ id: 'b', role: 'user', content: 'second', createdAt: T0, sequence: 2 });
    const b = makeMessage({ id: 'a', role: 'user', content: 'first', createdAt: T0, sequence: 1 });
    const c = makeMessage({ id: 'c', role: 'user', content: 'third', createdAt: T0 + 1, sequence: null });
    expect(shape(conversation([c, a, b, a, c], []))).toEqual(['user:first:confirmed', 'user:second:confirmed', 'user:third:confirmed']);
  });

  it('puts optimistic sends after the confirmed rows, confirmed once SAM accepted them', () => {
    const sending: PendingSend = { localId: 'local-1', text: 'go', sentAt: T0, delivery: 'sending', messageId: null, error: null, replayOnReconnect: false };
    const accepted: PendingSend = { ...sending, localId: 'local-2', messageId: 'srv-2' };
    const failed: PendingSend = { ...sending, localId: 'local-3', delivery: 'failed', error: 'offline' };
    const items = conversation(rows(['assistant', 'hello']), [sending, accepted, failed]);
    expect(shape(items)).toEqual(['assistant:hello', 'user:go:sending', 'user:go:confirmed', 'user:go:failed']);
    expect(items[1]?.id).toBe('local-1');
  });
});

describe('conversation, incremental', () => {
  it('folding one message equals the whole fold, and keeps every untouched item object', () => {
    const messages = rows(['user', 'q'], ['tool', '', tool('c1', 'pending')], ['assistant', 'a'], ['plan', plan(['x', 'pending'])], ['assistant', 'b']);
    let c = emptyConversation();
    const seen: ConversationItem[][] = [];
    for (const m of messages) {
      c = foldMessage(c, m);
      seen.push(conversationItems(c, []));
    }
    expect(shape(conversationItems(c, []))).toEqual(shape(conversation(messages, [])));
    const before = seen[3] ?? [];
    const after = seen[4] ?? [];
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    before.slice(0, -1).forEach((item, i) => expect(after[i]).toBe(item));
  });

  it('a rebuild re-uses the objects of items that did not change', () => {
    const messages = rows(['user', 'q'], ['assistant', 'a'], ['tool', '', tool('c1', 'pending')], ['user', 'r']);
    const first = rebuildConversation(messages, null);
    const late = makeMessage({ id: 'late', role: 'assistant', content: '!', createdAt: T0 + 1500, sequence: null });
    const second = rebuildConversation([...messages.slice(0, 2), late, ...messages.slice(2)], first);
    const [q1, a1, t1, r1] = conversationItems(first, []);
    const [q2, a2, t2, r2] = conversationItems(second, []);
    expect(q2).toBe(q1);
    expect(a2).not.toBe(a1);
    expect(a2).toMatchObject({ text: 'a!' });
    expect(t2).toBe(t1);
    expect(r2).toBe(r1);
  });

  it('a fork of history (folding an old version again) does not see the other branch', () => {
    const base = foldMessage(emptyConversation(), rows(['tool', '', tool('c1', 'pending')])[0] as Message);
    const branchA = foldMessage(base, makeMessage({ id: 'x', role: 'tool', createdAt: T0 + 5, ...tool('c2', 'pending') }));
    const branchB = foldMessage(base, makeMessage({ id: 'y', role: 'tool', createdAt: T0 + 6, ...tool('c2', 'completed') }));
    expect(shape(conversationItems(branchA, []))).toEqual(['tool:c1:pending:bash', 'tool:c2:pending:bash']);
    expect(shape(conversationItems(branchB, []))).toEqual(['tool:c1:pending:bash', 'tool:c2:completed:bash']);
  });
});
