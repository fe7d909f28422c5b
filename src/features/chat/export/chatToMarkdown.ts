import type { ConversationItem } from '../../../reconcile/types';

/*
 * A chat as a Markdown document: a title, the ids, then turn by turn (a turn starts at each of the user's
 * prompts) what was said, the tool calls in one line each, and the plan. Whatever a message contains
 * stays inside its message: prompts and answers are block quotes (CommonMark closes an open code fence, a
 * heading or raw HTML at the end of its quote), and text set on one line (titles, paths, plan steps) is
 * escaped, so no content can end a message early or forge a heading of the document.
 */

export interface ChatExport {
  title: string | null;
  projectId: string;
  projectName: string | null;
  sessionId: string;
  taskId: string | null;
  /** The state as the header shows it, e.g. "Failed". */
  stateLabel: string;
  items: readonly ConversationItem[];
  /** Older messages exist on SAM than the first one held: the export says it is partial. */
  hasEarlier: boolean;
  exportedAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One line of inert text: line breaks become spaces and every ASCII punctuation mark is escaped. */
export function escapeInline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Inline code that holds any text: the delimiter is longer than every run of backticks inside. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** The text as a block quote, every line of it (blank ones too) inside. */
export function quote(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line) => (line ? `> ${line}` : '>')).join('\n');
}

const PLAN_MARKS: Record<string, string> = { completed: '[x]', in_progress: '[ ]', pending: '[ ]' };

function itemBlocks(item: ConversationItem): string[] {
  switch (item.kind) {
    case 'user': {
      const note = item.delivery === 'failed' ? ' (not sent)' : item.delivery === 'sending' ? ' (sending)' : '';
      return [`**You**${note} · ${iso(item.createdAt)}`, quote(item.text)];
    }
    case 'assistant':
      return [`**Agent** · ${iso(item.createdAt)}`, quote(item.text)];
    case 'thinking':
      return [];
    case 'tool': {
      const where = item.locations.map((l) => inlineCode(l.line === null ? l.path : `${l.path}:${l.line}`)).join(', ');
      return [`- Tool ${inlineCode(item.title)} (${escapeInline(item.status)})${where ? `: ${where}` : ''}`];
    }
    case 'plan':
      return [
        '**Plan**',
        item.entries
          .map((e) => `- ${PLAN_MARKS[e.status] ?? '[ ]'} ${escapeInline(e.content)}${e.status === 'in_progress' ? ' (in progress)' : ''}`)
          .join('\n'),
      ];
    case 'system':
      return [`**System** · ${iso(item.createdAt)}`, quote(item.text)];
    case 'unknown':
      return [`**${escapeInline(item.role)}** · ${iso(item.createdAt)}`, quote(item.text)];
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** Tool lines that follow each other form one list; everything else is its own block. */
function joinBlocks(blocks: string[]): string {
  let out = '';
  for (const [i, block] of blocks.entries()) {
    const previous = blocks[i - 1];
    out += i === 0 ? block : previous?.startsWith('- Tool ') && block.startsWith('- Tool ') ? `\n${block}` : `\n\n${block}`;
  }
  return out;
}

export function chatToMarkdown(chat: ChatExport): string {
  const head = [
    `# ${escapeInline(chat.title?.trim() || 'Untitled chat')}`,
    [
      `- Project: ${chat.projectName ? `${escapeInline(chat.projectName)} ` : ''}(${inlineCode(chat.projectId)})`,
      `- Session: ${inlineCode(chat.sessionId)}`,
      ...(chat.taskId ? [`- Task: ${inlineCode(chat.taskId)}`] : []),
      `- State: ${escapeInline(chat.stateLabel)}`,
      `- Exported: ${iso(chat.exportedAt)}`,
    ].join('\n'),
    ...(chat.hasEarlier ? ['_Earlier messages were not loaded when this was exported; it starts at the first one loaded._'] : []),
  ];
  const turns: string[] = [];
  let blocks: string[] = [];
  let turn = 0;
  const flush = () => {
    if (blocks.length > 0) turns.push(`## ${turn === 0 ? 'Before the first prompt' : `Turn ${turn}`}\n\n${joinBlocks(blocks)}`);
    blocks = [];
  };
  for (const item of chat.items) {
    if (item.kind === 'user') {
      flush();
      turn += 1;
    }
    blocks.push(...itemBlocks(item));
  }
  flush();
  return `${[...head, ...turns].join('\n\n')}\n`;
}

/** A file name from the chat's title: letters, digits and dashes, never empty. */
export function exportFileName(title: string | null, sessionId: string): string {
  const slug = (title ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || `chat-${sessionId.slice(0, 8).replace(/[^a-zA-Z0-9]/g, '') || 'export'}`}.md`;
}
