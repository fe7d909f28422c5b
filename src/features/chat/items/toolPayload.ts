import type { ToolMetadata } from '../../../api/contract';

/** Payloads longer than this show their beginning and a "Show all" button. */
export const PAYLOAD_PREVIEW_CHARS = 2_000;
export const PAYLOAD_PREVIEW_LINES = 40;

/** A tool's input or output as readable text: strings as they are, anything else as indented JSON. */
export function formatPayload(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** ACP content blocks carry text as `{ type: 'content', content: { type: 'text', text } }`. */
function blockText(block: unknown): string | null {
  if (typeof block !== 'object' || block === null) return null;
  const inner = (block as { content?: unknown }).content;
  if (typeof inner === 'object' && inner !== null && typeof (inner as { text?: unknown }).text === 'string') {
    return (inner as { text: string }).text;
  }
  const text = (block as { text?: unknown }).text;
  return typeof text === 'string' ? text : null;
}

/** What a call produced: its raw output when present, else the text of its content blocks. */
export function toolOutputText(metadata: ToolMetadata): string {
  if (metadata.rawOutput !== undefined && metadata.rawOutput !== null) return formatPayload(metadata.rawOutput);
  const content = metadata.content ?? [];
  if (content.length === 0) return '';
  const texts = content.map(blockText);
  return texts.every((text) => text !== null) ? texts.join('\n') : formatPayload(content);
}

/** The preview of a long payload, or null when it is short enough to show whole. */
export function payloadPreview(text: string): string | null {
  let cut = Math.min(text.length, PAYLOAD_PREVIEW_CHARS);
  let newlines = 0;
  for (let i = 0; i < cut; i++) {
    if (text.charCodeAt(i) === 10 && ++newlines === PAYLOAD_PREVIEW_LINES) {
      cut = i;
      break;
    }
  }
  return cut < text.length ? text.slice(0, cut) : null;
}

/**
 * The size in bytes of output that compact mode left out (SAM's detail route and `/messages` drop
 * `toolMetadata.content` and send `contentSize`), or null when the row holds what there is to show.
 */
export function omittedOutputBytes(metadata: ToolMetadata): number | null {
  if (toolOutputText(metadata) !== '') return null;
  const size = metadata.contentSize ?? 0;
  return size > 0 ? size : null;
}

/** "840 bytes", "12 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1).replace(/\.0$/, '') : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1).replace(/\.0$/, '') : Math.round(mb)} MB`;
}
