import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { MAX_MESSAGE_CHARS, MessageSchema } from '../api/contract';
import { chunkItem, joinChunk, userItem } from './conversationItems';

const row = (id: string, role: string, content: string) =>
  v.parse(MessageSchema, { id, sessionId: 's1', role, content, toolMetadata: null, createdAt: 1_000, sequence: 1, origin: null });

describe('a message cut at the contract edge (issue 18: over 102,400 characters)', () => {
  const huge = 'x'.repeat(3 * 1024 * 1024);

  it('shows what was kept, then says how much was left out', () => {
    const item = userItem(row('m1', 'user', huge));
    expect(item.text.startsWith('x'.repeat(MAX_MESSAGE_CHARS))).toBe(true);
    expect(item.text).toContain('[cut: 2,972 KB more not shown; SAM stores at most 100 KB per message]');
    expect(item.text.length).toBeLessThan(MAX_MESSAGE_CHARS + 200);
  });

  it('in a joined answer, at the place of the cut chunk', () => {
    const joined = joinChunk(
      joinChunk(chunkItem(row('a1', 'assistant', 'Before. '), 'assistant'), row('a2', 'assistant', huge)),
      row('a3', 'assistant', 'After.'),
    );
    expect(joined.text.indexOf('[cut:')).toBeGreaterThan(joined.text.indexOf('Before.'));
    expect(joined.text.indexOf('After.')).toBeGreaterThan(joined.text.indexOf('[cut:'));
  });

  it('a whole message shows as it is', () => {
    expect(userItem(row('m2', 'user', 'short')).text).toBe('short');
  });
});
