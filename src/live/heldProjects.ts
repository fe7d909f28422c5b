import type { Query } from '@tanstack/query-core';
import { keys } from '../api/queries';
import type { EngineInside } from './engine';
import type { SessionFactsCache, TaskSnapshotsCache } from './normalisedCaches';

/*
 * The normalised caches of every project visited in this tab, for what reads across projects (the bell's
 * open questions, the alert watcher, the Needs-you queue). Kept from the query cache's events: each event's
 * key is recognised by its parts, and a reader is told only when an entry it holds was replaced. The hooks
 * this replaced scanned the whole cache, hashing every key, on every cache event: 0.3 ms of each streamed
 * chunk in a chat of 300 messages (BENCHMARKS.md, section 7).
 */

export interface HeldProject {
  readonly projectId: string;
  readonly facts: SessionFactsCache | undefined;
  readonly snapshots: TaskSnapshotsCache | undefined;
}

export interface HeldFacts {
  readonly projectId: string;
  readonly facts: SessionFactsCache;
}

export interface HeldProjects {
  /** Called after an entry was added, replaced or removed. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Every project with a held entry, in the order first held: the same array until an entry changes. */
  projects(): readonly HeldProject[];
  /** The projects' facts entries alone: the same array until one of those changes. */
  facts(): readonly HeldFacts[];
}

type Part = 'facts' | 'snapshots';

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** Which held entry a query key names, if any. Every part of these keys is a string, so `===` suffices. */
function partOf(queryKey: readonly unknown[]): { projectId: string; part: Part } | null {
  const projectId = queryKey[2];
  if (typeof projectId !== 'string') return null;
  if (sameKey(queryKey, keys.sessionFacts(projectId))) return { projectId, part: 'facts' };
  if (sameKey(queryKey, keys.taskSnapshots(projectId))) return { projectId, part: 'snapshots' };
  return null;
}

/** Made once per engine: `engine.attach(createHeldProjects)`. */
export function createHeldProjects({ core }: EngineInside): HeldProjects {
  const cache = core.client.getQueryCache();
  const byProject = new Map<string, HeldProject>();
  const listeners = new Set<() => void>();
  let projects: readonly HeldProject[] = [];
  let facts: readonly HeldFacts[] = [];

  /** Takes the query's data (none once removed); says which part changed. */
  function take(query: Query, removed: boolean): Part | null {
    const where = partOf(query.queryKey);
    if (!where) return null;
    const held = byProject.get(where.projectId) ?? { projectId: where.projectId, facts: undefined, snapshots: undefined };
    // The entry's type is the key's: only the reducer writes these two keys (src/live/normalisedCaches.ts).
    const data = removed ? undefined : (query.state.data as HeldProject[Part]);
    if (held[where.part] === data) return null;
    const next: HeldProject = { ...held, [where.part]: data };
    if (next.facts === undefined && next.snapshots === undefined) byProject.delete(where.projectId);
    else byProject.set(where.projectId, next);
    return where.part;
  }

  function publish(changed: ReadonlySet<Part>) {
    projects = [...byProject.values()];
    if (changed.has('facts')) facts = projects.flatMap(({ projectId, facts }) => (facts ? [{ projectId, facts }] : []));
  }

  const changedAtStart = new Set<Part>();
  for (const query of cache.getAll()) {
    const part = take(query, false);
    if (part) changedAtStart.add(part);
  }
  publish(changedAtStart);

  cache.subscribe((event) => {
    const part = take(event.query, event.type === 'removed');
    if (!part) return;
    publish(new Set([part]));
    listeners.forEach((listener) => listener());
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    projects: () => projects,
    facts: () => facts,
  };
}
