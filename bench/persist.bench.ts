// bench/ is type-checked with tsconfig.node.json, which does not see the app's globals (__SIMULATED__).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../src/env.d.ts" />
/*
 * What keeping a 30,000-message chat costs (src/live/persist, docs/persist.md), in node: the long-chat
 * scenario's session, held as the chat view holds it, then one save (trim to the kept window, and a
 * structured clone: what IndexedDB does to a value it stores) and one restore (a clone back, and the log
 * and conversation rebuilt), for the kept window and, for comparison, for the whole chat.
 * Run: npx vitest bench --run bench/persist.bench.ts (also part of `npm run bench`).
 */
import { bench, describe } from 'vitest';
import type { Message } from '../src/api/contract';
import { addMessages, emptyChat, type ChatCache } from '../src/live/chatCache';
import { keepChat, KEPT_MESSAGES_PER_CHAT, restoreChat } from '../src/live/persist/codec';
import { createSimulator } from '../mocks/simulator';
import { messageWire } from '../mocks/world/wire';

const sim = createSimulator({ scenario: 'long-chat', seed: 1 });
const project = [...sim.world.projects.values()][0]!;
const session = sim.world.sessions.list(project.id)[0]!;
const messages = sim.world.messages.all(session.id).map((m) => messageWire(m) as unknown as Message);
const chat: ChatCache = addMessages(emptyChat(), messages, { detectGaps: false, stamp: 1 }).entry;

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const out = run();
  return [out, performance.now() - start];
}

function median(runs: number, run: () => number): number {
  const times = Array.from({ length: runs }, run).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? NaN;
}

const figures: Array<[string, string]> = [];
for (const [label, limit] of [
  [`kept window (${KEPT_MESSAGES_PER_CHAT.toLocaleString('en')})`, KEPT_MESSAGES_PER_CHAT],
  [`whole chat (${messages.length.toLocaleString('en')})`, Infinity],
] as const) {
  const kept = keepChat(chat, limit);
  const bytes = JSON.stringify(kept).length;
  const save = median(7, () => timed(() => structuredClone(keepChat(chat, limit)))[1]);
  const stored = structuredClone(kept);
  const restore = median(7, () => timed(() => restoreChat(structuredClone(stored)))[1]);
  figures.push([`${label}: size as JSON`, `${(bytes / 1024).toFixed(0)} KB`]);
  figures.push([`${label}: save (trim + structured clone)`, `${save.toFixed(1)} ms`]);
  figures.push([`${label}: restore (clone back + log and conversation rebuilt)`, `${restore.toFixed(1)} ms`]);
}
console.log('\nLookout persist figures (median of 7)');
for (const [name, value] of figures) console.log(`  ${name.padEnd(72)}  ${value}`);
console.log('');

describe('persist a 30,000-message chat', () => {
  bench('save the kept window', () => void structuredClone(keepChat(chat)));
  bench('restore the kept window', () => void restoreChat(structuredClone(keepChat(chat))));
});
