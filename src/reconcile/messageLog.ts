import type { Message } from '../api/contract';
import { compareMessages } from './order';

/*
 * The messages held for one open session: sorted by (createdAt, sequence, id), each id once. Sized for
 * SAM's largest sessions (30,000+ rows): sealed chunks are shared between versions; an in-order message
 * (the common case: live chunks) only copies the short tail; an out-of-order one copies one chunk and
 * the chunk index. Nothing published is ever mutated, so React can compare versions by identity.
 */
const CHUNK = 128;

export interface MessageLog {
  /** Sealed chunks in order, each 1..2*CHUNK messages. */
  readonly chunks: readonly (readonly Message[])[];
  /** The newest messages (fewer than CHUNK), after every sealed chunk. */
  readonly tail: readonly Message[];
  readonly length: number;
  /** The highest `sequence` held, and the createdAt of its message (where a catch-up resumes). */
  readonly maxSequence: number | null;
  readonly maxSequenceAt: number | null;
}

export type InsertOutcome =
  | { kind: 'appended' }
  | { kind: 'inserted' }
  | { kind: 'duplicate' };

export const emptyLog: MessageLog = { chunks: [], tail: [], length: 0, maxSequence: null, maxSequenceAt: null };

const APPENDED: InsertOutcome = { kind: 'appended' };
const INSERTED: InsertOutcome = { kind: 'inserted' };
const DUPLICATE: InsertOutcome = { kind: 'duplicate' };

// One object shape for every version (the hot path allocates one per message).
function makeLog(chunks: MessageLog['chunks'], tail: readonly Message[], length: number, maxSequence: number | null, maxSequenceAt: number | null): MessageLog {
  return { chunks, tail, length, maxSequence, maxSequenceAt };
}

/**
 * A message already held arrives again (message.new, then inside messages.batch, then in a REST page).
 * SAM never edits a persisted row, so the copy adds nothing: keep the held object, so nothing re-renders.
 */
export function shouldDropDuplicate(held: Message, incoming: Message): boolean {
  return held.id === incoming.id;
}

/**
 * The incoming message skips sequence numbers: events were missed (a dropped frame). The caller
 * catches up from the createdAt of the newest contiguous message held (`maxSequenceAt`).
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

export function insertMessage(log: MessageLog, m: Message): { log: MessageLog; outcome: InsertOutcome } {
  const newest = newestMessage(log);
  const raises = m.sequence !== null && (log.maxSequence === null || m.sequence > log.maxSequence);
  const maxSequence = raises ? m.sequence : log.maxSequence;
  const maxSequenceAt = raises ? m.createdAt : log.maxSequenceAt;
  if (!newest || compareMessages(newest, m) < 0) {
    const tail = log.tail.slice();
    tail.push(m);
    const next = sealIfFull(log.chunks, tail);
    return { log: makeLog(next.chunks, next.tail, log.length + 1, maxSequence, maxSequenceAt), outcome: APPENDED };
  }
  const c = chunkFor(log.chunks, m);
  const segment = c < log.chunks.length ? (log.chunks[c] as readonly Message[]) : log.tail;
  const at = lowerBound(segment, m);
  const found = segment[at];
  if (found && compareMessages(found, m) === 0 && shouldDropDuplicate(found, m)) return { log, outcome: DUPLICATE };
  const grown = segment.slice();
  grown.splice(at, 0, m);
  let chunks: MessageLog['chunks'];
  let tail = log.tail;
  if (c === log.chunks.length) {
    ({ chunks, tail } = sealIfFull(log.chunks, grown));
  } else {
    const copy = log.chunks.slice();
    const halves = grown.length > 2 * CHUNK ? [grown.slice(0, CHUNK), grown.slice(CHUNK)] : [grown];
    copy.splice(c, 1, ...halves);
    chunks = copy;
  }
  return { log: makeLog(chunks, tail, log.length + 1, maxSequence, maxSequenceAt), outcome: INSERTED };
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
