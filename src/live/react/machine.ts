import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionState } from '../../api/contract';
import type { Workspace } from '../../api/contract/machine';
import { machineApi } from '../../api/machine';
import { promptRetry, type PromptRetry } from '../../reconcile/machine';
import { openBootLog, type BootLogSnapshot } from '../bootLog';

export type { BootLogSnapshot, BootLogStatus } from '../bootLog';
import { useLiveEngine } from './LiveProvider';

/*
 * The machine strip's hooks (docs/machine.md): a door of their own, loaded with the strip. Server state
 * stays in the query cache (the workspace, the node's events) and in TanStack's mutation (a keep-alive's
 * answer); the boot log is a stream owned by the panel that shows it.
 */

const machineKeys = {
  workspace: (workspaceId: string) => ['machine', 'workspace', workspaceId] as const,
  nodeEvents: (nodeId: string) => ['machine', 'node-events', nodeId] as const,
};

/** SAM pushes no workspace status: re-read it every minute, and when the chat's own state moves. */
const WORKSPACE_REFRESH_MS = 60_000;
/** The VM agent's retries are only in its event list: read it this often while the agent works. */
export const RETRY_POLL_MS = 10_000;
const NODE_EVENTS_LIMIT = 50;

/** The chat's workspace (`GET /api/workspaces/:id`); refetched when `moment` (the chat's status, wake phase) changes. */
export function useWorkspace(workspaceId: string | null, moment: string): Workspace | null {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: machineKeys.workspace(workspaceId ?? ''),
    queryFn: ({ signal }) => machineApi.workspace(workspaceId ?? '', signal),
    enabled: workspaceId !== null,
    refetchInterval: WORKSPACE_REFRESH_MS,
    retry: 1,
  });
  useEffect(() => {
    if (workspaceId) void client.invalidateQueries({ queryKey: machineKeys.workspace(workspaceId) });
  }, [client, workspaceId, moment]);
  return query.data ?? null;
}

/** "capacity, retrying (2/3)" while the VM agent retries the running prompt; null otherwise. */
export function usePromptRetry(workspace: Workspace | null, state: SessionState | null): PromptRetry | null {
  // A list row leaves the merged `promptStartedAt` unknown (null); the detail's `activityAt` says since when the agent works.
  const since = state?.activity === 'prompting' ? (state.promptStartedAt ?? state.activityAt) : null;
  const nodeId = workspace?.nodeId ?? null;
  const { data } = useQuery({
    queryKey: machineKeys.nodeEvents(nodeId ?? ''),
    queryFn: ({ signal }) => machineApi.nodeEvents(nodeId ?? '', NODE_EVENTS_LIMIT, signal),
    enabled: nodeId !== null && since !== null,
    refetchInterval: RETRY_POLL_MS,
    retry: false,
  });
  return useMemo(() => (data && workspace && since !== null ? promptRetry(data.events, { workspaceId: workspace.id, since }) : null), [data, workspace, since]);
}

/** Pushes the chat's idle cleanup back (`idle-reset`); `keptAliveUntil` is SAM's new `cleanupAt` (0: none scheduled). */
export function useKeepAlive(projectId: string, sessionId: string) {
  const mutation = useMutation({ mutationFn: () => machineApi.idleReset(projectId, sessionId) });
  return {
    keepAlive: () => mutation.mutate(),
    pending: mutation.isPending,
    failed: mutation.isError,
    keptAliveUntil: mutation.data?.cleanupAt ?? null,
  };
}

const CONNECTING: BootLogSnapshot = { status: 'connecting', log: { lines: [], dropped: 0 }, problem: null };

/** The boot log of a workspace, streamed while the caller is mounted (mount it again to open it again). */
export function useBootLog(workspaceId: string, workspaceUrl: string | null): BootLogSnapshot {
  const { env } = useLiveEngine();
  const [snapshot, setSnapshot] = useState(CONNECTING);
  useEffect(() => {
    const stream = openBootLog({ env, workspaceId, workspaceUrl, token: () => machineApi.terminalToken(workspaceId) });
    const stop = stream.subscribe(() => setSnapshot(stream.snapshot()));
    return () => {
      stop();
      stream.close();
    };
  }, [env, workspaceId, workspaceUrl]);
  return snapshot;
}
