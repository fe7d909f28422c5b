import type { QueryClient } from '@tanstack/query-core';
import { keys } from '../api/queries';
import { mergeSessionFacts, type FactsPatch, type FactVersions, type SessionRecord } from '../reconcile/sessionFacts';
import { mergeTaskSnapshot, type HeldTask, type TaskSnapshot } from '../reconcile/taskSnapshots';
import type { SessionFacts } from '../reconcile/types';

/*
 * The two normalised caches every surface reads, one query each per project, written only by the
 * engine's reducer (cacheReducer.ts) through these functions (each write is one setQueryData, so one
 * notification per batch):
 *   sessionFacts   sessionId -> SessionRecord   (merged rows + live fields, last writer wins per field)
 *   taskSnapshots  taskId    -> HeldTask        (newest snapshot from any route)
 * Both are Maps, copied on write; unchanged records keep their identity.
 */

export interface SessionFactsCache {
  readonly records: ReadonlyMap<string, SessionRecord>;
  /** Sessions announced by `session.created` (id -> stamp), shown before the list has them. */
  readonly createdLive: ReadonlyMap<string, number>;
}
export type TaskSnapshotsCache = ReadonlyMap<string, HeldTask>;

export const emptyFacts: SessionFactsCache = { records: new Map(), createdLive: new Map() };
const emptySnapshots: TaskSnapshotsCache = new Map();

export interface FactsWrite {
  id: string;
  /** A patch, or a function of the current facts for rules that depend on them (attention.resolved). */
  patch: FactsPatch | ((facts: SessionFacts | undefined) => FactsPatch);
  stamp: number;
  /** Server versions of some fields (see sessionFacts: the detail's activityAt, the list row's updated_at). */
  versions?: FactVersions;
  createdLive?: boolean;
}

export function readFacts(client: QueryClient, projectId: string): SessionFactsCache {
  return client.getQueryData<SessionFactsCache>(keys.sessionFacts(projectId)) ?? emptyFacts;
}

export function readSnapshots(client: QueryClient, projectId: string): TaskSnapshotsCache {
  return client.getQueryData<TaskSnapshotsCache>(keys.taskSnapshots(projectId)) ?? emptySnapshots;
}

/** Folds writes into the facts entry, in order; returns the same entry when nothing changed. */
export function foldFacts(entry: SessionFactsCache, writes: readonly FactsWrite[]): SessionFactsCache {
  let records: Map<string, SessionRecord> | null = null;
  let createdLive: Map<string, number> | null = null;
  for (const write of writes) {
    const current = (records ?? entry.records).get(write.id);
    const patch = typeof write.patch === 'function' ? write.patch(current?.facts) : write.patch;
    const next = mergeSessionFacts(current, write.id, patch, write.stamp, write.versions);
    if (next !== current) (records ??= new Map(entry.records)).set(write.id, next);
    if (write.createdLive && !entry.createdLive.has(write.id)) (createdLive ??= new Map(entry.createdLive)).set(write.id, write.stamp);
  }
  if (!records && !createdLive) return entry;
  return { records: records ?? entry.records, createdLive: createdLive ?? entry.createdLive };
}

export function writeFacts(client: QueryClient, projectId: string, writes: readonly FactsWrite[]): void {
  if (writes.length === 0) return;
  const entry = readFacts(client, projectId);
  const next = foldFacts(entry, writes);
  if (next !== entry) client.setQueryData(keys.sessionFacts(projectId), next);
}

export function writeSnapshots(client: QueryClient, projectId: string, snapshots: readonly TaskSnapshot[]): void {
  if (snapshots.length === 0) return;
  const held = readSnapshots(client, projectId);
  let next: Map<string, HeldTask> | null = null;
  for (const snapshot of snapshots) {
    const current = (next ?? held).get(snapshot.task.id);
    const merged = mergeTaskSnapshot(current, snapshot);
    if (merged !== current) (next ??= new Map(held)).set(snapshot.task.id, merged);
  }
  if (next) client.setQueryData(keys.taskSnapshots(projectId), next);
}
