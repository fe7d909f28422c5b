import type { Message } from '../api/contract';
import { MESSAGE_ROLES, type KnownMessageRole } from '../api/contract/enums';
import { emptyList, get, iterate, push, set, type AppendList } from './appendList';
import { chunkItem, joinChunk, parsePlan, planItem, systemItem, toolItem, unknownItem, updateTool, userItem } from './conversationItems';
import { compareMessages, sortUnique, type MessageKey } from './order';
import type { ConversationItem, PendingSend } from './types';

/*
 * The displayed conversation is a left fold over the messages in display order. Folding one more message
 * touches at most two items, so a live chunk never rebuilds a 30,000-row conversation; a message that
 * sorts before the last one folded (a late or back-filled row) makes the caller rebuild instead, and the
 * rebuild re-uses every item object that came out the same. `conversation()` is the whole fold at once.
 */

/**
 * toolCallId -> item index. Mutable for speed, but only the conversation that `owner` names may read or
 * extend it; any other version rebuilds its own from its items (a rare fork of history).
 */
class ToolSlots {
  constructor(
    readonly byCallId: Map<string, number>,
    public owner: Conversation | null,
  ) {}
}

export interface Conversation {
  /** Display order; null marks a plan that a newer plan replaced (slots never move, indexes stay valid). */
  readonly items: AppendList<ConversationItem | null>;
  readonly toolSlots: ToolSlots;
  /** The one plan shown: only the newest plan is. */
  readonly planSlot: number | null;
  /** The item a next chunk of the same kind joins, while nothing visible came between. */
  readonly openRun: { index: number; kind: 'assistant' | 'thinking' } | null;
  /** The last message folded in; only messages sorting after it can be folded. */
  readonly lastKey: MessageKey | null;
}

export function emptyConversation(): Conversation {
  const conversation: Conversation = {
    items: emptyList(),
    toolSlots: new ToolSlots(new Map(), null),
    planSlot: null,
    openRun: null,
    lastKey: null,
  };
  conversation.toolSlots.owner = conversation;
  return conversation;
}

function ownedSlots(conversation: Conversation): ToolSlots {
  if (conversation.toolSlots.owner === conversation) return conversation.toolSlots;
  const byCallId = new Map<string, number>();
  let index = 0;
  for (const item of iterate(conversation.items)) {
    if (item?.kind === 'tool') byCallId.set(item.toolCallId, index);
    index += 1;
  }
  return new ToolSlots(byCallId, conversation);
}

function knownRole(role: string): KnownMessageRole | null {
  return (MESSAGE_ROLES as readonly string[]).includes(role) ? (role as KnownMessageRole) : null;
}

/** May `m` be folded onto `conversation`, or does it sort before what was already folded? */
export function canFold(conversation: Conversation, m: MessageKey): boolean {
  return conversation.lastKey === null || compareMessages(conversation.lastKey, m) < 0;
}

export function foldMessage(c: Conversation, m: Message): Conversation {
  let { items, planSlot, openRun } = c;
  let slots = c.toolSlots;
  const append = (item: ConversationItem) => {
    items = push(items, item);
    openRun = null;
    return items.length - 1;
  };
  const role = knownRole(m.role);
  switch (role) {
    case 'user':
      append(m.origin === 'system' ? systemItem(m) : userItem(m));
      break;
    case 'system':
      append(systemItem(m));
      break;
    case 'assistant':
    case 'thinking': {
      const held = openRun?.kind === role ? get(items, openRun.index) : undefined;
      if (openRun && held && (held.kind === 'assistant' || held.kind === 'thinking')) {
        items = set(items, openRun.index, joinChunk(held, m));
      } else {
        openRun = { index: append(chunkItem(m, role)), kind: role };
      }
      break;
    }
    case 'tool': {
      slots = ownedSlots(c);
      const callId = m.toolMetadata?.toolCallId ?? null;
      const slot = callId === null ? undefined : slots.byCallId.get(callId);
      const held = slot === undefined ? undefined : get(items, slot);
      // A later row of a known call updates that call's item in place; it shows nothing here.
      if (slot !== undefined && held?.kind === 'tool') items = set(items, slot, updateTool(held, m));
      else slots.byCallId.set(callId ?? m.id, append(toolItem(m)));
      break;
    }
    case 'plan': {
      const entries = parsePlan(m.content);
      if (!entries) {
        append(unknownItem(m));
        break;
      }
      if (planSlot !== null) items = set(items, planSlot, null);
      planSlot = append(planItem(m, entries));
      break;
    }
    case null:
      append(unknownItem(m));
      break;
    default: {
      const never: never = role;
      throw new Error(`unhandled role ${String(never)}`);
    }
  }
  const next: Conversation = { items, toolSlots: slots, planSlot, openRun, lastKey: m };
  if (slots.owner === c) slots.owner = next;
  return next;
}

export function foldMessages(conversation: Conversation, messages: Iterable<Message>): Conversation {
  let next = conversation;
  for (const m of messages) next = foldMessage(next, m);
  return next;
}

/**
 * The fold from scratch, re-using `previous`'s item objects wherever the new item is the same, so that
 * rows which did not change are not re-rendered after a rebuild.
 */
export function rebuildConversation(messages: Iterable<Message>, previous: Conversation | null): Conversation {
  const fresh = foldMessages(emptyConversation(), messages);
  if (!previous) return fresh;
  const before = new Map<string, ConversationItem>();
  for (const item of iterate(previous.items)) if (item) before.set(item.id, item);
  let items = fresh.items;
  let index = 0;
  for (const item of iterate(fresh.items)) {
    const old = item ? before.get(item.id) : undefined;
    if (item && old && old !== item && sameItem(old, item)) items = set(items, index, old);
    index += 1;
  }
  if (items === fresh.items) return fresh;
  const shared: Conversation = { ...fresh, items };
  if (fresh.toolSlots.owner === fresh) fresh.toolSlots.owner = shared;
  return shared;
}

/** Equal field by field, looking one level into arrays and objects (ids, locations, entries, metadata). */
export function sameItem(a: ConversationItem, b: ConversationItem): boolean {
  const ra = a as unknown as Record<string, unknown>;
  const rb = b as unknown as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((key) => shallowEqual(ra[key], rb[key]));
}

function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (key) =>
      Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]) ||
      shallowValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Plan entries and tool locations are small objects rebuilt on every fold: compare them by value. */
function shallowValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const pendingItems = new WeakMap<PendingSend, ConversationItem>();

/** An optimistic send as a user item: 'confirmed' once SAM accepted it, its local id kept as the key. */
export function pendingItem(send: PendingSend): ConversationItem {
  let item = pendingItems.get(send);
  if (!item) {
    const delivery = send.messageId !== null ? 'confirmed' : send.delivery;
    item = { kind: 'user', id: send.localId, text: send.text, createdAt: send.sentAt, delivery };
    pendingItems.set(send, item);
  }
  return item;
}

/** The items to render: the folded conversation without replaced plans, then the optimistic sends. */
export function conversationItems(c: Conversation, pendingSends: readonly PendingSend[]): ConversationItem[] {
  return renderedItems(c, pendingSends, null).items;
}

/** The items of one conversation, with what it takes to make the next version's without copying item by item. */
export interface RenderedItems {
  readonly from: Conversation['items'];
  readonly pendingSends: readonly PendingSend[];
  readonly items: ConversationItem[];
  /** How many items the list's full chunks up to each one gave (replaced plans are left out). */
  readonly countAfterChunk: readonly number[];
}

/**
 * conversationItems, made from the previous version's when there is one: the list's full chunks are shared
 * between versions, so the items of the chunks both have in common are copied in one slice, and only the rest
 * is walked. A streamed chunk then costs the same in a chat of 300 or of 30,000 items (BENCHMARKS.md).
 */
export function renderedItems(c: Conversation, pendingSends: readonly PendingSend[], previous: RenderedItems | null): RenderedItems {
  const chunks = c.items.chunks;
  let shared = 0;
  if (previous) {
    const before = previous.from.chunks;
    const most = Math.min(before.length, chunks.length);
    while (shared < most && before[shared] === chunks[shared]) shared += 1;
  }
  const countAfterChunk = previous && shared > 0 ? previous.countAfterChunk.slice(0, shared) : [];
  const items = previous && shared > 0 ? previous.items.slice(0, countAfterChunk[shared - 1]) : [];
  for (let i = shared; i < chunks.length; i += 1) {
    for (const item of chunks[i]!) if (item !== null) items.push(item);
    countAfterChunk.push(items.length);
  }
  for (const item of c.items.tail) if (item !== null) items.push(item);
  for (const send of pendingSends) items.push(pendingItem(send));
  return { from: c.items, pendingSends, items, countAfterChunk };
}

/** The displayed conversation of a set of message rows (any order, duplicates allowed) and optimistic sends. */
export function conversation(messages: readonly Message[], pendingSends: readonly PendingSend[]): ConversationItem[] {
  return conversationItems(foldMessages(emptyConversation(), sortUnique(messages)), pendingSends);
}
