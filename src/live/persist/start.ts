import { persistQueryClientRestore, persistQueryClientSubscribe, type PersistedClient } from '@tanstack/query-persist-client-core';
import { onUnauthorized } from '../../api/http';
import type { User } from '../../api/contract';
import type { LiveEngine } from '../engine';
import { shouldKeepQuery } from './keptKinds';
import { restoredMarks } from './marks';
import { createUserPersister, isCacheKey, storageKey, type UserPersister } from './persister';

/*
 * Keeps the engine's query cache between visits, per signed-in user (docs/persist.md), with TanStack's
 * persister: restore, then save on every cache change (throttled). Nothing is read before SAM has said
 * who is signed in (`GET /api/auth/me`), another user's store on this device is removed first, and a
 * sign-out (any 401) stops saving and removes the user's store.
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
    // Only the keys are listed before SAM names the user (it opens the store meanwhile); nothing is read.
    const storedKeys = (asked?.keys ?? env.storage.keys()).catch((error: unknown) => {
      env.reportError(error);
      return [];
    });
    const user = await (asked?.user ?? env.api.me()).catch(() => null);
    if (!user || stopped) return 'no-user' as const;
    const own = storageKey(user.id);
    // Whoever used this browser before: their store goes before anything is read.
    for (const key of await storedKeys) if (isCacheKey(key) && key !== own) await env.storage.del(key);
    if (stopped) return 'no-user' as const;
    const userPersister = createUserPersister({ env, storage: env.storage, userId: user.id, maxAge, throttleMs });
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
