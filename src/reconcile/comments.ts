import type { CommentThread } from '../api/contract/comments';

/*
 * Comments that become prompts (docs/comments.md): what a comment is anchored to, how a set of them
 * becomes ONE follow-up for the agent, and what a thread's state is once Lookout has sent it.
 */

/**
 * Lines of a file in the workspace's diff. The quote is those diff lines, each with its mark (`+` added,
 * `-` removed, a space unchanged). `side` says which file the numbers count in: `new` (the file as it is
 * now; removed lines in the quote have no number of their own) or `old` (a range of removed lines only).
 */
export interface LinesAnchor {
  kind: 'lines';
  path: string;
  firstLine: number;
  lastLine: number;
  side?: 'new' | 'old';
  quote: string;
}

/**
 * What a comment is about, with the passage it quotes. `message` anchors become SAM comment threads;
 * `lines` anchors have no SAM thread route (SAM's threads anchor to messages only) and travel only in the
 * follow-up's text.
 */
export type CommentAnchor = { kind: 'message'; messageId: string; role: 'user' | 'agent'; quote: string } | LinesAnchor;

/** One comment in the tray, before it is sent. */
export interface DraftComment {
  id: string;
  anchor: CommentAnchor;
  body: string;
}

/** SAM refuses quotes over 2,000 characters (after trimming); a longer passage is cut with an ellipsis. */
export function quoteWithin(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}

function normaliseLines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * A code fence no line of `text` can close: one backtick longer than the longest run of backticks in it
 * (at least three). So a quote holding markdown, backticks or fences of its own stays inside its block.
 */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `src/retry.ts lines 12–14`, `src/retry.ts line 12`: the file and the range, as a person says them. */
export function linesLabel(anchor: Pick<LinesAnchor, 'path' | 'firstLine' | 'lastLine'>): string {
  const range = anchor.firstLine === anchor.lastLine ? `line ${anchor.firstLine}` : `lines ${anchor.firstLine}–${anchor.lastLine}`;
  return `${anchor.path} ${range}`;
}

function anchorHeading(anchor: CommentAnchor): string {
  if (anchor.kind === 'lines') {
    const numbered =
      anchor.side === 'old'
        ? ' (removed lines, numbered as the file was)'
        : anchor.side === 'new'
          ? ' (diff lines: + added, - removed; numbered as the file is now)'
          : '';
    return `On ${linesLabel(anchor)}${numbered}:`;
  }
  return anchor.role === 'agent' ? 'On your message:' : 'On my message:';
}

/**
 * The text of the one follow-up prompt that carries every comment: each quoted passage in a fence it
 * cannot close (info string `quote`), then the comment, numbered in the order given.
 */
export function buildFollowUpText(comments: readonly Pick<DraftComment, 'anchor' | 'body'>[]): string {
  const intro =
    comments.length === 1
      ? 'One review comment on a passage below. Please address it.'
      : `${comments.length} review comments, each on the passage it quotes. Please address each one.`;
  const parts = comments.map(({ anchor, body }, index) => {
    const quote = normaliseLines(anchor.quote);
    const fence = fenceFor(quote);
    return [`${index + 1}. ${anchorHeading(anchor)}`, `${fence}quote`, quote, fence, '', normaliseLines(body).trim()].join('\n');
  });
  return [intro, ...parts].join('\n\n');
}

/** The clientMutationId of the reply that records a thread went out in a follow-up (see threadState). */
export const FOLLOW_UP_REPLY_PREFIX = 'lookout-follow-up:';

export function followUpReplyId(promptMessageId: string, threadId: string): string {
  return `${FOLLOW_UP_REPLY_PREFIX}${promptMessageId}:${threadId}`.slice(0, 200);
}

export type ThreadState = 'open' | 'sent' | 'resolved' | 'unknown';

/**
 * SAM sets `sent` only from its own per-thread directive (`/send`), which delivers one prompt per thread.
 * Lookout sends one follow-up for many threads through `/prompt` and records it on each thread as a reply
 * whose clientMutationId starts with FOLLOW_UP_REPLY_PREFIX. A thread is sent when SAM says so or when
 * such a reply is newer than its last reopening (a reopen in the same millisecond wins).
 */
export function threadState(thread: Pick<CommentThread, 'status' | 'reopenedAt' | 'replies'>): ThreadState {
  if (thread.status === 'resolved') return 'resolved';
  if (thread.status === 'sent') return 'sent';
  if (thread.status !== 'open') return 'unknown';
  const reopenedAt = thread.reopenedAt ?? -Infinity;
  const sentInFollowUp = thread.replies.some((reply) => reply.clientMutationId?.startsWith(FOLLOW_UP_REPLY_PREFIX) && reply.createdAt > reopenedAt);
  return sentInFollowUp ? 'sent' : 'open';
}

/**
 * Threads held for a session after SAM answered a mutation: each answered thread replaces the held one
 * with its id (a thread's `version` only grows; an older answer arriving late does not roll it back),
 * new ones join, and the list stays in SAM's order (thread sequence, then creation). Unchanged input
 * returns the same array.
 */
export function upsertThreads(held: readonly CommentThread[], answered: readonly CommentThread[]): readonly CommentThread[] {
  let changed = false;
  const byId = new Map(held.map((thread) => [thread.id, thread]));
  for (const thread of answered) {
    const current = byId.get(thread.id);
    if (current && (current === thread || (current.version ?? 0) > (thread.version ?? 0))) continue;
    byId.set(thread.id, thread);
    changed = true;
  }
  if (!changed) return held;
  return [...byId.values()].sort((a, b) => (a.sequence ?? Infinity) - (b.sequence ?? Infinity) || a.createdAt - b.createdAt);
}

/** Threads by the message they are anchored to, each list in the order held. */
export function threadsByMessage(threads: readonly CommentThread[]): ReadonlyMap<string, readonly CommentThread[]> {
  const byMessage = new Map<string, CommentThread[]>();
  for (const thread of threads) {
    const list = byMessage.get(thread.anchor.messageId);
    if (list) list.push(thread);
    else byMessage.set(thread.anchor.messageId, [thread]);
  }
  return byMessage;
}
