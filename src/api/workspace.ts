import { queryOptions } from '@tanstack/react-query';
import { FileContentSchema, FileIndexSchema, FileListSchema, GitDiffSchema, GitStatusSchema } from './contract/workspace';
import { request } from './http';
import { keys } from './queries';

/*
 * A session's workspace through SAM's file proxy (src/api/contract/workspace.ts has the routes and shapes).
 * A module of its own, beside endpoints.ts and queries.ts, so the routes and their schemas load with the lazy
 * Changes surface and not with the first screen. Every read goes to the VM: nothing here is live, so the
 * queries are never refetched behind the reader's back (no focus refetch, no polling); "Refresh" asks again.
 */

const sessionPath = (projectId: string, sessionId: string) => `/api/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(sessionId)}`;

export const workspaceKeys = {
  all: (projectId: string, sessionId: string) => [...keys.project(projectId), 'workspace', sessionId] as const,
  status: (projectId: string, sessionId: string) => [...workspaceKeys.all(projectId, sessionId), 'status'] as const,
  diff: (projectId: string, sessionId: string, path: string, staged: boolean) => [...workspaceKeys.all(projectId, sessionId), 'diff', path, staged] as const,
  list: (projectId: string, sessionId: string, path: string) => [...workspaceKeys.all(projectId, sessionId), 'list', path] as const,
  index: (projectId: string, sessionId: string) => [...workspaceKeys.all(projectId, sessionId), 'index'] as const,
  file: (projectId: string, sessionId: string, path: string) => [...workspaceKeys.all(projectId, sessionId), 'file', path] as const,
};

const readOnce = { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false, retry: false } as const;

export const workspaceQueries = {
  status: (projectId: string, sessionId: string) =>
    queryOptions({
      queryKey: workspaceKeys.status(projectId, sessionId),
      queryFn: ({ signal }) => request(`${sessionPath(projectId, sessionId)}/git/status`, { schema: GitStatusSchema, signal }),
      ...readOnce,
    }),
  diff: (projectId: string, sessionId: string, path: string, staged: boolean) =>
    queryOptions({
      queryKey: workspaceKeys.diff(projectId, sessionId, path, staged),
      queryFn: ({ signal }) =>
        request(`${sessionPath(projectId, sessionId)}/git/diff`, { schema: GitDiffSchema, query: { path, staged: String(staged) }, signal }),
      ...readOnce,
    }),
  list: (projectId: string, sessionId: string, path: string) =>
    queryOptions({
      queryKey: workspaceKeys.list(projectId, sessionId, path),
      queryFn: ({ signal }) => request(`${sessionPath(projectId, sessionId)}/files/list`, { schema: FileListSchema, query: { path }, signal }),
      ...readOnce,
    }),
  index: (projectId: string, sessionId: string) =>
    queryOptions({
      queryKey: workspaceKeys.index(projectId, sessionId),
      queryFn: ({ signal }) => request(`${sessionPath(projectId, sessionId)}/files/find`, { schema: FileIndexSchema, signal }),
      ...readOnce,
    }),
  file: (projectId: string, sessionId: string, path: string) =>
    queryOptions({
      queryKey: workspaceKeys.file(projectId, sessionId, path),
      queryFn: ({ signal }) => request(`${sessionPath(projectId, sessionId)}/files/view`, { schema: FileContentSchema, query: { path }, signal }),
      ...readOnce,
    }),
};
