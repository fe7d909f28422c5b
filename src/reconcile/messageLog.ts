import type { Message } from '../api/contract';
import { compareMessages } from './order';

/*
 * The messages held for one open session: sorted by (createdAt, sequence, id), each id once. Sized for
 * SAM's largest sessions (30,000+ rows): sealed chunks are shared between versions; an in-order message
 * (the common case: live chunks) only copies the short tail; an out-of-order one copies one chunk and
 * the chunk index. Nothing published is ever mutated, so React can compare versions by identity.
 *
 * "Each id once" is kept by an id index, not by sort position: the same id can come back with another
 * sequence or createdAt (a frame against a REST page), and would otherwise sort elsewhere and be held twice.
 */
const CHUNK = 128;

/**
 * id -> message held. One Map is handed from each version to the next (no copy per insert); only the
 * version that last received it (`owner`) may read or extend it. Any other version (an older one being
 * branched from) rebuilds its own from its messages.
 */
interface IdIndex {
  readonly byId: Map<string, Message>;
  owner: object;
}

export interface MessageLog {
  /** Sealed chunks in order, each 1..2*CHUNK messages. */
  readonly chunks: readonly (readonly Message[])[];
  /** The newest messages (fewer than CHUNK), after every sealed chunk. */
  readonly tail: readonly Message[];
  readonly length: number;
  /** The highest `sequence` held (a VM outbox id: not contiguous, and it restarts with a new VM). */
  readonly maxSequence: number | null;
  readonly maxSequenceAt: number | null;
  /** Internal: see IdIndex. Absent on a log built by hand (tests); rebuilt on first use. */
  readonly index?: IdIndex;
}

export type InsertOutcome =
  | { kind: 'appended' }
  | { kind: 'inserted' }
  /** The id was held under another sort key and was moved to the incoming one. */
  | { kind: 'moved' }
  | { kind: 'duplicate' };

export const emptyLog: MessageLog = { chunks: [], tail: [], length: 0, maxSequence: null, maxSequenceAt: null };

const APPENDED: InsertOutcome = { kind: 'appended' };
const INSERTED: InsertOutcome = { kind: 'inserted' };
const MOVED: InsertOutcome = { kind: 'moved' };
const DUPLICATE: InsertOutcome = { kind: 'duplicate' };

// One object shape for every version (the hot path allocates one per message).
function makeLog(
  chunks: MessageLog['chunks'],
  tail: readonly Message[],
  length: number,
  maxSequence: number | null,
  maxSequenceAt: number | null,
  index: IdIndex,
): MessageLog {
  const log: MessageLog = { chunks, tail, length, maxSequence, maxSequenceAt, index };
  index.owner = log;
  return log;
}

/** The id index of `log`, usable for reading and extending into the next version. */
function ownIndex(log: MessageLog): IdIndex {
  if (log.index && log.index.owner === log) return log.index;
  const byId = new Map<string, Message>();
  for (const m of iterateLog(log)) byId.set(m.id, m);
  return { byId, owner: log };
}

/** The message held under this id, whatever its sort key. */
export function findMessage(log: MessageLog, id: string): Message | undefined {
  if (log.length === 0) return undefined;
  if (log.index && log.index.owner === log) return log.index.byId.get(id);
  for (const m of iterateLog(log)) if (m.id === id) return m;
  return undefined;
}

/**
 * The incoming message's sequence jumps past the highest held. SAM's `sequence` is the VM outbox's id,
 * shared by every session on that VM, so a jump is NOT proof of a missed row (another session took the
 * numbers), and a value below the maximum is not a duplicate (a replaced VM restarts at 1). A jump is
 * only a hint worth a cheap catch-up; nothing is ever dropped or reordered because of it.
 */
export function isSequenceGap(log: MessageLog, incoming: Message): boolean {
  return incoming.sequence !== null && log.maxSequence !== null && incoming.sequence > log.maxSequence + 1;
}

export function newestMessage(log: MessageLog): Message | undefined {
  return log.tail.at(-1) ?? log.chunks.at(-1)?.at(-1);
}

export function oldestMessage(log: MessageLog): Message | undefined {
  return log.chunks[0]?.[0] ?? log.tail[0];
}

function lowerBound(items: readonly Message[], m: Message): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareMessages(items[mid] as Message, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first sealed chunk whose last message sorts at or after `m`; chunks.length when none does. */
function chunkFor(chunks: readonly (readonly Message[])[], m: Message): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareMessages((chunks[mid] as readonly Message[]).at(-1) as Message, m) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sealIfFull(chunks: MessageLog['chunks'], tail: Message[]): { chunks: MessageLog['chunks']; tail: readonly Message[] } {
  if (tail.length < CHUNK) return { chunks, tail };
  const sealed = chunks.slice();
  sealed.push(tail);
  return { chunks: sealed, tail: [] };
}

/** The log without `held` (a message it holds, found by its own sort key). */
function without(log: MessageLog, held: Message): Pick<MessageLog, 'chunks' | 'tail'> {
  const c = chunkFor(log.chunks, held);
  if (c === log.chunks.length) {
    const tail = log.tail.slice();
    tail.splice(lowerBound(tail, held), 1);
    return { chunks: log.chunks, tail };
  }
  const chunk = (log.chunks[c] as readonly Message[]).slice();
  chunk.splice(lowerBound(chunk, held), 1);
  const chunks = log.chunks.slice();
  if (chunk.length === 0) chunks.splice(c, 1);
  else chunks[c] = chunk;
  return { chunks, tail: log.tail };
}

/**
 * Adds `m` unless its id is held. A message already held arrives again (message.new, then inside
 * messages.batch, then in a REST page); SAM never edits a persisted row, so the copy adds nothing: the
 * held object stays, so nothing re-renders. When the id is held under another sort key (createdAt/sequence),
 * `move` says whether the incoming copy is the truth (a REST page: the persisted row) and the held one
 * moves to it; otherwise the held one stays.
 */
export function insertMessage(log: MessageLog, m: Message, options: { move?: boolean } = {}): { log: MessageLog; outcome: InsertOutcome } {
  const held = findMessage(log, m.id);
  if (held && (!options.move || compareMessages(held, m) === 0)) {
    return { log, outcome: DUPLICATE };
  }
  const index = ownIndex(log);
  let base: MessageLog = log;
  if (held) {
    const rest = without(log, held);
    base = { ...log, ...rest, length: log.length - 1 };
  }
  const placed = place(base, m);
  index.byId.set(m.id, m);
  const raises = m.sequence !== null && (log.maxSequence === null || m.sequence > log.maxSequence);
  const maxSequence = raises ? m.sequence : log.maxSequence;
  const maxSequenceAt = raises ? m.createdAt : log.maxSequenceAt;
  const next = makeLog(placed.chunks, placed.tail, base.length + 1, maxSequence, maxSequenceAt, index);
  return { log: next, outcome: held ? MOVED : placed.appended ? APPENDED : INSERTED };
}

/** Chunks and tail with `m` (not held) in its sorted place. */
function place(log: Pick<MessageLog, 'chunks' | 'tail'>, m: Message): { chunks: MessageLog['chunks']; tail: readonly Message[]; appended: boolean } {
  const newest = log.tail.at(-1) ?? log.chunks.at(-1)?.at(-1);
  if (!newest || compareMessages(newest, m) < 0) {
    const tail = log.tail.slice();
    tail.push(m);
    return { ...sealIfFull(log.chunks, tail), appended: true };
  }
  const c = chunkFor(log.chunks, m);
  const segment = c < log.chunks.length ? (log.chunks[c] as readonly Message[]) : log.tail;
  const grown = segment.slice();
  grown.splice(lowerBound(segment, m), 0, m);
  if (c === log.chunks.length) return { ...sealIfFull(log.chunks, grown), appended: false };
  const chunks = log.chunks.slice();
  const halves = grown.length > 2 * CHUNK ? [grown.slice(0, CHUNK), grown.slice(CHUNK)] : [grown];
  chunks.splice(c, 1, ...halves);
  return { chunks, tail: log.tail, appended: false };
}

export function logFromMessages(messages: readonly Message[]): MessageLog {
  let log = emptyLog;
  for (const m of [...messages].sort(compareMessages)) log = insertMessage(log, m).log;
  return log;
}

export function* iterateLog(log: MessageLog): Generator<Message> {
  for (const chunk of log.chunks) yield* chunk;
  yield* log.tail;
}

export function logToArray(log: MessageLog): Message[] {
  return [...iterateLog(log)];
}
