import type { PersistedClient, Persister } from '@tanstack/query-persist-client-core';
import type { KeyValueStorage, LiveEnv } from '../env';
import { decodeCache, encodeCache } from './codec';

/*
 * TanStack's `Persister` for one signed-in user, over the env's storage (IndexedDB in the browser).
 * Each user has a key of their own, and the record names its user again, so a store can never be
 * restored into another user's tab even if keys were mixed up.
 */

const KEY_PREFIX = 'lookout.cache:';

export const storageKey = (userId: string): string => `${KEY_PREFIX}${userId}`;
export const isCacheKey = (key: string): boolean => key.startsWith(KEY_PREFIX);

/**
 * A save at most this often: TanStack asks on every cache event (a streaming agent makes several a
 * second); the newest asked-for state is what gets written.
 */
export const SAVE_THROTTLE_MS = 1_000;

/** What is stored under a user's key. */
export interface StoredCache {
  readonly userId: string;
  /** When it was written, on the app's clock (env.now): the "as of" of what it restores. */
  readonly savedAt: number;
  readonly client: PersistedClient;
}

export interface UserPersister extends Persister {
  /** Writes a save that is waiting for its throttle now (the page is being hidden; tests). */
  flush(): Promise<void>;
  /** Stops saving: what is waiting is dropped, and later asks are ignored. */
  close(): void;
  /** The stored cache's `savedAt` once `restoreClient` found a usable one, else null. */
  restoredSavedAt(): number | null;
}

export interface UserPersisterOptions {
  env: Pick<LiveEnv, 'now' | 'setTimeout' | 'clearTimeout' | 'reportError'>;
  storage: KeyValueStorage;
  userId: string;
  maxAge: number;
  throttleMs?: number;
}

export function createUserPersister({ env, storage, userId, maxAge, throttleMs = SAVE_THROTTLE_MS }: UserPersisterOptions): UserPersister {
  const key = storageKey(userId);
  let waiting: PersistedClient | null = null;
  let timer: unknown = null;
  let closed = false;
  let writing: Promise<void> = Promise.resolve();
  let savedAt: number | null = null;

  const write = (): Promise<void> => {
    if (timer !== null) env.clearTimeout(timer);
    timer = null;
    const client = waiting;
    waiting = null;
    if (!client || closed) return writing;
    const record: StoredCache = { userId, savedAt: env.now(), client: { ...client, clientState: encodeCache(client.clientState) } };
    // One write at a time, in order: a slow write must not land after a newer one.
    // A store that refuses a write (no IndexedDB in a private window, quota) is not asked again.
    writing = writing
      .then(() => (closed ? undefined : storage.set(key, record)))
      .catch((error: unknown) => {
        closed = true;
        env.reportError(error);
      });
    return writing;
  };

  return {
    persistClient(client) {
      if (closed) return;
      waiting = client;
      timer ??= env.setTimeout(() => void write(), throttleMs);
    },
    async restoreClient() {
      const record = (await storage.get(key)) as StoredCache | undefined;
      if (!record) return undefined;
      const age = env.now() - record.savedAt;
      // Another user's record under this key, a clock that went back (stamps would then beat fresh
      // answers), or too old: never restored, and removed.
      if (record.userId !== userId || age < 0 || age > maxAge) {
        await storage.del(key);
        return undefined;
      }
      savedAt = record.savedAt;
      return { ...record.client, clientState: decodeCache(record.client.clientState) };
    },
    removeClient() {
      savedAt = null;
      // After any write in flight, so a removed cache cannot come back.
      writing = writing.then(() => storage.del(key)).catch(env.reportError);
      return writing;
    },
    flush: write,
    close() {
      closed = true;
      waiting = null;
      if (timer !== null) env.clearTimeout(timer);
      timer = null;
    },
    restoredSavedAt: () => savedAt,
  };
}
