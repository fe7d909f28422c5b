/*
 * SAM refuses message content over 102,400 characters, yet a row can still reach Lookout longer (an
 * agent's own write path, a future server). Rendering it would put megabytes of HTML into the page, so
 * the contract edge keeps the first MAX_MESSAGE_CHARS and says how much it left out.
 */
export const MAX_MESSAGE_CHARS = 102_400;

export interface CutMark {
  /** Characters of `content` left out at the edge; absent when the content is whole. */
  cutChars?: number;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The message with its content cut to MAX_MESSAGE_CHARS (never inside a surrogate pair) and marked. */
export function cutLongContent<M extends { content: string }>(message: M): M & CutMark {
  const { content } = message;
  if (content.length <= MAX_MESSAGE_CHARS) return message;
  const end = isHighSurrogate(content.charCodeAt(MAX_MESSAGE_CHARS - 1)) ? MAX_MESSAGE_CHARS - 1 : MAX_MESSAGE_CHARS;
  return { ...message, content: content.slice(0, end), cutChars: content.length - end };
}

/** How many of these messages were cut at the edge (for the diagnostics). */
export function countCut(messages: readonly CutMark[]): number {
  let cut = 0;
  for (const m of messages) if (m.cutChars !== undefined) cut += 1;
  return cut;
}
