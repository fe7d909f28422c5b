import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { workspaceProblem } from './workspaceError';

describe('workspaceProblem', () => {
  it.each([
    // What SAM's file proxy really answers (apps/api/src/routes/projects/files.ts), and what the reader is told.
    [new ApiError(400, 'BAD_REQUEST', 'Workspace is not accessible (status: stopped)'), 'changes', 'The workspace is stopped', /wake it, then retry/],
    [new ApiError(400, 'BAD_REQUEST', 'Workspace is not accessible (status: deleted)'), 'changes', 'The workspace is gone', /archived/],
    [new ApiError(400, 'BAD_REQUEST', 'Workspace is not accessible (status: creating)'), 'changes', 'The workspace is starting', /Retry in a minute/],
    [new ApiError(410, 'RUNTIME_STOPPED', 'This Instant session was stopped and cannot be resumed.'), 'changes', 'The workspace is stopped', /wake it/],
    [new ApiError(503, 'RUNTIME_RECOVERING', 'Recovering.'), 'diff', 'The workspace is recovering', /Retry in a moment/],
    [new ApiError(404, 'NOT_FOUND', 'Workspace not found'), 'changes', 'No workspace', /never started one/],
    [new ApiError(400, 'BAD_REQUEST', 'Workspace agent unreachable: request timed out'), 'list', 'The VM did not answer', /timed out/],
    [new ApiError(400, 'BAD_REQUEST', 'path contains invalid characters'), 'diff', 'SAM cannot open this path', /rejects quotes/],
    [new ApiError(400, 'BAD_REQUEST', 'VM agent returned an error'), 'file', 'The VM agent refused', /over 1 MB/],
    [new ApiError(500, 'INTERNAL_ERROR', 'Workspace agent unavailable (500)'), 'file', 'The VM agent failed', /deleted or moved/],
    [new ApiError(0, 'NETWORK_ERROR', 'Failed to fetch'), 'changes', 'Could not read the workspace', /Could not reach the SAM API/],
  ] as const)('%s', (error, what, title, message) => {
    const problem = workspaceProblem(error, what);
    expect(problem.title).toBe(title);
    expect(problem.message).toMatch(message);
  });
});
