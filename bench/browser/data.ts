/*
 * The data of the browser benchmarks, all from the simulator (mocks/) running in node, so that Lookout
 * sees the same worlds as in `?scenario=long-chat` and `?scenario=firehose` while none of the
 * simulator's work runs in the page.
 */
import { callApi } from '../../mocks/http';
import { answer, chunk, thought } from '../../mocks/fleet/corpus';
import { toolMeta } from '../../mocks/fleet/exec';
import { anyCall } from '../../mocks/fleet/tools';
import { createSimulator, type Simulator } from '../../mocks/simulator';
import { Rng } from '../../mocks/world/rng';
import type { MessageRec } from '../../mocks/world/types';
import { messageWire } from '../../mocks/world/wire';
import { conversation } from '../../src/reconcile/conversation';
import type { Message } from '../../src/api/contract';
import type { ApiAnswer, ApiHandler } from './server';

export { createSimulator, type Simulator };

/** The simulator's REST routes over `sim`; `rewrite` may change a request first (path with query). */
export function simulatorApi(sim: Simulator, rewrite: (path: string) => string = (path) => path): ApiHandler {
  return (method, path, body): ApiAnswer => {
    if (method !== 'GET' && method !== 'POST') return { status: 405, body: { error: 'METHOD_NOT_ALLOWED' } };
    const answer = callApi(sim, method, rewrite(path), body);
    return { status: answer.status, body: answer.body, headers: answer.headers };
  };
}

export function onlyProject(sim: Simulator): string {
  const id = [...sim.world.projects.keys()][0];
  if (!id) throw new Error('the scenario has no project');
  return id;
}

/** The store's own array of a session's rows (sorted by createdAt), to append replayed rows to. */
export function rowsOf(sim: Simulator, sessionId: string): MessageRec[] {
  return sim.world.messages.all(sessionId) as MessageRec[];
}

/**
 * Keeps only the newest `count` rows of a session and numbers them 1..count: a session of that length
 * with the long chat's content (the oldest rows of the long chat predate sequence numbers).
 */
export function truncateSession(sim: Simulator, sessionId: string, count: number): void {
  const rows = rowsOf(sim, sessionId);
  rows.splice(0, Math.max(0, rows.length - count));
  rows.forEach((row, i) => {
    row.sequence = i + 1;
  });
  const session = sim.world.sessions.require(sessionId);
  session.messageCount = rows.length;
  session.nextSequence = rows.length + 1;
}

/** What the chat view shows last for these rows: the id of the last item and a text probe of its end. */
export function lastItemProbe(rows: readonly MessageRec[]): { id: string; probe: string } {
  const items = conversation(
    rows.map((row) => messageWire(row) as Message),
    [],
  );
  const last = items.at(-1);
  if (!last) throw new Error('empty conversation');
  const text = 'text' in last && typeof last.text === 'string' ? last.text : '';
  // A link's url is not on screen, only its words: leave urls out of the probe.
  return { id: last.id, probe: alnum(text.replace(/\]\([^)\s]*\)/g, ']')).slice(-24) };
}

/** Letters and digits only: markdown rendering keeps those, whatever it does to the punctuation. */
export const alnum = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * An agent at work, as `message.new` frames: thinking, tool calls (pending, in progress, done), an
 * answer in chunks, a plan update now and then; the same steps and corpus as the long-chat scenario.
 * Sequence numbers continue from `after`; createdAt grows by `stepMs`.
 */
export function* agentFrames(sessionId: string, after: MessageRec | undefined, seed: number, stepMs = 10): Generator<string> {
  const rng = new Rng(seed);
  let sequence = (after?.sequence ?? 0) + 1;
  let at = (after?.createdAt ?? Date.now()) + 1;
  let turn = 0;
  const row = (role: string, content: string, toolMetadata: MessageRec['toolMetadata'] = null) => {
    const frame = {
      type: 'message.new',
      payload: { sessionId, messageId: `bench-${seed}-${sequence}`, role, content, toolMetadata, createdAt: at, sequence, origin: null },
    };
    sequence += 1;
    at += stepMs;
    return JSON.stringify(frame);
  };
  for (;;) {
    for (const c of chunk(rng, thought(rng), 10)) yield row('thinking', c);
    if (turn % 5 === 0) {
      const entries = ['Reproduce', 'Fix', 'Test', 'Document'].map((content, i) => ({
        content,
        priority: 'medium',
        status: i < turn % 4 ? 'completed' : i === turn % 4 ? 'in_progress' : 'pending',
      }));
      yield row('plan', JSON.stringify(entries));
    }
    for (let k = rng.int(1, 2); k > 0; k -= 1) {
      const call = anyCall(rng);
      const id = `toolu_bench_${seed}_${turn}_${k}`;
      yield row('tool', call.title, toolMeta(call, id, 'pending', false));
      yield row('tool', call.title, toolMeta(call, id, 'in_progress', false));
      yield row('tool', call.output, toolMeta(call, id, call.outcome, true));
    }
    for (const c of chunk(rng, answer(rng), 40)) yield row('assistant', c);
    turn += 1;
  }
}

/**
 * One long answer, as SAM streams it: a user row, then `message.new` frames of the assistant role only,
 * a few words each, which the chat joins into one growing message (the corpus's answers, one after the
 * other, make up its markdown).
 */
export function* answerFrames(sessionId: string, after: MessageRec | undefined, seed: number, stepMs = 10): Generator<string> {
  const rng = new Rng(seed);
  let sequence = (after?.sequence ?? 0) + 1;
  let at = (after?.createdAt ?? Date.now()) + 1;
  const row = (role: string, content: string) => {
    const frame = {
      type: 'message.new',
      payload: { sessionId, messageId: `bench-${seed}-${sequence}`, role, content, toolMetadata: null, createdAt: at, sequence, origin: null },
    };
    sequence += 1;
    at += stepMs;
    return JSON.stringify(frame);
  };
  yield row('user', 'Please write up everything you changed, in detail.');
  let first = true;
  for (;;) {
    const text = `${first ? '' : '\n\n'}${answer(rng)}`;
    first = false;
    for (const c of chunk(rng, text, Number.MAX_SAFE_INTEGER)) yield row('assistant', c);
  }
}

export interface FirehoseFrames {
  /** The frames in the order they are sent (contract JSON, as SAM's project socket sends them). */
  frames: string[];
  /** For each frame, the session it belongs to and its rows (appended to the REST world when sent). */
  rows: Array<{ sessionId: string | null; rows: MessageRec[] }>;
  simulatedMs: number;
}

/**
 * What the firehose scenario's 50 agents send after `now`, `count` frames, from a second simulator
 * built from the same seed (identical history), so the REST world can stay at `now` and receive each
 * frame's rows as it is sent: REST and socket never disagree.
 */
export function firehoseFrames(seed: number, now: number, count: number): FirehoseFrames {
  const sim = createSimulator({ scenario: 'firehose', seed, now });
  const frames: string[] = [];
  const rows: FirehoseFrames['rows'] = [];
  const stop = sim.world.subscribeAll((event) => {
    frames.push(JSON.stringify(event.frame));
    const payload = event.frame.payload as Record<string, unknown>;
    let written: MessageRec[] = [];
    if (event.frame.type === 'message.new') {
      const { messageId, ...rest } = payload as unknown as MessageRec & { messageId: string };
      written = [{ ...rest, id: messageId }];
    } else if (event.frame.type === 'messages.batch') {
      written = (payload.messages as MessageRec[]).map((m) => ({ ...m, sessionId: event.sessionId ?? '' }));
    }
    rows.push({ sessionId: event.sessionId, rows: written });
  });
  const start = sim.clock.now();
  while (frames.length < count) sim.clock.advance(1_000);
  stop();
  return { frames: frames.slice(0, count), rows: rows.slice(0, count), simulatedMs: sim.clock.now() - start };
}
