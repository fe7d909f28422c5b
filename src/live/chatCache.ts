import type { Message, SessionDetail, SessionDetailRow, SessionState } from '../api/contract';
import { canFold, emptyConversation, foldMessage, rebuildConversation, type Conversation } from '../reconcile/conversation';
import { emptyLog, insertMessage, isSequenceGap, iterateLog, newestMessage, oldestMessage, type MessageLog } from '../reconcile/messageLog';
import { compareMessages } from '../reconcile/order';
import { settlePendingSends } from '../reconcile/pendingSends';
import type { PendingSend } from '../reconcile/types';

/*
 * The cached chat of one open session (keys.chat): everything the chat view shows. Live messages and
 * REST pages (first load, catch-up, load earlier) all go through `addMessages`; the chat query's answer
 * is merged into the held entry by `mergeFetchedChat` (the reducer's `chatFetched`), so a response never
 * overwrites what arrived while it was out.
 */
export interface ChatCache {
  /** The detail route's session row; null while only live messages are known. */
  readonly detail: SessionDetailRow | null;
  readonly state: SessionState | null;
  readonly log: MessageLog;
  /** The conversation folded from `log`, kept in step with it. */
  readonly conversation: Conversation;
  readonly pendingSends: readonly PendingSend[];
  /** Older messages exist on SAM than the oldest held ("load earlier"). */
  readonly hasEarlier: boolean;
  /**
   * Rows may be missing after this createdAt (a sequence jump, or a catch-up that stopped early): the next
   * catch-up resumes from here (minus its overlap) rather than from the newest row held.
   */
  readonly resumeFrom: { readonly after: number; readonly stamp: number } | null;
}

/** What the chat query fetched: the newest page, or the rows after the newest held (a catch-up). */
export interface FetchedChatPage {
  /** When its request started. */
  readonly stamp: number;
  readonly mode: 'latest' | 'after';
  readonly messages: readonly Message[];
  /** The detail route's "more rows before these" (meaningful for a `latest` page). */
  readonly hasMore: boolean;
  /** The catch-up stopped before it reached the newest rows: resume after this createdAt. */
  readonly incompleteAfter?: number;
}

export function emptyChat(): ChatCache {
  return {
    detail: null,
    state: null,
    log: emptyLog,
    conversation: emptyConversation(),
    pendingSends: [],
    hasEarlier: false,
    resumeFrom: null,
  };
}

export interface AddResult {
  entry: ChatCache;
  /** Messages that were not held before, in display order. */
  added: Message[];
  /** A sequence gap was seen: catch up. */
  gap: boolean;
}

/**
 * Adds messages in any order, each id at most once. In-order arrivals are folded into the conversation
 * one by one; anything that sorts before what is already folded rebuilds it once for the whole batch.
 * `detectGaps` is for live events only. A REST page is the persisted row: when an id is held under
 * another createdAt/sequence, the page's copy decides where it sits (a frame's copy never moves a row).
 */
export function addMessages(entry: ChatCache, messages: readonly Message[], options: { detectGaps: boolean; stamp: number }): AddResult {
  let { log, conversation } = entry;
  let rebuild = false;
  let gapAfter: number | null = null;
  let moved = false;
  const added: Message[] = [];
  for (const m of [...messages].sort(compareMessages)) {
    // A jump in sequence is only a hint (Corrections 3): resume from the newest row held then.
    const newest = newestMessage(log);
    if (options.detectGaps && isSequenceGap(log, m) && newest) gapAfter = Math.min(gapAfter ?? Infinity, newest.createdAt);
    const result = insertMessage(log, m, { move: !options.detectGaps });
    if (result.outcome.kind === 'duplicate') continue;
    log = result.log;
    if (result.outcome.kind === 'moved') {
      moved = rebuild = true;
      continue;
    }
    added.push(m);
    if (!rebuild && result.outcome.kind === 'appended' && canFold(conversation, m)) conversation = foldMessage(conversation, m);
    else rebuild = true;
  }
  if (rebuild) conversation = rebuildConversation(iterateLog(log), conversation);
  const resumeFrom = gapAfter === null ? entry.resumeFrom : { after: Math.min(entry.resumeFrom?.after ?? Infinity, gapAfter), stamp: options.stamp };
  if (added.length === 0 && !moved && resumeFrom === entry.resumeFrom) return { entry, added, gap: false };
  const pendingSends = settlePendingSends(entry.pendingSends, added);
  return { entry: { ...entry, log, conversation, pendingSends, resumeFrom }, added, gap: gapAfter !== null };
}

/**
 * The held entry once the chat query's answer lands. Messages are merged (a catch-up never drops pages
 * already loaded); detail and state are the response's; a gap seen after the request started stays
 * recorded, and so does the point where a catch-up that stopped early must go on.
 */
export function mergeFetchedChat(held: ChatCache | undefined, detail: Pick<SessionDetail, 'session' | 'state'>, fetched: FetchedChatPage): ChatCache {
  const { entry } = addMessages(held ?? emptyChat(), fetched.messages, { detectGaps: false, stamp: fetched.stamp });
  let hasEarlier = fetched.mode === 'latest' ? fetched.hasMore : true;
  if (held && fetched.mode === 'after') hasEarlier = held.hasEarlier;
  if (held && fetched.mode === 'latest') {
    // The page tells whether messages older than ITS oldest exist; the held log may reach further back.
    const heldOldest = oldestMessage(held.log);
    const pageOldest = fetched.messages.reduce<Message | undefined>((a, m) => (!a || compareMessages(m, a) < 0 ? m : a), undefined);
    if (heldOldest && (!pageOldest || compareMessages(heldOldest, pageOldest) < 0)) hasEarlier = held.hasEarlier;
  }
  const heldGap = held?.resumeFrom && held.resumeFrom.stamp > fetched.stamp ? held.resumeFrom : null;
  const incomplete = fetched.incompleteAfter === undefined ? null : { after: fetched.incompleteAfter, stamp: fetched.stamp };
  const resumeFrom = heldGap && incomplete ? (heldGap.after <= incomplete.after ? heldGap : incomplete) : (heldGap ?? incomplete);
  return { ...entry, detail: detail.session, state: detail.state, hasEarlier, resumeFrom };
}

/**
 * Where a catch-up resumes: the newest createdAt held, or the first gap seen if earlier. (The caller
 * still backs off by an overlap: agent rows carry the VM's clock and are persisted late.)
 */
export function resumePoint(entry: ChatCache): number | null {
  const newest = newestMessage(entry.log);
  if (!newest) return null;
  return Math.min(newest.createdAt, entry.resumeFrom?.after ?? Infinity);
}

/** Is a message with this id among the newest `window` held? (The prompt route's id, checked on its answer.) */
export function holdsRecent(entry: ChatCache, id: string, window = 256): boolean {
  let seen = 0;
  const { tail, chunks } = entry.log;
  for (let i = tail.length - 1; i >= 0 && seen < window; i -= 1, seen += 1) if (tail[i]?.id === id) return true;
  for (let c = chunks.length - 1; c >= 0 && seen < window; c -= 1) {
    const chunk = chunks[c] ?? [];
    for (let i = chunk.length - 1; i >= 0 && seen < window; i -= 1, seen += 1) if (chunk[i]?.id === id) return true;
  }
  return false;
}
