import type { KeyValueStorage } from '../env';

/**
 * The KeyValueStorage of node tests: a Map that, like IndexedDB, keeps structured clones (so a test sees
 * what a real store would give back, never the live object that was saved).
 */
export interface MemoryStorage extends KeyValueStorage {
  readonly entries: Map<string, unknown>;
  /** Writes so far (a test can check a save happened, or did not). */
  writes: number;
}

export function memoryStorage(): MemoryStorage {
  const entries = new Map<string, unknown>();
  const storage: MemoryStorage = {
    entries,
    writes: 0,
    get: async (key) => (entries.has(key) ? structuredClone(entries.get(key)) : undefined),
    set: async (key, value) => {
      storage.writes += 1;
      entries.set(key, structuredClone(value));
    },
    del: async (key) => void entries.delete(key),
    keys: async () => [...entries.keys()],
  };
  return storage;
}
