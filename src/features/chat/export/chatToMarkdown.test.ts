import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import type { ToolMetadata } from '../../../api/contract';
import type { ConversationItem } from '../../../reconcile/types';
import { chatToMarkdown, escapeInline, exportFileName, inlineCode, type ChatExport } from './chatToMarkdown';

const T = Date.UTC(2026, 11, 7, 12, 0, 0);
const user = (id: string, text: string, at = T): ConversationItem => ({ kind: 'user', id, text, createdAt: at, delivery: 'confirmed' });
const agent = (id: string, text: string, at = T): ConversationItem => ({ kind: 'assistant', id, text, createdAt: at, messageIds: [id] });
const tool = (id: string, title: string, locations: { path: string; line: number | null }[] = []): ConversationItem => ({
  kind: 'tool',
  id,
  toolCallId: id,
  title,
  toolKind: null,
  toolName: null,
  status: 'completed',
  locations,
  metadata: {} as ToolMetadata,
  createdAt: T,
  messageIds: [id],
});

function exported(items: ConversationItem[], partial: Partial<ChatExport> = {}): string {
  return chatToMarkdown({
    title: 'Fix the flaky deploy',
    projectId: 'proj-1',
    projectName: 'lookout-web',
    sessionId: 'sess-1',
    taskId: 'task-1',
    stateLabel: 'Done',
    items,
    hasEarlier: false,
    exportedAt: T,
    ...partial,
  });
}

type Node = { type: string; depth?: number; children?: Node[]; value?: string };
const tree = (markdown: string) => fromMarkdown(markdown) as unknown as Node;
const text = (node: Node): string => node.value ?? (node.children ?? []).map(text).join('');
/** The document's top-level blocks as "type" or "heading:depth:text". */
const outline = (markdown: string) => (tree(markdown).children ?? []).map((n) => (n.type === 'heading' ? `heading:${n.depth}:${text(n)}` : n.type));

describe('chatToMarkdown', () => {
  it('writes the title, the ids and each turn: prompts and answers quoted, tools on one line each, the plan as a checklist', () => {
    const md = exported([
      user('u1', 'Why does deploy fail?'),
      agent('a1', 'Looking.\n\nIt is the **cache**.'),
      { kind: 'thinking', id: 't1', text: 'private musing', createdAt: T, messageIds: ['t1'] },
      tool('tool1', 'Read file', [{ path: 'deploy.yml', line: 12 }]),
      tool('tool2', 'Run tests'),
      {
        kind: 'plan',
        id: 'p1',
        createdAt: T,
        entries: [
          { content: 'Find the cause', status: 'completed', priority: null },
          { content: 'Fix it', status: 'in_progress', priority: null },
        ],
      },
      user('u2', 'Ship it'),
      { kind: 'system', id: 's1', text: 'Agent finished', createdAt: T + 60_000 },
    ]);
    expect(md).toBe(
      [
        '# Fix the flaky deploy',
        '',
        '- Project: lookout\\-web (`proj-1`)',
        '- Session: `sess-1`',
        '- Task: `task-1`',
        '- State: Done',
        '- Exported: 2026-12-07T12:00:00.000Z',
        '',
        '## Turn 1',
        '',
        '**You** · 2026-12-07T12:00:00.000Z',
        '',
        '> Why does deploy fail?',
        '',
        '**Agent** · 2026-12-07T12:00:00.000Z',
        '',
        '> Looking.',
        '>',
        '> It is the **cache**.',
        '',
        '- Tool `Read file` (completed): `deploy.yml:12`',
        '- Tool `Run tests` (completed)',
        '',
        '**Plan**',
        '',
        '- [x] Find the cause',
        '- [ ] Fix it (in progress)',
        '',
        '## Turn 2',
        '',
        '**You** · 2026-12-07T12:00:00.000Z',
        '',
        '> Ship it',
        '',
        '**System** · 2026-12-07T12:01:00.000Z',
        '',
        '> Agent finished',
        '',
      ].join('\n'),
    );
    expect(md).not.toContain('private musing');
  });

  it('says when earlier messages were not loaded, and names what came before the first prompt', () => {
    const md = exported([{ kind: 'system', id: 's0', text: 'Workspace ready', createdAt: T }, user('u1', 'Go')], {
      hasEarlier: true,
      taskId: null,
      title: null,
    });
    expect(outline(md)).toEqual([
      'heading:1:Untitled chat',
      'list',
      'paragraph',
      'heading:2:Before the first prompt',
      'paragraph',
      'blockquote',
      'heading:2:Turn 1',
      'paragraph',
      'blockquote',
    ]);
    expect(md).toContain('Earlier messages were not loaded');
    expect(md).not.toContain('Task:');
  });

  it('keeps hostile content inside its message: fences, headings, HTML, CRLF and backticks cannot change the outline', () => {
    const nasty = [
      '```',
      'unclosed fence',
      '# Turn 99',
      '</blockquote><script>alert(1)</script>',
      '## Forged heading\r\n\r\nafter CRLF\rlone CR',
      '~~~',
      '    indented',
      '<img src=x onerror=alert(1)>',
    ].join('\n');
    const md = exported(
      [
        user('u1', nasty),
        agent('a1', nasty),
        tool('t1', '`tick` ``two`` ```three```\n# not a heading', [{ path: '```/x.ts', line: null }]),
        user('u2', 'after'),
      ],
      {
        title: '# Title with `code` and\nnewline <b>bold</b>',
        projectName: '[link](javascript:alert(1))',
      },
    );
    expect(outline(md)).toEqual([
      'heading:1:# Title with `code` and newline <b>bold</b>',
      'list',
      'heading:2:Turn 1',
      'paragraph',
      'blockquote',
      'paragraph',
      'blockquote',
      'list',
      'heading:2:Turn 2',
      'paragraph',
      'blockquote',
    ]);
    const blocks = tree(md).children!;
    // The tool line reads back exactly as the title was (on one line), and the project name is not a link.
    expect(text(blocks[7]!)).toContain('`tick` ``two`` ```three``` # not a heading');
    expect(JSON.stringify(blocks[1])).not.toContain('"type":"link"');
    expect(md.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# \\# Title with \\`code\\` and newline \\<b\\>bold\\<\\/b\\>',
      '## Turn 1',
      '## Turn 2',
    ]);
  });
});

describe('inline helpers', () => {
  it('inlineCode survives any run of backticks; escapeInline leaves no markup', () => {
    for (const sample of ['plain', '`', '``a``', 'a ` b', '```']) {
      const code = (tree(`x ${inlineCode(sample)}`).children![0]!.children ?? []).find((n) => n.type === 'inlineCode');
      expect(code?.value).toBe(sample);
    }
    const para = tree(escapeInline('*a* _b_ [c](d) <e> `f` # g')).children![0]!;
    expect(para.children!.map((n) => n.type)).toEqual(['text']);
    expect(text(para)).toBe('*a* _b_ [c](d) <e> `f` # g');
  });

  it('names the file after the title, never empty', () => {
    expect(exportFileName('Fix the flaky deploy!', 's')).toBe('fix-the-flaky-deploy.md');
    expect(exportFileName('../../etc/passwd', 's')).toBe('etc-passwd.md');
    expect(exportFileName('日本語', 'abc-123-def')).toBe('chat-abc123.md');
    expect(exportFileName(null, '')).toBe('chat-export.md');
  });
});
