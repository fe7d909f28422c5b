import fc from 'fast-check';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import type { CommentThread } from '../api/contract/comments';
import { buildFollowUpText, fenceFor, followUpReplyId, quoteWithin, threadState, upsertThreads, type CommentAnchor } from './comments';

type Code = { type: 'code'; lang?: string | null; value: string };

function codeBlocks(markdown: string): Code[] {
  const found: Code[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') found.push(node as unknown as Code);
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(fromMarkdown(markdown));
  return found;
}

// Passages made of what breaks naive quoting: backtick runs, fences, tildes, quote marks, headings.
const passage = fc
  .array(fc.constantFrom('a', 'b', ' ', '`', '``', '```', '~~~', '\n', '> ', '# ', '*', '-', '[x]', '<b>', 'quote'), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');
// A comment is the author's own markdown; the property is about quotes, so bodies open no fence.
const body = fc
  .array(fc.constantFrom('fix', 'this', ' ', '\n', '*', '`x`', '1.', 'On my message:'), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join('').trim())
  .filter((text) => text !== '');
const anchor: fc.Arbitrary<CommentAnchor> = fc.oneof(
  fc.record({ kind: fc.constant('message' as const), messageId: fc.uuid(), role: fc.constantFrom('user' as const, 'agent' as const), quote: passage }),
  fc
    .record({
      kind: fc.constant('lines' as const),
      path: fc.constantFrom('src/a.ts', 'README.md'),
      firstLine: fc.integer({ min: 1, max: 50 }),
      lastLine: fc.integer({ min: 1, max: 50 }),
      side: fc.constantFrom('new' as const, 'old' as const),
      quote: passage,
    })
    .map((a) => ({ ...a, lastLine: Math.max(a.firstLine, a.lastLine) })),
);
const comments = fc.array(fc.record({ anchor, body }), { minLength: 1, maxLength: 6 });

describe('buildFollowUpText', () => {
  it('carries every quote as its own code block, whole and in order, whatever markdown the quote holds', () => {
    fc.assert(
      fc.property(comments, (list) => {
        const quotes = codeBlocks(buildFollowUpText(list)).filter((block) => block.lang === 'quote');
        expect(quotes.map((block) => block.value)).toEqual(list.map((c) => c.anchor.quote));
      }),
      { numRuns: 500 },
    );
  });

  it('has every comment once, after its own quote and before the next one', () => {
    fc.assert(
      fc.property(comments, (list) => {
        const text = buildFollowUpText(list);
        let from = 0;
        list.forEach((comment, index) => {
          const heading = text.indexOf(`\n${index + 1}. On `, from);
          expect(heading).toBeGreaterThanOrEqual(from);
          const quoteAt = text.indexOf(`\n${comment.anchor.quote}\n`, heading);
          expect(quoteAt).toBeGreaterThan(heading);
          const bodyAt = text.indexOf(`\n\n${comment.body}`, quoteAt + comment.anchor.quote.length);
          expect(bodyAt).toBeGreaterThan(quoteAt);
          from = bodyAt + comment.body.length;
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reads as a person would write it', () => {
    const text = buildFollowUpText([
      { anchor: { kind: 'message', messageId: 'm1', role: 'agent', quote: 'Use ```rm -rf``` here' }, body: 'Please do not.' },
      {
        anchor: { kind: 'lines', path: 'src/a.ts', firstLine: 3, lastLine: 4, side: 'new', quote: '-const b = 1;\n+const a = 1;\n console.log(a);' },
        body: 'Rename a.',
      },
      { anchor: { kind: 'lines', path: 'src/old.ts', firstLine: 7, lastLine: 7, side: 'old', quote: '-legacy();' }, body: 'Why?' },
    ]);
    expect(text).toBe(
      [
        '3 review comments, each on the passage it quotes. Please address each one.',
        '',
        '1. On your message:',
        '````quote',
        'Use ```rm -rf``` here',
        '````',
        '',
        'Please do not.',
        '',
        '2. On src/a.ts lines 3–4 (diff lines: + added, - removed; numbered as the file is now):',
        '```quote',
        '-const b = 1;',
        '+const a = 1;',
        ' console.log(a);',
        '```',
        '',
        'Rename a.',
        '',
        '3. On src/old.ts line 7 (removed lines, numbered as the file was):',
        '```quote',
        '-legacy();',
        '```',
        '',
        'Why?',
      ].join('\n'),
    );
  });
});

describe('fenceFor and quoteWithin', () => {
  it('picks a fence longer than any backtick run', () => {
    expect(fenceFor('plain')).toBe('```');
    expect(fenceFor('a ```` b ` c')).toBe('`````');
  });
  it('keeps a quote within SAM’s limit, trimmed', () => {
    expect(quoteWithin('  short  ', 10)).toBe('short');
    const cut = quoteWithin('x'.repeat(30), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith('…')).toBe(true);
  });
});

const author = { kind: 'human', id: 'u1', name: 'Ada', displayName: null };
function thread(overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id: 't1',
    sessionId: 's1',
    anchor: { kind: 'message', messageId: 'm1', quote: 'q' },
    author,
    body: 'b',
    status: 'open',
    createdAt: 1_000,
    updatedAt: 1_000,
    sequence: 1,
    version: 1,
    clientMutationId: null,
    sentAt: null,
    resolvedAt: null,
    reopenedAt: null,
    replies: [],
    ...overrides,
  };
}
const followUpReply = (at: number) => ({
  id: `r${at}`,
  threadId: 't1',
  author,
  body: 'Sent',
  createdAt: at,
  sequence: 1,
  clientMutationId: followUpReplyId('p1', 't1'),
});

describe('threadState', () => {
  it.each([
    ['open, nothing sent', thread(), 'open'],
    ['SAM’s own sent', thread({ status: 'sent' }), 'sent'],
    ['resolved wins over a follow-up reply', thread({ status: 'resolved', replies: [followUpReply(2_000)] }), 'resolved'],
    ['sent in a follow-up', thread({ replies: [followUpReply(2_000)] }), 'sent'],
    ['reopened after the follow-up', thread({ reopenedAt: 3_000, replies: [followUpReply(2_000)] }), 'open'],
    ['reopened in the same millisecond', thread({ reopenedAt: 2_000, replies: [followUpReply(2_000)] }), 'open'],
    ['sent again after a reopening', thread({ reopenedAt: 3_000, replies: [followUpReply(2_000), followUpReply(4_000)] }), 'sent'],
    ['a person’s reply is not a send', thread({ replies: [{ ...followUpReply(2_000), clientMutationId: 'mine' }] }), 'open'],
    ['a status SAM adds later', thread({ status: 'archived' }), 'unknown'],
  ] as const)('%s', (_name, input, expected) => {
    expect(threadState(input)).toBe(expected);
  });
});

describe('upsertThreads', () => {
  it('replaces by id, keeps SAM’s order, and ignores an older answer', () => {
    const a = thread({ id: 'a', sequence: 1 });
    const b = thread({ id: 'b', sequence: 2 });
    const held = upsertThreads([], [b, a]);
    expect(held.map((t) => t.id)).toEqual(['a', 'b']);
    const resolved = thread({ id: 'a', sequence: 1, version: 2, status: 'resolved' });
    const next = upsertThreads(held, [resolved]);
    expect(next[0]).toBe(resolved);
    expect(upsertThreads(next, [a])).toBe(next);
  });

  it('converges to the newest version of each thread in any order of answers', () => {
    const versions = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c'), version: fc.integer({ min: 1, max: 9 }) }), { maxLength: 20 });
    fc.assert(
      fc.property(versions, fc.func(fc.integer()), (answers, shuffleKey) => {
        const threads = answers.map(({ id, version }) => thread({ id, version, sequence: id.charCodeAt(0), body: `${id}${version}` }));
        const shuffled = [...threads].sort((x, y) => shuffleKey(x.body) - shuffleKey(y.body));
        const inOrder = threads.reduce<readonly CommentThread[]>((held, t) => upsertThreads(held, [t]), []);
        const anyOrder = shuffled.reduce<readonly CommentThread[]>((held, t) => upsertThreads(held, [t]), []);
        expect(anyOrder.map((t) => [t.id, t.version])).toEqual(inOrder.map((t) => [t.id, t.version]));
      }),
    );
  });
});
