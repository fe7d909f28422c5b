// bench/ is type-checked with tsconfig.node.json, which does not see the app's globals (__SIMULATED__).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../src/env.d.ts" />
/*
 * Benchmarks of the core (node, no React). Run: npx vitest bench --run bench/core.bench.ts
 * Prints the figures first (per-event costs and their ratio across chat lengths), then vitest's own
 * statistics. No assertions: these are numbers to read and compare.
 */
import { QueryClient } from '@tanstack/react-query';
import { bench, describe } from 'vitest';
import type { Message, ProjectEvent, Task } from '../src/api/contract';
import { keys } from '../src/api/queries';
import { conversationItems } from '../src/reconcile/conversation';
import { listRowPatch } from '../src/reconcile/sessionFacts';
import type { HeldTask } from '../src/reconcile/taskSnapshots';
import type { StreamFacts } from '../src/reconcile/types';
import { applyProjectEvents } from '../src/live/apply';
import type { Stamped } from '../src/live/cacheActions';
import { foldFacts, type FactsWrite, type TaskSnapshotsCache } from '../src/live/normalisedCaches';
import { addMessages, emptyChat, type ChatCache } from '../src/live/chatCache';
import { buildEntry, createSessionEntryMemo, type SessionEntryInputs } from '../src/live/sessionEntries';
import { registerLiveDefaults } from '../src/live/queries';
import { emptyFacts } from '../src/live/normalisedCaches';
import { makeRow, makeTask } from '../src/test/factories';

const P = 'bench';
const S = 'chat';
const T0 = 1_795_262_400_000;
const LIVE: StreamFacts = { connection: 'live', lastLiveAt: T0, catchingUp: false };

/** A streamed agent session: prompts, thinking, runs of assistant chunks, tool calls and their updates, plans. */
function history(count: number): Message[] {
  const out: Message[] = [];
  let call = 0;
  for (let i = 0; out.length < count; i += 1) {
    const at = T0 + out.length * 10;
    const m = (role: string, content: string, toolMetadata: Message['toolMetadata'] = null): Message => ({
      id: `m${String(out.length).padStart(7, '0')}`,
      sessionId: S,
      role,
      content,
      toolMetadata,
      createdAt: at,
      sequence: out.length + 1,
      origin: null,
    });
    const phase = i % 40;
    if (phase === 0) out.push(m('user', 'Please continue with the next step.'));
    else if (phase < 4) out.push(m('thinking', 'Considering the options. '));
    else if (phase === 4 || phase === 20) {
      call += 1;
      out.push(
        m('tool', '', { toolCallId: `call-${call}`, title: 'npm test', kind: 'execute', status: 'in_progress', toolName: 'bash', locations: [], content: [] }),
      );
    } else if (phase === 6 || phase === 22) {
      out.push(
        m('tool', '', {
          toolCallId: `call-${call}`,
          title: null,
          kind: null,
          status: 'completed',
          toolName: null,
          locations: [],
          content: [{ type: 'text', text: 'ok' }],
        }),
      );
    } else if (phase === 30) out.push(m('plan', JSON.stringify([{ content: 'step', priority: 'high', status: 'in_progress' }])));
    else out.push(m('assistant', 'Here is a chunk of the answer. '));
  }
  return out;
}

function chatWith(messages: Message[]): ChatCache {
  const { entry } = addMessages(emptyChat(), messages, { detectGaps: false, stamp: 0 });
  return { ...entry, detail: { ...makeRow({ id: S }), agentSessionId: null, agentType: null, task: null } };
}

function clientWith(initial: Message[]): QueryClient {
  const client = new QueryClient();
  registerLiveDefaults(client, P);
  client.setQueryData(keys.chat(P, S), chatWith(initial));
  client.setQueryData(keys.sessionFacts(P), foldFacts(emptyFacts, [{ id: S, patch: listRowPatch(makeRow({ id: S })), stamp: 1 }]));
  return client;
}

const asEvents = (messages: Message[]): Stamped<ProjectEvent>[] =>
  messages.map((message, i) => ({ event: { type: 'message.new', sessionId: S, message }, stamp: 10 + i }));

/** Microseconds per event, applying `events` live messages into a chat that holds `initial` messages. */
function applyCost(initial: number, events: number, batch: number): number {
  const all = history(initial + events);
  const client = clientWith(all.slice(0, initial));
  const live = asEvents(all.slice(initial));
  const start = performance.now();
  for (let i = 0; i < live.length; i += batch) applyProjectEvents(client, P, live.slice(i, i + batch));
  return ((performance.now() - start) * 1000) / events;
}

/**
 * Runs `run` several times and keeps the fastest and the median: on a shared machine other processes
 * only ever add time, so the minimum is the closest to the code's own cost.
 */
function repeat(times: number, run: () => number): { min: number; median: number } {
  const values = Array.from({ length: times }, run).sort((a, b) => a - b);
  return { min: values[0] ?? NaN, median: values[Math.floor(values.length / 2)] ?? NaN };
}
const show = ({ min, median }: { min: number; median: number }, unit: string, digits = 2) =>
  `${min.toFixed(digits)} ${unit} (median ${median.toFixed(digits)})`;

function reconcileInputs(sessions: number, tasks: number): { inputs: SessionEntryInputs; ids: string[] } {
  const snapshots = new Map<string, HeldTask>();
  const statuses = ['in_progress', 'completed', 'failed', 'queued', 'cancelled'];
  for (let i = 0; i < tasks; i += 1) {
    const task: Task = makeTask({
      id: `t${i}`,
      status: statuses[i % statuses.length] ?? 'ready',
      parentTaskId: i % 7 === 0 && i > 0 ? `t${i - 1}` : null,
      title: i % 14 === 0 ? `Task ${i - 1}` : `Task ${i}`,
      updatedAt: T0 + i,
      createdAt: T0 + i,
    });
    snapshots.set(task.id, { task, overlay: null, updatedAt: task.updatedAt, asOf: i, leftTerminal: false });
  }
  const writes: FactsWrite[] = [];
  const ids: string[] = [];
  for (let i = 0; i < sessions; i += 1) {
    ids.push(`s${i}`);
    writes.push({ id: `s${i}`, patch: listRowPatch(makeRow({ id: `s${i}`, taskId: `t${i * 10}`, agentCompletedAt: i % 3 ? T0 : null })), stamp: i + 1 });
  }
  return { inputs: { facts: foldFacts(emptyFacts, writes), snapshots: snapshots as TaskSnapshotsCache, stream: LIVE, now: T0 + 60_000 }, ids };
}

function reconcileCost(): number {
  const { inputs, ids } = reconcileInputs(1_000, 10_000);
  const start = performance.now();
  const memo = createSessionEntryMemo();
  for (const id of ids) buildEntry(memo, inputs, id);
  return performance.now() - start;
}

/** After one task changed (a tasks refetch): the time to rebuild, and how many entries changed identity. */
function reconcileAfterOneChange(): { ms: number; changed: number } {
  const { inputs, ids } = reconcileInputs(1_000, 10_000);
  const memo = createSessionEntryMemo();
  const before = ids.map((id) => buildEntry(memo, inputs, id));
  const snapshots = new Map(inputs.snapshots);
  const held = snapshots.get('t10');
  if (held?.task) snapshots.set('t10', { ...held, task: { ...held.task, status: 'failed', updatedAt: T0 + 99_999 }, updatedAt: T0 + 99_999 });
  const next = { ...inputs, snapshots };
  const start = performance.now();
  const after = ids.map((id) => buildEntry(memo, next, id));
  const ms = performance.now() - start;
  return { ms, changed: after.filter((entry, i) => entry !== before[i]).length };
}

function flattenCost(count: number): number {
  const chat = chatWith(history(count));
  const start = performance.now();
  for (let i = 0; i < 20; i += 1) conversationItems(chat.conversation, chat.pendingSends);
  return (performance.now() - start) / 20;
}

function loadCost(count: number): number {
  const messages = history(count);
  const start = performance.now();
  chatWith(messages);
  return performance.now() - start;
}

// ---- figures ----
for (let i = 0; i < 2; i += 1) applyCost(3_000, 3_000, 1); // warm the JIT
// The two sizes run interleaved, so that both see the same machine.
const small: number[] = [];
const large: number[] = [];
for (let i = 0; i < 7; i += 1) {
  small.push(applyCost(300, 10_000, 1));
  large.push(applyCost(30_000, 10_000, 1));
}
const at300 = repeat(small.length, () => small.shift() ?? NaN);
const at30k = repeat(large.length, () => large.shift() ?? NaN);
const oneChange = reconcileAfterOneChange();
const figures: Array<[string, string]> = [
  ['reconcile 1,000 sessions x 10,000 tasks (every entry built)', show(repeat(7, reconcileCost), 'ms')],
  [
    '  again after one task changed',
    `${show(
      repeat(7, () => reconcileAfterOneChange().ms),
      'ms',
    )}; ${oneChange.changed} of 1,000 entries changed identity`,
  ],
  ['apply message.new, chat of 300 messages, one event per batch', show(at300, 'us/event')],
  ['apply message.new, chat of 30,000 messages, one event per batch', show(at30k, 'us/event')],
  ['  ratio 30,000 / 300 (fastest; median) (must not grow with length)', `${(at30k.min / at300.min).toFixed(2)}; ${(at30k.median / at300.median).toFixed(2)}`],
  [
    'apply message.new, chat of 30,000 messages, 16 events per batch (one frame)',
    show(
      repeat(7, () => applyCost(30_000, 10_000, 16)),
      'us/event',
    ),
  ],
  [
    'first load: fold 30,000 messages into log + conversation',
    show(
      repeat(5, () => loadCost(30_000)),
      'ms',
      1,
    ),
  ],
  [
    'flatten the 30,000-message conversation for render (once per frame at most)',
    show(
      repeat(5, () => flattenCost(30_000)),
      'ms',
    ),
  ],
];
const width = Math.max(...figures.map(([name]) => name.length));
console.log(`\nLookout core figures (node ${process.version})\n${figures.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n')}\n`);

// ---- vitest statistics ----
describe('core', () => {
  const { inputs, ids } = reconcileInputs(1_000, 10_000);
  bench(
    'reconcile 1,000 sessions x 10,000 tasks (cold)',
    () => {
      const memo = createSessionEntryMemo();
      for (const id of ids) buildEntry(memo, inputs, id);
    },
    { time: 1_000 },
  );

  const all = history(30_000 + 200_000);
  const client = clientWith(all.slice(0, 30_000));
  const live = asEvents(all.slice(30_000));
  let next = 0;
  bench(
    'apply one message.new into a 30,000+ message chat',
    () => {
      const event = live[next % live.length];
      next += 1;
      if (event) applyProjectEvents(client, P, [event]);
    },
    { time: 1_000 },
  );
});
