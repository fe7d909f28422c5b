import { useMemo } from 'react';
import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { attentionUnknown } from '../../reconcile/sessionFacts';
import { useStallPreference } from '../../state/stallPreference';
import { MINUTE_MS } from '../../reconcile/stall';
import { emptyFacts, type TaskSnapshotsCache } from '../normalisedCaches';
import { missingTaskIds, type SessionEntryInputs } from '../sessionEntries';
import { registerLiveDefaults } from '../queries';
import { useLiveEngine } from './LiveProvider';
import { useProjectPart } from './useProjectPart';
import { useNow } from './useNow';
import { useStreamFacts } from './useStreamFacts';

const EMPTY_SNAPSHOTS: TaskSnapshotsCache = new Map();

/**
 * What a project's entries are derived from: the normalised caches, the stream, the engine clock's tick and
 * the stall preference (so every surface calls a chat silent at the same moment).
 */
export function useSessionEntryInputs(projectId: string): SessionEntryInputs {
  const { client } = useLiveEngine();
  const { queries } = useProjectPart();
  useMemo(() => registerLiveDefaults(client, projectId), [client, projectId]);
  const facts = useQuery(queries.sessionFacts(projectId)).data ?? emptyFacts;
  const snapshots = useQuery(queries.taskSnapshots(projectId)).data ?? EMPTY_SNAPSHOTS;
  const stream = useStreamFacts();
  const now = useNow();
  const stallAfterMs = useStallPreference((s) => s.stallAfterMinutes) * MINUTE_MS;
  return useMemo(() => ({ facts, snapshots, stream, now, stallAfterMs }), [facts, snapshots, stream, now, stallAfterMs]);
}

/**
 * Tasks no loaded list page reached: fetched one by one (deduplicated, cached, refreshed with the list).
 * Returns the inputs with the tasks whose lookup failed, so those show as "could not load", not "loading".
 */
export function useMissingTasks(projectId: string, sessionIds: readonly string[], inputs: SessionEntryInputs): SessionEntryInputs {
  const { queries } = useProjectPart();
  const list = useInfiniteQuery(queries.taskList(projectId));
  const settled = list.isSuccess || list.isError;
  const ids = useMemo(() => (settled ? missingTaskIds(sessionIds, inputs.facts, inputs.snapshots) : []), [settled, sessionIds, inputs.facts, inputs.snapshots]);
  const failed = useQueries({
    queries: ids.map((id) => queries.taskDetail(projectId, id)),
    combine: (results) => ids.filter((_id, i) => results[i]?.isError).join('\n'),
  });
  return useMemo(() => (failed === '' ? inputs : { ...inputs, failedTaskLookups: new Set(failed.split('\n')) }), [failed, inputs]);
}

/** At most this many sessions are looked at one by one for their open question (the newest listed first). */
const MAX_ATTENTION_PROBES = 20;

/**
 * Active sessions whose open question SAM's list cannot tell (`attentionUnknown`): one look at each
 * detail, so a chat that waits for an answer does not read "Working" until someone opens it. Returns
 * whether a look is still under way (a question may yet be found).
 */
export function useAttentionProbes(projectId: string, sessionIds: readonly string[], facts: SessionEntryInputs['facts']): boolean {
  const { queries } = useProjectPart();
  const ids = useMemo(
    () =>
      sessionIds
        .filter((id) => {
          const record = facts.records.get(id);
          return record !== undefined && attentionUnknown(record);
        })
        .slice(0, MAX_ATTENTION_PROBES),
    [sessionIds, facts],
  );
  const probes = useQueries({ queries: ids.map((id) => queries.sessionProbe(projectId, id)) });
  return probes.some((probe) => probe.isPending && probe.fetchStatus === 'fetching');
}
