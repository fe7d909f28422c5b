import type { Message, PlanEntry, ToolMetadata } from '../api/contract';
import { TOOL_CALL_STATUSES } from '../api/contract/enums';
import type { ConversationItem, ToolCallStatus } from './types';

/* How one message row becomes (or changes) one conversation item. Pure; no ordering logic here. */

type ItemOf<K extends ConversationItem['kind']> = Extract<ConversationItem, { kind: K }>;

/**
 * What a reader sees of a message: its content, and where the contract edge cut it (api/contract/cut.ts),
 * a plain note saying how much was left out, at the place it was left out.
 */
export function shownText(m: Pick<Message, 'content'> & { cutChars?: number }): string {
  const content = m.content ?? '';
  if (m.cutChars === undefined) return content;
  const kb = Math.max(1, Math.round(m.cutChars / 1024)).toLocaleString('en-US');
  return `${content}\n\n[cut: ${kb} KB more not shown; SAM stores at most 100 KB per message]\n\n`;
}

export function userItem(m: Message): ItemOf<'user'> {
  return { kind: 'user', id: m.id, text: shownText(m), createdAt: m.createdAt, delivery: 'confirmed' };
}

export function systemItem(m: Message): ItemOf<'system'> {
  return { kind: 'system', id: m.id, text: shownText(m), createdAt: m.createdAt };
}

export function unknownItem(m: Message): ItemOf<'unknown'> {
  return { kind: 'unknown', id: m.id, role: m.role, text: shownText(m), createdAt: m.createdAt };
}

export function chunkItem(m: Message, kind: 'assistant' | 'thinking'): ItemOf<'assistant' | 'thinking'> {
  return { kind, id: m.id, text: shownText(m), createdAt: m.createdAt, messageIds: [m.id] };
}

/** Streamed chunks join into one item; its id stays the first chunk's so the row keeps its key. */
export function joinChunk(item: ItemOf<'assistant' | 'thinking'>, m: Message): ItemOf<'assistant' | 'thinking'> {
  const messageIds = item.messageIds.slice();
  messageIds.push(m.id);
  // Written out rather than spread: this runs for every streamed chunk.
  return {
    kind: item.kind,
    id: item.id,
    text: item.text + (m.cutChars === undefined ? (m.content ?? '') : shownText(m)),
    createdAt: item.createdAt,
    messageIds,
  };
}

const EMPTY_METADATA: ToolMetadata = { toolCallId: null, title: null, kind: null, status: null, toolName: null, locations: [], content: [] };

function toolStatus(status: string | null | undefined): ToolCallStatus {
  return (TOOL_CALL_STATUSES as readonly string[]).includes(status ?? '') ? (status as ToolCallStatus) : status ? 'unknown' : 'pending';
}

function fromMetadata(metadata: ToolMetadata, fallbackTitle: string) {
  return {
    title: metadata.title || metadata.toolName || fallbackTitle,
    toolKind: metadata.kind ?? null,
    toolName: metadata.toolName ?? null,
    status: toolStatus(metadata.status),
    locations: (metadata.locations ?? []).map((l) => ({ path: l.path, line: l.line ?? null })),
    metadata,
  };
}

export function toolItem(m: Message): ItemOf<'tool'> {
  const metadata = m.toolMetadata ?? EMPTY_METADATA;
  return {
    kind: 'tool',
    id: m.id,
    toolCallId: metadata.toolCallId ?? m.id,
    createdAt: m.createdAt,
    messageIds: [m.id],
    ...fromMetadata(metadata, m.content || 'Tool call'),
  };
}

/** A later row of the same call: its non-empty fields win, so the item shows the newest status. */
function mergeMetadata(held: ToolMetadata, update: ToolMetadata): ToolMetadata {
  const merged: Record<string, unknown> = { ...held };
  for (const [key, value] of Object.entries(update)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    merged[key] = value;
  }
  return merged as ToolMetadata;
}

export function updateTool(item: ItemOf<'tool'>, m: Message): ItemOf<'tool'> {
  const metadata = mergeMetadata(item.metadata, m.toolMetadata ?? EMPTY_METADATA);
  return { ...item, messageIds: [...item.messageIds, m.id], ...fromMetadata(metadata, item.title) };
}

function isPlanEntry(value: unknown): value is { content: unknown; priority?: unknown; status?: unknown } {
  return typeof value === 'object' && value !== null && 'content' in value;
}

/** `plan` content is a JSON array of {content, priority, status}; null when it is not readable. */
export function parsePlan(content: string | null): PlanEntry[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || !parsed.every(isPlanEntry)) return null;
  return parsed.map((entry) => ({
    content: String(entry.content),
    priority: typeof entry.priority === 'string' ? entry.priority : null,
    status: typeof entry.status === 'string' ? entry.status : 'pending',
  }));
}

export function planItem(m: Message, entries: readonly PlanEntry[]): ItemOf<'plan'> {
  return { kind: 'plan', id: m.id, entries, createdAt: m.createdAt };
}
