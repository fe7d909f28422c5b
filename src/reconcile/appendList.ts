/*
 * A persistent list that is cheap to append to and to change in place, however long it gets: full
 * chunks of CHUNK items are shared between versions, only the tail is copied on a push (the tail trick
 * of persistent vectors). `set` copies one chunk. Nothing is ever mutated after it is published.
 */
const CHUNK = 64;

export interface AppendList<T> {
  /** Full chunks, each exactly CHUNK items, never changed once published. */
  readonly chunks: readonly (readonly T[])[];
  /** The last, partly filled chunk (0..CHUNK-1 items). */
  readonly tail: readonly T[];
  readonly length: number;
}

export function emptyList<T>(): AppendList<T> {
  return { chunks: [], tail: [], length: 0 };
}

export function push<T>(list: AppendList<T>, item: T): AppendList<T> {
  const tail = list.tail.slice();
  tail.push(item);
  if (tail.length < CHUNK) return { chunks: list.chunks, tail, length: list.length + 1 };
  const chunks = list.chunks.slice();
  chunks.push(tail);
  return { chunks, tail: [], length: list.length + 1 };
}

export function get<T>(list: AppendList<T>, index: number): T | undefined {
  if (index < 0 || index >= list.length) return undefined;
  const chunk = Math.floor(index / CHUNK);
  return chunk < list.chunks.length ? list.chunks[chunk]?.[index % CHUNK] : list.tail[index - list.chunks.length * CHUNK];
}

export function last<T>(list: AppendList<T>): T | undefined {
  return get(list, list.length - 1);
}

/** A new list with `item` at `index`; the same list when that slot already holds it. */
export function set<T>(list: AppendList<T>, index: number, item: T): AppendList<T> {
  if (index < 0 || index >= list.length) throw new RangeError(`index ${index} outside 0..${list.length - 1}`);
  if (get(list, index) === item) return list;
  const chunk = Math.floor(index / CHUNK);
  if (chunk >= list.chunks.length) {
    const tail = list.tail.slice();
    tail[index - list.chunks.length * CHUNK] = item;
    return { chunks: list.chunks, tail, length: list.length };
  }
  const chunks = list.chunks.slice();
  const copy = (chunks[chunk] ?? []).slice();
  copy[index % CHUNK] = item;
  chunks[chunk] = copy;
  return { chunks, tail: list.tail, length: list.length };
}

export function* iterate<T>(list: AppendList<T>): Generator<T> {
  for (const chunk of list.chunks) yield* chunk;
  yield* list.tail;
}
