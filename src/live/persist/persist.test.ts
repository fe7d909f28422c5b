import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/query-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { User } from '../../api/contract';
import { keys } from '../../api/queries';
import { makeMessage } from '../../test/factories';
import { addMessages, emptyChat, type ChatCache } from '../chatCache';
import { createLiveEngine } from '../engine';
import { logToArray } from '../../reconcile/messageLog';
import { notificationKeys } from '../notificationCache';
import type { KeyValueStorage } from '../env';
import { createFakeEnv, type FakeEnv } from '../testing/fakeEnv';
import { flushPromises } from '../testing/fakeSam';
import { memoryStorage } from '../testing/memoryStorage';
import { KEPT_MESSAGES_PER_CHAT } from './codec';
import { keptKind } from './keptKinds';
import { restoredMarks } from './marks';
import { storageKey, type StoredCache } from './persister';
import { PERSIST_MAX_AGE_MS, startPersisting } from './start';

const BUSTER = 'v1';
const user = (id: string): User => ({ id, email: `${id}@example.com`, name: id, avatarUrl: null, role: 'user', status: 'active', createdAt: 0 });

/**
 * A tab: a new engine over a new query client, on the device's storage and clock, signed in as `userId`.
 * `answered`, when given, holds SAM's answer to `me` until it settles.
 */
function openTab(env: FakeEnv, storage: KeyValueStorage, userId: string | null, buster = BUSTER, answered: Promise<unknown> = Promise.resolve()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  const me = async () => {
    await answered;
    if (userId === null) throw new Error('offline');
    return user(userId);
  };
  const engine = createLiveEngine({ client, env: { ...env, storage, api: { me } } });
  const persisting = startPersisting(engine, { buster });
  return { client, engine, persisting };
}

function chatOf(owner: string, count: number): ChatCache {
  const messages = Array.from({ length: count }, (_, i) =>
    makeMessage({ id: `${owner}-m${i}`, sessionId: `${owner}-s`, content: `${owner} says ${i}`, createdAt: 1_000 + i, sequence: i }),
  );
  return { ...addMessages(emptyChat(), messages, { detectGaps: false, stamp: 1 }).entry, hasEarlier: false };
}

/** Fills a tab's cache with what `owner` sees (every value names its owner), then writes the save. */
async function fillAs(tab: ReturnType<typeof openTab>, owner: string, env: FakeEnv) {
  await tab.persisting.restored;
  tab.client.setQueryData(keys.projectList(), { projects: [{ id: `${owner}-p`, name: `${owner}'s project` }], nextCursor: null });
  tab.client.setQueryData(keys.chat(`${owner}-p`, `${owner}-s`), chatOf(owner, 3));
  tab.client.setQueryData(notificationKeys.unreadCount(), { count: owner.length });
  env.advance(1_000);
  await tab.persisting.flush();
}

/** Every string inside a value (Maps, arrays, objects; cycles visited once). */
function stringsIn(value: unknown, seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const parts = value instanceof Map ? [...value.entries()] : Array.isArray(value) ? value : Object.values(value);
  return parts.flatMap((part) => stringsIn(part, seen));
}

const restoredKeys = (client: QueryClient): QueryKey[] =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.data !== undefined)
    .map((q) => q.queryKey);

describe('the kept query cache', () => {
  it('restores a chat for the same user, with the time it was saved', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    const first = openTab(env, storage, 'ada');
    await fillAs(first, 'ada', env);
    const savedAt = (storage.entries.get(storageKey('ada')) as StoredCache).savedAt;
    first.persisting.stop();

    env.advance(60_000);
    const second = openTab(env, storage, 'ada');
    expect(await second.persisting.restored).toBe('restored');
    const chat = second.client.getQueryData<ChatCache>(keys.chat('ada-p', 'ada-s'));
    expect(logToArray(chat?.log ?? { chunks: [], tail: [], length: 0, maxSequence: null, maxSequenceAt: null }).map((m) => m.content)).toEqual([
      'ada says 0',
      'ada says 1',
      'ada says 2',
    ]);
    expect(chat?.conversation.items).toBeDefined();
    // Shown with its "as of" while on screen, until the chat's own answer arrives.
    const marks = second.engine.attach(restoredMarks);
    const observer = new QueryObserver(second.client, { queryKey: keys.chat('ada-p', 'ada-s'), queryFn: async () => chatOf('ada', 4), staleTime: Infinity });
    const off = observer.subscribe(() => {});
    expect(marks.asOf()).toBe(savedAt);
    await observer.refetch();
    expect(marks.asOf()).toBeNull();
    off();
  });

  it('never restores another user: their store is removed, not restored', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    expect(storage.entries.has(storageKey('ada'))).toBe(true);

    const grace = openTab(env, storage, 'grace');
    expect(await grace.persisting.restored).toBe('nothing');
    expect(restoredKeys(grace.client)).toEqual([]);
    expect(storage.entries.has(storageKey('ada'))).toBe(false);
  });

  it('reads the store while SAM is asked who is signed in, and shows nothing of it before the answer', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    const reads: string[] = [];
    const watched: KeyValueStorage = { ...storage, get: (key) => (reads.push(key), storage.get(key)) };

    let answer = () => {};
    const grace = openTab(env, watched, 'grace', BUSTER, new Promise<void>((resolve) => (answer = resolve)));
    await flushPromises();
    expect(reads).toEqual([storageKey('ada')]);
    expect(restoredKeys(grace.client)).toEqual([]);
    expect(grace.engine.attach(restoredMarks).asOf()).toBeNull();
    answer();
    expect(await grace.persisting.restored).toBe('nothing');
    expect(restoredKeys(grace.client)).toEqual([]);
    expect(storage.entries.has(storageKey('ada'))).toBe(false);

    // The same read, for the user SAM then names, is what is restored: the store is not asked again.
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    reads.length = 0;
    const ada = openTab(env, watched, 'ada', BUSTER, new Promise<void>((resolve) => (answer = resolve)));
    await flushPromises();
    expect(restoredKeys(ada.client)).toEqual([]);
    answer();
    expect(await ada.persisting.restored).toBe('restored');
    expect(reads).toEqual([storageKey('ada')]);
  });

  it('restores nothing before SAM says who is signed in', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    const offline = openTab(env, storage, null);
    expect(await offline.persisting.restored).toBe('no-user');
    expect(restoredKeys(offline.client)).toEqual([]);
  });

  it('drops a store saved by another version (buster) or older than the max age', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    const newer = openTab(env, storage, 'ada', 'v2');
    expect(await newer.persisting.restored).toBe('nothing');
    expect(restoredKeys(newer.client)).toEqual([]);
    expect(storage.entries.has(storageKey('ada'))).toBe(false);

    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    env.advance(PERSIST_MAX_AGE_MS + 1);
    const late = openTab(env, storage, 'ada');
    expect(await late.persisting.restored).toBe('nothing');
    expect(storage.entries.has(storageKey('ada'))).toBe(false);
  });

  it('keeps each user under a key of their own, and the record names its user', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    await fillAs(openTab(env, storage, 'ada'), 'ada', env);
    expect([...storage.entries.keys()]).toEqual(['lookout.cache:ada']);
    expect((storage.entries.get('lookout.cache:ada') as StoredCache).userId).toBe('ada');

    // A record under ada's key that names someone else is never restored.
    const record = storage.entries.get('lookout.cache:ada') as StoredCache;
    storage.entries.set('lookout.cache:ada', { ...record, userId: 'grace' });
    const tab = openTab(env, storage, 'ada');
    expect(await tab.persisting.restored).toBe('nothing');
    expect(restoredKeys(tab.client)).toEqual([]);
  });

  it('leaves out optimistic sends, deliveries, probes, task details and tool output, and keeps the newest window of a long chat', async () => {
    const env = createFakeEnv();
    const storage = memoryStorage();
    const tab = openTab(env, storage, 'ada');
    await tab.persisting.restored;
    const long = chatOf('ada', KEPT_MESSAGES_PER_CHAT + 500);
    tab.client.setQueryData(keys.chat('p', 's'), { ...long, pendingSends: [{ localId: 'l1', content: 'not sent yet' }] });
    tab.client.setQueryData(keys.promptDeliveries('p'), new Map([['d1', 'retry_wait']]));
    tab.client.setQueryData(keys.sessionProbe('p', 's'), 5);
    tab.client.setQueryData(keys.taskDetail('p', 't'), { id: 't' });
    tab.client.setQueryData(keys.toolContent('p', 's', 'i'), ['big output']);
    tab.client.setQueryData(keys.sessionFacts('p'), { records: new Map(), createdLive: new Map() });
    env.advance(1_000);
    await tab.persisting.flush();

    const stored = storage.entries.get(storageKey('ada')) as StoredCache;
    expect(stored.client.clientState.queries.map((q) => keptKind(q.queryKey))).toEqual(['chat', 'sessionFacts']);
    const reopened = openTab(env, storage, 'ada');
    await reopened.persisting.restored;
    const chat = reopened.client.getQueryData<ChatCache>(keys.chat('p', 's'));
    expect(chat?.pendingSends).toEqual([]);
    expect(chat?.log.length).toBe(KEPT_MESSAGES_PER_CHAT);
    expect(logToArray(chat?.log ?? long.log).at(-1)?.id).toBe(`ada-m${KEPT_MESSAGES_PER_CHAT + 499}`);
    expect(chat?.hasEarlier).toBe(true);
    expect(reopened.client.getQueryState(keys.chat('p', 's'))?.isInvalidated).toBe(true);
  });

  it('property: over any sequence of sign-ins on one device, no restored entry belongs to another user', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('ada', 'grace', 'linus'), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(PERSIST_MAX_AGE_MS / 4), { minLength: 8, maxLength: 8 }),
        // How long SAM takes to say who is signed in, in promise turns: before, during or after the store's read.
        fc.array(fc.nat(30), { minLength: 8, maxLength: 8 }),
        // Keys mixed up: the previous user's record found under the next user's key.
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        async (users, gaps, meTurns, mixedUp) => {
          const env = createFakeEnv();
          const storage = memoryStorage();
          for (const [i, id] of users.entries()) {
            env.advance(gaps[i] ?? 0);
            const previous = [...storage.entries.entries()].find(([key]) => key !== storageKey(id));
            if (mixedUp[i] && previous) storage.entries.set(storageKey(id), previous[1]);
            const tab = openTab(env, storage, id, BUSTER, flushPromises(meTurns[i] ?? 0));
            await tab.persisting.restored;
            const owners = tab.client
              .getQueryCache()
              .getAll()
              .flatMap((q) => stringsIn([q.queryKey, q.state.data]).flatMap((text) => text.match(/\b(ada|grace|linus)\b/g) ?? []));
            expect(owners.filter((owner) => owner !== id)).toEqual([]);
            await fillAs(tab, id, env);
            tab.persisting.stop();
            await flushPromises();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
