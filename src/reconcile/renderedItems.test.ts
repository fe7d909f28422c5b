import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeMessage, T0 } from '../test/factories';
import { conversationItems, emptyConversation, foldMessage, rebuildConversation, renderedItems, type RenderedItems } from './conversation';
import { sortUnique } from './order';
import type { PendingSend } from './types';

const ROLES = ['user', 'assistant', 'assistant', 'thinking', 'tool', 'plan', 'system'] as const;

/** A session's messages in display order: chunks that join, tools updated in place, plans that replace the last. */
const sessionMessages = fc.integer({ min: 1, max: 400 }).chain((n) =>
  fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.integer({ min: 0, max: 5 })), { minLength: n, maxLength: n }).map((specs) =>
    sortUnique(
      specs.map(([role, callId], i) =>
        makeMessage({
          id: `m${i}`,
          role,
          content: role === 'plan' ? JSON.stringify([{ content: `step ${i}`, status: 'pending' }]) : `c${i}`,
          createdAt: T0 + i * 10,
          sequence: i,
          toolMetadata:
            role === 'tool'
              ? {
                  toolCallId: `call${callId}`,
                  status: i % 2 ? 'completed' : 'in_progress',
                  title: null,
                  kind: null,
                  toolName: null,
                  locations: [],
                  content: [],
                }
              : null,
        }),
      ),
    ),
  ),
);

const send = (i: number): PendingSend => ({
  localId: `local${i}`,
  text: `sent ${i}`,
  sentAt: T0 + i,
  delivery: 'sending',
  messageId: null,
  error: null,
  replayOnReconnect: false,
});

describe('rendered items, each version made from the one before', () => {
  it('are the items made from scratch, item for item, after every message, send and rebuild', () => {
    fc.assert(
      fc.property(sessionMessages, fc.nat(), (messages, seed) => {
        let conversation = emptyConversation();
        let previous: RenderedItems | null = null;
        let sends: PendingSend[] = [];
        messages.forEach((message, i) => {
          conversation = foldMessage(conversation, message);
          // Now and then a send is added or confirmed away, or the conversation is rebuilt (an earlier page).
          if ((seed + i) % 17 === 0) sends = [...sends, send(i)];
          if ((seed + i) % 29 === 0) sends = sends.slice(1);
          if ((seed + i) % 97 === 0) conversation = rebuildConversation(messages.slice(0, i + 1), conversation);
          const next = renderedItems(conversation, sends, previous);
          const scratch = conversationItems(conversation, sends);
          const differs = next.items.length !== scratch.length || next.items.some((item, k) => item !== scratch[k]);
          expect(differs, `after message ${i}`).toBe(false);
          previous = next;
        });
      }),
      { numRuns: 60 },
    );
  });

  it('do not change the previous version', () => {
    let conversation = emptyConversation();
    const messages = Array.from({ length: 200 }, (_, i) =>
      makeMessage({ id: `m${i}`, role: i % 2 ? 'user' : 'tool', content: `c${i}`, createdAt: T0 + i, sequence: i }),
    );
    for (const m of messages.slice(0, 150)) conversation = foldMessage(conversation, m);
    const before = renderedItems(conversation, [], null);
    const held = [...before.items];
    for (const m of messages.slice(150)) conversation = foldMessage(conversation, m);
    renderedItems(conversation, [send(1)], before);
    expect(before.items).toEqual(held);
  });
});
