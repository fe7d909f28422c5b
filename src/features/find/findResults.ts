/*
 * What the find palette lists for a query: a pure function of the query and what Lookout holds (the
 * projects, the chats of every project, and the text of the messages already loaded). Matching is a
 * case-insensitive substring test; within each kind, closer matches first (whole text, start, start of a
 * word, anywhere), then the most recent, then by key, so the same inputs always give the same order.
 */

export interface FindProject {
  id: string;
  name: string;
  repository: string | null;
  lastActivityAt: number | null;
}

export interface FindChat {
  id: string;
  projectId: string;
  projectName: string;
  topic: string | null;
  updatedAt: number;
}

/** A user prompt or an agent answer of a loaded chat. */
export interface FindMessage {
  projectId: string;
  sessionId: string;
  itemId: string;
  chatTopic: string | null;
  role: 'user' | 'assistant';
  text: string;
  createdAt: number;
}

export interface FindSources {
  projects: readonly FindProject[];
  chats: readonly FindChat[];
  messages: readonly FindMessage[];
}

interface ResultBase {
  /** Unique in one answer. */
  key: string;
  /** The text the query was found in (the whole name or topic, or a snippet of a message). */
  matched: string;
  detail: string;
}
export type FindResult =
  | (ResultBase & { kind: 'project'; projectId: string })
  | (ResultBase & { kind: 'chat'; projectId: string; sessionId: string })
  | (ResultBase & { kind: 'message'; projectId: string; sessionId: string; itemId: string });

export const FIND_LIMITS = { project: 5, chat: 10, message: 10 } as const;
/** Characters of a message shown before the match in its snippet, and at most in all. */
const SNIPPET_BEFORE = 30;
const SNIPPET_LENGTH = 120;

/** Whitespace of any kind counts as one space (one for one, so positions keep), and case does not count. */
export function normaliseForFind(text: string): string {
  return text.replace(/\s/g, ' ').toLowerCase();
}

/** How well `text` matches: 0 the whole text, 1 its start, 2 the start of a word, 3 anywhere; null: no match. */
export function matchRank(text: string, query: string): { rank: 0 | 1 | 2 | 3; index: number } | null {
  const haystack = normaliseForFind(text);
  const index = haystack.indexOf(query);
  if (index < 0) return null;
  if (haystack.trim() === query) return { rank: 0, index };
  if (index === 0) return { rank: 1, index };
  for (let at = index; at >= 0; at = haystack.indexOf(query, at + 1)) {
    if (!/[\p{L}\p{N}]/u.test(haystack[at - 1] ?? ' ')) return { rank: 2, index: at };
  }
  return { rank: 3, index };
}

/** A window of the message around the match, on one line; it always contains the match. */
export function snippet(text: string, index: number, queryLength: number): string {
  const flat = text.replace(/\s/g, ' ');
  // Lower-casing changed the length (a few letters, e.g. 'İ'): show the lowered text, where the index is true.
  const source = flat.length === normaliseForFind(text).length ? flat : normaliseForFind(text);
  // Less before the match when a long query needs the room; never past its start.
  const start = Math.max(0, Math.min(index, Math.max(index - SNIPPET_BEFORE, index + queryLength - SNIPPET_LENGTH)));
  const end = Math.max(start + SNIPPET_LENGTH, index + queryLength);
  return `${start > 0 ? '…' : ''}${source.slice(start, end)}${end < source.length ? '…' : ''}`;
}

interface Ranked<R> {
  result: R;
  rank: number;
  at: number;
}

function best<R extends { key: string }>(ranked: Ranked<R>[], limit: number): R[] {
  const seen = new Set<string>();
  return ranked
    .sort((a, b) => a.rank - b.rank || b.at - a.at || (a.result.key < b.result.key ? -1 : a.result.key > b.result.key ? 1 : 0))
    .filter(({ result }) => (seen.has(result.key) ? false : (seen.add(result.key), true)))
    .slice(0, limit)
    .map(({ result }) => result);
}

const chatTitle = (topic: string | null) => topic || 'Untitled chat';

/** Projects, then chats, then messages; with an empty query, the most recent projects and chats. */
export function findResults(rawQuery: string, sources: FindSources): FindResult[] {
  const query = normaliseForFind(rawQuery).trim();
  const projects: Ranked<FindResult>[] = [];
  for (const project of sources.projects) {
    const fields = [project.name, project.repository ?? ''];
    const hits = fields.map((field) => (query ? matchRank(field, query) : { rank: 3 as const, index: 0 }));
    const hit = hits.findIndex((h) => h !== null);
    if (hit < 0) continue;
    projects.push({
      result: {
        kind: 'project',
        key: `project:${project.id}`,
        projectId: project.id,
        matched: fields[hit]!,
        detail: hit === 0 ? (project.repository ?? '') : project.name,
      },
      rank: hits[hit]!.rank,
      at: project.lastActivityAt ?? 0,
    });
  }
  const chats: Ranked<FindResult>[] = [];
  for (const chat of sources.chats) {
    const title = chatTitle(chat.topic);
    const hit = query ? (chat.topic ? matchRank(chat.topic, query) : null) : { rank: 3 as const, index: 0 };
    if (!hit) continue;
    chats.push({
      result: { kind: 'chat', key: `chat:${chat.id}`, projectId: chat.projectId, sessionId: chat.id, matched: title, detail: chat.projectName },
      rank: hit.rank,
      at: chat.updatedAt,
    });
  }
  const messages: Ranked<FindResult>[] = [];
  if (query) {
    for (const message of sources.messages) {
      const hit = matchRank(message.text, query);
      if (!hit) continue;
      messages.push({
        result: {
          kind: 'message',
          key: `message:${message.sessionId}:${message.itemId}`,
          projectId: message.projectId,
          sessionId: message.sessionId,
          itemId: message.itemId,
          matched: snippet(message.text, hit.index, query.length),
          detail: `${message.role === 'user' ? 'You' : 'Agent'} in ${chatTitle(message.chatTopic)}`,
        },
        // A whole-text or start match means little inside a long message: messages rank by recency.
        rank: 0,
        at: message.createdAt,
      });
    }
  }
  return [...best(projects, FIND_LIMITS.project), ...best(chats, FIND_LIMITS.chat), ...best(messages, FIND_LIMITS.message)];
}
