import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, countCut, cutLongContent } from './cut';
import { parseProjectFrame } from './projectFrames';
import { MessagePageSchema, SessionDetailSchema } from './rest';

const T0 = Date.UTC(2026, 10, 21, 12);
const frame = (type: string, payload: unknown) => JSON.stringify({ type, payload });
const row = (id: string, content: string) => ({ id, sessionId: 's1', role: 'assistant', content, createdAt: T0, sequence: 1 });

describe('the event type comes from the frame', () => {
  it('a payload key `type` does not turn a session.failed into another event', () => {
    const result = parseProjectFrame(frame('session.failed', { sessionId: 's1', type: 'message.new' }));
    expect(result).toMatchObject({ kind: 'event', event: { type: 'session.failed', sessionId: 's1' } });
  });

  it('nor a session.activity into an event nobody handles', () => {
    const result = parseProjectFrame(frame('session.activity', { sessionId: 's1', activity: 'idle', promptStartedAt: null, type: 'x' }));
    expect(result).toMatchObject({ kind: 'event', event: { type: 'session.activity' } });
  });
});

describe('message content over SAM’s bound is cut at the edge', () => {
  const big = 'a'.repeat(3 * 1024 * 1024);

  it('message.new: 3 MiB of content keeps the first 102,400 characters and says how many it left out', () => {
    const result = parseProjectFrame(frame('message.new', { sessionId: 's1', messageId: 'm1', role: 'assistant', content: big, createdAt: T0 }));
    if (result.kind !== 'event' || result.event.type !== 'message.new') throw new Error(`not parsed: ${JSON.stringify(result).slice(0, 200)}`);
    expect(result.event.message.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(result.event.message.cutChars).toBe(big.length - MAX_MESSAGE_CHARS);
  });

  it('messages.batch: only the long one is cut', () => {
    const result = parseProjectFrame(frame('messages.batch', { sessionId: 's1', messages: [row('m1', 'short'), row('m2', big)] }));
    if (result.kind !== 'event' || result.event.type !== 'messages.batch') throw new Error('not parsed');
    const [short, long] = result.event.messages;
    expect(short).toMatchObject({ content: 'short' });
    expect(short).not.toHaveProperty('cutChars');
    expect(long!.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(countCut(result.event.messages)).toBe(1);
  });

  it('REST pages: the detail route and /messages', () => {
    const page = v.parse(MessagePageSchema, { messages: [row('m1', big)], hasMore: false });
    expect(page.messages[0]).toMatchObject({ cutChars: big.length - MAX_MESSAGE_CHARS });
    const detailMessages = v.parse(SessionDetailSchema.entries.messages, [row('m1', big)]);
    expect(detailMessages[0]!.content).toHaveLength(MAX_MESSAGE_CHARS);
  });

  it('content at the bound is whole, and a cut never splits a surrogate pair', () => {
    const exact = 'b'.repeat(MAX_MESSAGE_CHARS);
    expect(cutLongContent({ content: exact })).toEqual({ content: exact });
    const emoji = 'x'.repeat(MAX_MESSAGE_CHARS - 1) + '😀' + 'y';
    const cut = cutLongContent({ content: emoji });
    expect(cut.content).toBe('x'.repeat(MAX_MESSAGE_CHARS - 1));
    expect(cut.cutChars).toBe(3);
  });
});
