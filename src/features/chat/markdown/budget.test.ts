import { describe, expect, it } from 'vitest';
import { judgeBlock, loneCodeBlock, MAX_BLOCK_CHARS, MAX_CELLS, MAX_DELIMITERS, MAX_DEPTH, measureBlock } from './budget';

describe('measureBlock', () => {
  it('counts quote, list and indentation nesting at the start of lines', () => {
    expect(measureBlock('>>> a').depth).toBe(3);
    expect(measureBlock('> - > 1. a').depth).toBe(4);
    expect(measureBlock('- - - - list').depth).toBe(4);
    expect(measureBlock(`${' '.repeat(40)}- deep`).depth).toBe(11);
    expect(measureBlock('plain - text > here').depth).toBe(0);
    expect(measureBlock('2026. a year').depth).toBe(1);
  });

  it('counts emphasis and link delimiters and table cells, but not inside fenced code', () => {
    expect(measureBlock('**a** _b_ [c](d) ~e~')).toMatchObject({ delimiters: 10, cells: 0 });
    expect(measureBlock('| a | b |\n| - | - |')).toMatchObject({ cells: 6 });
    expect(measureBlock('```\n***|||[[[\n```\n')).toMatchObject({ delimiters: 0, cells: 0, depth: 0 });
  });
});

describe('judgeBlock', () => {
  it('formats ordinary blocks', () => {
    expect(judgeBlock('Some **bold** text with [a link](https://example.com).\n\n')).toEqual({ kind: 'markdown' });
    expect(judgeBlock('| a | b |\n| - | - |\n| 1 | 2 |')).toEqual({ kind: 'markdown' });
  });

  it('shows blocks beyond any limit as plain text, with the reason', () => {
    expect(judgeBlock('word '.repeat(MAX_BLOCK_CHARS / 5 + 1))).toEqual({ kind: 'plain', reason: 'size' });
    expect(judgeBlock(`${'>'.repeat(MAX_DEPTH + 1)} a`)).toEqual({ kind: 'plain', reason: 'depth' });
    expect(judgeBlock('*a'.repeat(MAX_DELIMITERS + 1))).toEqual({ kind: 'plain', reason: 'delimiters' });
    expect(judgeBlock('|'.repeat(MAX_CELLS + 1))).toEqual({ kind: 'plain', reason: 'cells' });
  });

  it('takes a lone fenced code block of any size past the parser', () => {
    const code = 'x = 1 * [2] | 3\n'.repeat(MAX_BLOCK_CHARS / 8);
    expect(judgeBlock(`\`\`\`py\n${code}\`\`\`\n\n`)).toEqual({ kind: 'code', code: code.slice(0, -1), language: 'py' });
  });
});

describe('loneCodeBlock', () => {
  it('reads a closed or still streaming fence, and nothing that holds more than the fence', () => {
    expect(loneCodeBlock('```ts\nconst a = 1;\n```')).toEqual({ code: 'const a = 1;', language: 'ts' });
    expect(loneCodeBlock('~~~\na\n\nb')).toEqual({ code: 'a\n\nb', language: null });
    expect(loneCodeBlock('````md\n```\ninner\n```\n````')).toEqual({ code: '```\ninner\n```', language: 'md' });
    expect(loneCodeBlock('```\na\n```\nthen text')).toBeNull();
    expect(loneCodeBlock('text\n```\na\n```')).toBeNull();
    expect(loneCodeBlock('``` a`b\nx')).toBeNull();
  });
});
