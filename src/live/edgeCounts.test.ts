import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../api/contract';
import { logToArray } from '../reconcile/messageLog';
import { T0, makeRow, makeTask } from '../test/factories';
import { createHarness, type Harness } from './testing/harness';

/* What the project stream reports to the diagnostics about what it cut or could not use. */

let h: Harness;
afterEach(() => h?.stop());

async function live() {
  h = createHarness({ start: T0 });
  h.sam.putTask(makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 }));
  h.sam.putSession(makeRow({ id: 's1', taskId: 't1', lastMessageAt: T0 }));
  h.stream.start();
  h.mountSidebar();
  h.openChat('s1');
  h.connect();
  await h.settle();
}

describe('the project stream counts what it cuts', () => {
  it('a live message of 3 MiB is shown cut, marked, and counted once', async () => {
    await live();
    const contentCut = vi.fn();
    h.connection.contentCut = contentCut;
    const content = 'z'.repeat(3 * 1024 * 1024);
    h.deliver([{ type: 'message.new', payload: { sessionId: 's1', messageId: 'big', role: 'assistant', content, createdAt: T0 + 1, sequence: 99 } }]);
    await h.settle();

    const held = logToArray(h.chat('s1')!.log).find((m) => m.id === 'big');
    expect(held?.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(held?.cutChars).toBe(content.length - MAX_MESSAGE_CHARS);
    expect(contentCut.mock.calls.filter(([n]) => n > 0)).toEqual([[1]]);
  });
});
