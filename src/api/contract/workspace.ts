import * as v from 'valibot';
import { maybe, openEnum } from './primitives';

/*
 * A session's workspace, as SAM's API proxies it to the VM agent (apps/api/src/routes/projects/files.ts;
 * the bodies are the VM agent's, packages/vm-agent/internal/server/git.go and files.go, passed through):
 *   GET /api/projects/:p/sessions/:s/git/status            -> GitStatus
 *   GET /api/projects/:p/sessions/:s/git/diff?path&staged  -> GitDiff (one file; `path` is required)
 *   GET /api/projects/:p/sessions/:s/files/list?path       -> FileList (one directory, default ".")
 *   GET /api/projects/:p/sessions/:s/files/find            -> FileIndex (every file path, flat)
 *   GET /api/projects/:p/sessions/:s/files/view?path       -> FileContent (the VM agent's git/file)
 * Imported by path, not through ./index: only the lazy Changes surface reads them.
 */

/**
 * One line of `git status --porcelain=v1`, split by the VM agent: `status` is one porcelain letter
 * (M, A, D, R, C, T, U) for staged and unstaged rows, `??` for untracked. `oldPath` comes only on a staged
 * rename or copy. Paths are porcelain's own: a name with a space or an unusual character arrives quoted
 * in C style (`"my notes.md"`), which the proxy then refuses as a `path` (its pattern bans `"`).
 */
export const GitFileStatusSchema = v.looseObject({
  path: v.string(),
  status: openEnum(['M', 'A', 'D', 'R', 'C', 'T', 'U', '??']),
  oldPath: v.optional(v.string()),
});
export type GitFileStatus = v.InferOutput<typeof GitFileStatusSchema>;

export const GitStatusSchema = v.looseObject({
  staged: v.nullish(v.array(GitFileStatusSchema), []),
  unstaged: v.nullish(v.array(GitFileStatusSchema), []),
  untracked: v.nullish(v.array(GitFileStatusSchema), []),
});
export type GitStatus = v.InferOutput<typeof GitStatusSchema>;

/**
 * `git diff [--cached] -- <path>` as text. Empty when git sees no change; for an untracked file the agent
 * writes its own all-additions diff (`--- /dev/null`, `+++ b/<path>`, `@@ -0,0 +1,N @@`, no `diff --git`
 * line and no "No newline" marker).
 */
export const GitDiffSchema = v.looseObject({
  diff: v.string(),
  filePath: v.string(),
});
export type GitDiff = v.InferOutput<typeof GitDiffSchema>;

/** `find <path> -maxdepth 1`: at most 1,000 entries, cut BEFORE sorting (dirs first, then by name). */
export const FileEntrySchema = v.looseObject({
  name: v.string(),
  type: openEnum(['file', 'dir', 'symlink']),
  size: v.nullish(v.number(), 0),
  /** RFC 3339 seconds, or "" when the agent could not read the time. */
  modifiedAt: maybe(v.string()),
});
export type FileEntry = v.InferOutput<typeof FileEntrySchema>;

export const FileListSchema = v.looseObject({
  path: v.string(),
  entries: v.nullish(v.array(FileEntrySchema), []),
});
export type FileList = v.InferOutput<typeof FileListSchema>;

/** Every file under the workspace (no node_modules, .git, dist, ...), in `find` order, at most 5,000. */
export const FileIndexSchema = v.looseObject({
  files: v.nullish(v.array(v.string()), []),
});
export type FileIndex = v.InferOutput<typeof FileIndexSchema>;

/** `cat <path>`: the whole file as a string (bytes that are not UTF-8 arrive as U+FFFD), at most 1 MB. */
export const FileContentSchema = v.looseObject({
  content: v.string(),
  filePath: v.string(),
});
export type FileContent = v.InferOutput<typeof FileContentSchema>;
