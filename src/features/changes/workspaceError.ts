import { describeError, isApiError } from '../../api/http';

/*
 * What a failed workspace read means for the reader, and what to do. SAM's file proxy
 * (apps/api/src/routes/projects/files.ts) does not pass the runtime's own codes through: a workspace that
 * is not running answers 400 BAD_REQUEST "Workspace is not accessible (status: <s>)"; an unreachable agent
 * 400 "Workspace agent unreachable: ..."; any other 4xx of the agent (a 410 RUNTIME_STOPPED of a container
 * runtime, a 413 for a file over 1 MB) 400 "VM agent returned an error"; a 5xx of the agent (a file that
 * cannot be read) 500 "Workspace agent unavailable (<n>)". The RUNTIME_* codes are understood too, for the
 * routes that do send them.
 */

export interface WorkspaceProblem {
  title: string;
  /** What happened and what to do, in one or two sentences. */
  message: string;
}

const NOT_ACCESSIBLE = /^Workspace is not accessible \(status: ([\w-]+)\)/;

function notRunning(status: string): WorkspaceProblem {
  if (status === 'deleted') {
    return { title: 'The workspace is gone', message: 'This chat was archived and its workspace deleted, so its files cannot be read any more.' };
  }
  if (status === 'creating' || status === 'pending') {
    return { title: 'The workspace is starting', message: `SAM is still creating this chat's workspace (status: ${status}). Retry in a minute.` };
  }
  return {
    title: `The workspace is ${status}`,
    message: `SAM reads files only while the workspace runs (status: ${status}). Send the chat a message to wake it, then retry.`,
  };
}

export function workspaceProblem(error: unknown, what: 'changes' | 'diff' | 'list' | 'file' | 'index'): WorkspaceProblem {
  if (!isApiError(error)) return { title: 'Could not read the workspace', message: describeError(error) };
  const message = error.message;
  const accessible = NOT_ACCESSIBLE.exec(message);
  if (accessible) return notRunning(accessible[1] ?? 'stopped');
  switch (error.code) {
    case 'RUNTIME_STOPPED':
      return notRunning('stopped');
    case 'RUNTIME_RECOVERING':
    case 'RUNTIME_REQUEST_INTERRUPTED':
    case 'RUNTIME_RECOVERY_DEGRADED':
      return { title: 'The workspace is recovering', message: `${message} Retry in a moment.` };
    case 'NOT_FOUND':
      if (message.startsWith('Workspace')) return { title: 'No workspace', message: 'This chat has no workspace: it never started one, or it was removed.' };
      return { title: 'Not found', message: 'The workspace has no such file or folder any more. Go back to the list and pick again.' };
  }
  if (message.startsWith('Workspace agent unreachable')) {
    return { title: 'The VM did not answer', message: `${message}. The VM may be starting or down; retry in a moment.` };
  }
  if (message === 'path contains invalid characters' || message.startsWith('path must not contain')) {
    return {
      title: 'SAM cannot open this path',
      message: `SAM refuses this path (${message}): git sends names with spaces or quotes quoted, and SAM's proxy rejects quotes.`,
    };
  }
  if (message === 'VM agent returned an error') {
    const hint = what === 'file' ? 'The file may be over 1 MB (the agent sends no more), or the workspace is stopping.' : 'The workspace may be stopping.';
    return { title: 'The VM agent refused', message: `${hint} Retry; if it keeps failing, open the chat to see its state.` };
  }
  if (message.startsWith('Workspace agent unavailable')) {
    const hint = what === 'file' ? 'It could not read this file: it may have been deleted or moved since the list was read.' : `${message}.`;
    return { title: 'The VM agent failed', message: `${hint} Retry, or refresh the list.` };
  }
  if (message.startsWith('Response too large')) {
    return { title: 'Too large to show', message: `${message}: SAM passes at most 2 MB from the VM.` };
  }
  return { title: 'Could not read the workspace', message: describeError(error) };
}
