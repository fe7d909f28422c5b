import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '../api/queries';
import { logToArray } from '../reconcile/messageLog';
import { conversationItems } from '../reconcile/conversation';
import { T0, makeRow, makeTask } from '../test/factories';
import { loadEarlierMessages } from './loadEarlier';
import { SAFETY_NET_MS } from './projectStream';
import { sendPrompt } from './sends';
import { createHarness, PROJECT, type Harness } from './testing/harness';

let h: Harness;
afterEach(() => h?.stop());

/** A project with one task and one session holding `messages` messages, the sidebar mounted, the chat of s1 open, live. */
async function live({ messages = 3, open = true } = {}) {
  h = createHarness({ start: T0 });
  h.sam.putTask(makeTask({ id: 't1', status: 'in_progress', updatedAt: T0 }));
  h.sam.putSession(makeRow({ id: 's1', taskId: 't1', lastMessageAt: T0 }));
  h.sam.putTask(makeTask({ id: 't2', status: 'in_progress', updatedAt: T0, title: 'Other' }));
  h.sam.putSession(makeRow({ id: 's2', taskId: 't2', topic: 'Other', lastMessageAt: T0 }));
  for (let i = 0; i < messages; i += 1) h.sam.addMessage('s1', i % 2 ? 'assistant' : 'user', `m${i}`);
  h.stream.start();
  h.mountSidebar();
  if (open) h.openChat('s1');
  h.connect();
  await h.settle();
}

const ids = (sessionId: string) =>
  logToArray(h.chat(sessionId)?.log ?? { chunks: [], tail: [], length: 0, maxSequence: null, maxSequenceAt: null }).map((m) => m.id);
const serverIds = (sessionId: string) => (h.sam.messages.get(sessionId) ?? []).map((m) => m.id);
const texts = (sessionId: string) => {
  const chat = h.chat(sessionId);
  return chat ? conversationItems(chat.conversation, chat.pendingSends).map((i) => ('text' in i ? i.text : i.kind)) : [];
};

describe('live messages', () => {
  it('shows every message once and in order through duplicates and batches', async () => {
    await live();
    const a = h.sam.addMessage('s1', 'assistant', 'Hel');
    const b = h.sam.addMessage('s1', 'assistant', 'lo');
    h.deliver([...b.frames, ...a.frames, ...a.frames]);
    h.deliver([{ type: 'messages.batch', payload: { sessionId: 's1', messages: [a.message, b.message], count: 2 } }]);
    await h.settle();
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(texts('s1').at(-1)).toBe('Hello');
  });

  it('messages of a session nobody has open only move its sidebar row', async () => {
    await live();
    h.client.setQueryData(keys.sessionFacts(PROJECT), h.client.getQueryData(keys.sessionFacts(PROJECT)));
    h.deliver(h.sam.agentCompleted('s2'));
    expect(h.entry('s2')?.view.state).toBe('idle');
    const { frames, message } = h.sam.addMessage('s2', 'user', 'again');
    h.deliver(frames);
    expect(h.chat('s2')).toBeUndefined();
    expect(h.entry('s2')?.lastActivityAt).toBe(message.createdAt);
    expect(h.entry('s2')?.view.state).toBe('working');
  });

  it('a jump in sequence (a hint only: the VM outbox id) makes the open chat catch up, says so, and loses nothing', async () => {
    await live();
    h.sam.addMessage('s1', 'assistant', 'lost'); // its frame never arrives
    h.deliver(h.sam.addMessage('s2', 'assistant', 'elsewhere').frames); // s2 shares the VM: its rows take numbers too
    h.sam.hold = true;
    h.deliver(h.sam.addMessage('s1', 'assistant', 'next').frames);
    await h.settle();
    expect(h.connection.catchUps).toBeGreaterThan(0);
    expect(h.entry('s1')?.view.stale).toBe(true);
    h.sam.hold = false;
    h.sam.release();
    await h.settle();
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(h.connection.catchUps).toBe(0);
  });

  it('a VM replaced mid-session restarts its sequence at 1: nothing is dropped as a duplicate or misplaced', async () => {
    await live();
    h.sam.replaceVm('s1');
    const frames = [0, 1, 2].flatMap((i) => h.sam.addMessage('s1', 'assistant', `after restart ${i}`).frames);
    expect(h.sam.messages.get('s1')?.at(-1)?.sequence).toBe(3);
    h.deliver(frames);
    await h.settle();
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(texts('s1').at(-1)).toBe('after restart 0after restart 1after restart 2');
  });
});

describe('catch-up after a disconnect (SAM: `after=` windows are the newest rows)', () => {
  async function disconnectWhile(write: () => void) {
    h.env.latestSocket().serverClose(1006);
    write();
    h.env.advance(h.env.nextTimerIn() ?? 0);
    h.connect();
    await h.settle();
  }

  it('more rows than one window (a low CHAT_SESSION_DELTA_MESSAGE_LIMIT): every row arrives, none twice', async () => {
    await live();
    h.sam.limits = { page: 30, delta: 50, max: 40 };
    await disconnectWhile(() => {
      for (let i = 0; i < 170; i += 1) h.sam.addMessage('s1', i % 10 ? 'assistant' : 'user', `missed ${i}`);
    });
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(h.chat('s1')?.resumeFrom).toBeNull();
  });

  it("more than 5,000 rows (SAM's default window): every row arrives", async () => {
    await live();
    await disconnectWhile(() => {
      for (let i = 0; i < 5200; i += 1) h.sam.addMessage('s1', 'assistant', `m${i}`);
    });
    expect(ids('s1')).toHaveLength(serverIds('s1').length);
    expect(ids('s1')).toEqual(serverIds('s1'));
  });

  it('an agent row persisted late (the VM clock, its outbox flushed after a newer prompt) is not skipped', async () => {
    await live();
    h.deliver(h.sam.addMessage('s1', 'user', 'a prompt stamped by the server').frames);
    await h.settle();
    await disconnectWhile(() => {
      h.sam.addMessage('s1', 'assistant', 'written on the VM before the prompt landed', { lateBy: 4000 });
    });
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(texts('s1')).toContain('written on the VM before the prompt landed');
  });
});

describe('newer wins', () => {
  it('a list page that started before a live event cannot roll it back', async () => {
    await live();
    h.sam.hold = true;
    void h.client.refetchQueries({ queryKey: keys.sessionList(PROJECT) });
    await h.settle(); // the request is out, with s2 still active
    h.deliver(h.sam.setSessionStatus('s2', 'sleeping'));
    expect(h.entry('s2')?.view.state).toBe('sleeping');
    h.sam.release();
    await h.settle();
    expect(h.entry('s2')?.view.state).toBe('sleeping');
  });

  it('a terminal task wins over later session events, and a stale tasks page cannot undo it', async () => {
    await live();
    h.sam.hold = true;
    void h.client.refetchQueries({ queryKey: keys.taskList(PROJECT) }); // out before the failure
    await h.settle();
    const failed = h.sam.setTaskStatus('t1', 'failed', 'tests did not pass');
    h.deliver(failed); // activity.new task.failed -> a second tasks request, queued behind the first
    h.sam.release(); // the stale page lands first
    await h.settle();
    h.sam.release();
    await h.settle();
    expect(h.entry('s1')?.view).toMatchObject({ state: 'failed', ended: true });
    expect(h.entry('s1')?.view.reason).toMatch(/^task failed just now: tests did not pass$/);
    h.deliver([{ type: 'session.activity', payload: { sessionId: 's1', activity: 'prompting', promptStartedAt: h.sam.tick() } }]);
    expect(h.entry('s1')?.view.state).toBe('failed');
    h.sam.hold = false;
    h.deliver(h.sam.setTaskStatus('t1', 'ready')); // SAM sends the failed task back to ready
    await h.settle();
    expect(h.entry('s1')?.view.state).toBe('working');
  });

  it('the open session embeds its task: newer than a tasks page that started earlier', async () => {
    await live();
    h.sam.hold = true;
    void h.client.refetchQueries({ queryKey: keys.taskList(PROJECT) });
    await h.settle();
    h.sam.setTaskStatus('t1', 'failed', 'boom'); // no frame reaches us
    void h.client.refetchQueries({ queryKey: keys.chat(PROJECT, 's1') });
    await h.settle();
    h.sam.release((route) => route.startsWith('session:'));
    await h.settle();
    expect(h.entry('s1')?.view.state).toBe('failed');
    h.sam.release();
    await h.settle();
    expect(h.entry('s1')?.view.state).toBe('failed');
  });
});

describe('catch-up and safety net', () => {
  it('after a reconnect: catches up messages, sessions and tasks, keeps pages loaded earlier, says it is catching up', async () => {
    // Opened once the stream is live: a catch-up racing the first load would restart it, and its 30 s
    // overlap would bring this synthetic chat's every row at once.
    await live({ messages: 620, open: false });
    h.openChat('s1');
    await h.settle();
    expect(h.chat('s1')?.log.length).toBe(500);
    await loadEarlierMessages(h.engine, PROJECT, 's1');
    await h.settle();
    expect(ids('s1')).toEqual(serverIds('s1'));
    h.env.latestSocket().serverClose(1006);
    expect(h.entry('s1')?.view.reason).toMatch(/^reconnecting: showing the state as of /);
    for (let i = 0; i < 30; i += 1) h.sam.addMessage('s1', 'assistant', `missed ${i}`);
    h.sam.setTaskStatus('t2', 'completed');
    h.sam.setSessionStatus('s2', 'stopped');
    h.sam.hold = true;
    h.env.advance(h.env.nextTimerIn() ?? 0);
    h.connect();
    await h.settle();
    expect(h.connection.catchUps).toBeGreaterThan(0);
    h.sam.hold = false;
    h.sam.release();
    await h.settle();
    expect(h.connection.catchUps).toBe(0);
    expect(ids('s1')).toEqual(serverIds('s1'));
    expect(h.entry('s2')?.view.state).toBe('completed');
    expect(h.entry('s1')?.view.stale).toBe(false);
  });

  it('task events refetch the tasks list coalesced: one request in flight, at most one queued', async () => {
    await live();
    h.sam.hold = true;
    h.sam.calls = [];
    for (let i = 0; i < 5; i += 1) {
      h.deliver([{ type: 'activity.new', payload: { eventType: 'task.execution_step', id: 't1' } }]);
      await h.settle();
    }
    expect(h.sam.calls.filter((c) => c === 'tasks')).toHaveLength(1);
    h.sam.release();
    await h.settle();
    expect(h.sam.calls.filter((c) => c === 'tasks')).toHaveLength(2);
    h.sam.release();
    await h.settle();
    expect(h.sam.calls.filter((c) => c === 'tasks')).toHaveLength(2);
  });

  it('refreshes tasks and sessions every 60 s while live and on focus, not while disconnected', async () => {
    await live();
    h.sam.calls = [];
    h.env.advance(SAFETY_NET_MS);
    await h.settle();
    expect(h.sam.calls).toEqual(expect.arrayContaining(['tasks', 'sessions']));
    h.env.advance(10_000);
    h.sam.calls = [];
    h.env.focus();
    await h.settle();
    expect(h.sam.calls).toContain('tasks');
    h.env.latestSocket().serverClose(1006);
    h.env.setOnline(false);
    h.sam.calls = [];
    h.env.advance(SAFETY_NET_MS + 1);
    await h.settle();
    expect(h.sam.calls.filter((c) => c === 'tasks')).toHaveLength(0);
  });
});

describe('optimistic sends', () => {
  it('appears at once; SAM echoing the prompt before the route answers still shows it once', async () => {
    await live();
    h.sam.hold = true;
    const sent = sendPrompt(h.engine, PROJECT, 's1', 'run the tests');
    expect(h.chat('s1')?.pendingSends.map((s) => s.delivery)).toEqual(['sending']);
    h.deliver(h.sam.outbox.splice(0)); // the echo, before the route's answer
    h.sam.release();
    await sent;
    await h.settle();
    expect(texts('s1').filter((t) => t === 'run the tests')).toHaveLength(1);
    expect(h.chat('s1')?.pendingSends).toHaveLength(0);
  });

  it('the route answering first confirms the item; its row then replaces it', async () => {
    await live();
    await sendPrompt(h.engine, PROJECT, 's1', 'go on');
    const item = conversationItems(h.chat('s1')!.conversation, h.chat('s1')!.pendingSends).at(-1);
    expect(item).toMatchObject({ kind: 'user', text: 'go on', delivery: 'confirmed' });
    h.deliver(h.sam.outbox.splice(0));
    expect(texts('s1').filter((t) => t === 'go on')).toHaveLength(1);
    expect(h.chat('s1')?.pendingSends).toHaveLength(0);
  });

  it('a send that failed offline goes out again after the reconnect, exactly once', async () => {
    await live();
    h.sam.offline = true;
    await sendPrompt(h.engine, PROJECT, 's1', 'while offline');
    expect(h.chat('s1')?.pendingSends[0]).toMatchObject({ delivery: 'failed', replayOnReconnect: true });
    h.env.latestSocket().serverClose(1006);
    h.sam.offline = false;
    h.env.advance(h.env.nextTimerIn() ?? 0);
    h.connect();
    await h.settle();
    h.deliver(h.sam.outbox.splice(0));
    await h.settle();
    expect((h.sam.messages.get('s1') ?? []).filter((m) => m.content === 'while offline')).toHaveLength(1);
    expect(texts('s1').filter((t) => t === 'while offline')).toHaveLength(1);
  });
});

describe('sidebar', () => {
  it('session.created shows the new session on top before the list has it', async () => {
    await live();
    h.sam.putTask(makeTask({ id: 't3' }));
    h.deliver(h.sam.putSession(makeRow({ id: 's3', taskId: 't3', createdAt: h.sam.tick() })));
    expect(h.sidebarIds()[0]).toBe('s3');
    // Its task was never fetched: unknown stays unknown (not "working").
    expect(h.entry('s3')?.view).toMatchObject({ state: 'unknown', reason: 'task status not loaded yet' });
  });

  it('drops and counts invalid frames, and keeps applying the valid ones', async () => {
    await live();
    h.deliver(['{oops', { type: 'session.stopped', payload: {} }, ...h.sam.setSessionStatus('s2', 'stopped')] as never);
    expect(h.connection.dropped).toBe(2);
    expect(h.entry('s2')?.view.state).toBe('stopped');
  });
});
