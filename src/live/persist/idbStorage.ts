import { createStore, del as idbDel, get as idbGet, keys as idbKeys, set as idbSet } from 'idb-keyval';

/*
 * The browser's KeyValueStorage (src/live/env.ts): one IndexedDB object store of Lookout's own, so other
 * users of idb-keyval's default store (a service worker) never share it. Values are structured clones.
 */
const store = createStore('lookout', 'query-cache');

export const get = (key: string): Promise<unknown> => idbGet(key, store);
export const set = (key: string, value: unknown): Promise<void> => idbSet(key, value, store);
export const del = (key: string): Promise<void> => idbDel(key, store);
export const keys = async (): Promise<string[]> => (await idbKeys(store)).filter((key): key is string => typeof key === 'string');
