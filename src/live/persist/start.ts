import { persistQueryClientRestore, persistQueryClientSubscribe, type PersistedClient } from '@tanstack/query-persist-client-core';
import { onUnauthorized } from '../../api/http';
import type { User } from '../../api/contract';
import type { LiveEngine } from '../engine';
import type { KeyValueStorage } from '../env';
import { shouldKeepQuery } from './keptKinds';
import { restoredMarks } from './marks';
import { createUserPersister, isCacheKey, storageKey, type UserPersister } from './persister';

/*
 * Keeps the engine's query cache between visits, per signed-in user (docs/persist.md), with TanStack's
 * persister: restore, then save on every cache change (throttled). The store is read while SAM is asked
 * who is signed in (`GET /api/auth/me`), but nothing is restored before it has answered; another user's
 * store on this device is removed, and a sign-out (any 401) stops saving and removes the user's store.
 */

/** A kept cache older than this is dropped: a reopened tab would show a day-old state as if it were news. */
export const PERSIST_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface PersistOptions {
  /** Changes with the app's version: a cache saved by another version is never read. */
  buster: string;
  /**
   * `GET /api/auth/me` and the store's key list, when the app asked for them before this code loaded
   * (src/main.tsx does, so neither waits for the persister's chunk).
   */
  asked?: { user: Promise<User | null>; keys: Promise<string[]> };
  maxAge?: number;
  throttleMs?: number;
}

export interface Persisting {
  /** Settles once the cache was restored, or it was decided not to restore one. */
  readonly restored: Promise<'restored' | 'nothing' | 'no-user'>;
  /** Writes a waiting save now (tests, benchmarks). */
  flush(): Promise<void>;
  stop(): void;
}

export function startPersisting(
  engine: Pick<LiveEngine, 'client' | 'env' | 'attach'>,
  { buster, maxAge = PERSIST_MAX_AGE_MS, throttleMs, asked }: PersistOptions,
): Persisting {
  const { client, env } = engine;
  const marks = engine.attach(restoredMarks);
  let persister: UserPersister | null = null;
  let unsubscribe = () => {};
  let stopped = false;
  const stop = () => {
    stopped = true;
    persister?.close();
    unsubscribe();
    offUnauthorized();
  };
  const offUnauthorized = onUnauthorized(() => {
    const signedOut = persister;
    stop();
    marks.clear();
    void signedOut?.removeClient();
  });

  const restored = (async () => {
    const storedKeys = (asked?.keys ?? env.storage.keys()).catch((error: unknown) => {
      env.reportError(error);
      return [];
    });
    // Read while SAM is asked who is signed in, so the restore does not wait for the store after it has
    // answered. Reading is not showing: nothing read reaches the cache before `me` names the user, and
    // then only that user's record, once it has named the same user again (the persister checks).
    const readAhead = storedKeys
      .then((keys) => Promise.all(keys.filter(isCacheKey).map(async (key) => [key, await env.storage.get(key)] as const)))
      .then((records) => new Map<string, unknown>(records))
      .catch((error: unknown) => {
        env.reportError(error);
        return new Map<string, unknown>();
      });
    const user = await (asked?.user ?? env.api.me()).catch(() => null);
    if (!user || stopped) return 'no-user' as const;
    const own = storageKey(user.id);
    // Whoever used this browser before: their store goes, never restored.
    for (const key of await storedKeys) if (isCacheKey(key) && key !== own) await env.storage.del(key);
    if (stopped) return 'no-user' as const;
    const storage = answeringFirstRead(
      env.storage,
      own,
      readAhead.then((records) => records.get(own)),
    );
    const userPersister = createUserPersister({ env, storage, userId: user.id, maxAge, throttleMs });
    let found: { savedAt: number; client: PersistedClient } | null = null;
    persister = {
      ...userPersister,
      restoreClient: async () => {
        const read = await userPersister.restoreClient();
        const savedAt = userPersister.restoredSavedAt();
        if (read && savedAt !== null) found = { savedAt, client: read };
        return read;
      },
    };
    await persistQueryClientRestore({ queryClient: client, persister, maxAge, buster }).catch(env.reportError);
    if (stopped) return 'no-user' as const;
    const shown = found ? markRestored(found) : 0;
    unsubscribe = persistQueryClientSubscribe({ queryClient: client, persister, buster, dehydrateOptions: { shouldDehydrateQuery: shouldKeepQuery } });
    return shown > 0 ? ('restored' as const) : ('nothing' as const);
  })();

  /**
   * Marks the entries whose data is now the restored copy (hydrate keeps an answer newer than it; a
   * busted or expired store hydrates nothing). Returns how many.
   */
  function markRestored({ savedAt, client: persisted }: { savedAt: number; client: PersistedClient }): number {
    const shown = persisted.clientState.queries.filter((query) => client.getQueryCache().get(query.queryHash)?.state.data === query.state.data);
    marks.mark(
      shown.map((query) => query.queryKey),
      savedAt,
    );
    return shown.length;
  }

  return { restored, flush: () => persister?.flush() ?? Promise.resolve(), stop };
}

/** The store, with its first read of `key` answered by what was read ahead (later reads go to the store). */
function answeringFirstRead(storage: KeyValueStorage, key: string, value: Promise<unknown>): KeyValueStorage {
  let ahead: Promise<unknown> | null = value;
  return {
    ...storage,
    get(asked) {
      if (asked !== key || !ahead) return storage.get(asked);
      const read = ahead;
      ahead = null;
      return read;
    },
  };
}
