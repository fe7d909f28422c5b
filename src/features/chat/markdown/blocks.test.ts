import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUnits, splitBlocks } from './blocks';

/** Lines an agent's markdown is made of, including the ones that decide where a block ends. */
const LINE = fc.constantFrom(
  '',
  '   ',
  'text',
  'more *text* and [a](https://example.com)',
  '- item',
  '* item',
  '1. step',
  '2) step',
  '  continued',
  '    indented code',
  '> quote',
  '# Title',
  '---',
  '```',
  '```ts',
  '~~~',
  '````',
  '  ```',
  '| a | b |',
  '\t tab',
);
const MARKDOWN = fc.array(LINE, { maxLength: 40 }).map((lines) => lines.join('\n'));

const texts = (text: string) => splitBlocks(text).blocks.map((b) => b.text);

describe('splitBlocks', () => {
  it('keeps every character, in order', () => {
    fc.assert(
      fc.property(MARKDOWN, (text) => {
        const { blocks } = splitBlocks(text);
        expect(blocks.map((b) => b.text).join('')).toBe(text);
        for (const block of blocks) expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
      }),
    );
  });

  it('gives a streamed text, split chunk by chunk, the same blocks as the whole text', () => {
    fc.assert(
      fc.property(MARKDOWN, fc.array(fc.nat(), { maxLength: 30 }), (text, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        let split = splitBlocks('');
        for (const point of [...points, text.length]) split = splitBlocks(text.slice(0, point), split);
        expect(split.blocks.map((b) => b.text)).toEqual(texts(text));
      }),
    );
  });

  it('keeps finished blocks as the same objects while the text grows', () => {
    const first = splitBlocks('one\n\ntwo\n\nthree\n\nfour');
    const next = splitBlocks('one\n\ntwo\n\nthree\n\nfour and more', first);
    expect(next.blocks[0]).toBe(first.blocks[0]);
    expect(next.blocks[1]).toBe(first.blocks[1]);
    expect(next.blocks[2]).toBe(first.blocks[2]);
    expect(next.blocks.map((b) => b.text)).toEqual(['one\n\n', 'two\n\n', 'three\n\n', 'four and more']);
  });

  it('splits at blank lines, but never inside fenced code, a list, or indented continuation', () => {
    expect(texts('a\n\nb')).toEqual(['a\n\n', 'b']);
    expect(texts('```\nx\n\ny\n```\n\nz')).toEqual(['```\nx\n\ny\n```\n\n', 'z']);
    expect(texts('- a\n\n- b\n\n  more\n\nafter')).toEqual(['- a\n\n- b\n\n  more\n\n', 'after']);
    expect(texts('1. a\n\n    code\n\n2. b')).toEqual(['1. a\n\n    code\n\n2. b']);
  });

  it('starts over when the text is not a continuation of the previous one', () => {
    const first = splitBlocks('a\n\nb\n\nc\n\nd');
    expect(splitBlocks('x\n\ny', first).blocks.map((b) => b.text)).toEqual(['x\n\n', 'y']);
  });
});

describe('parseUnits', () => {
  const parsed = () => true;
  it('keeps every block once, in order, and the last block alone', () => {
    fc.assert(
      fc.property(MARKDOWN, (text) => {
        const { blocks } = splitBlocks(text);
        const units = parseUnits(blocks, parsed);
        expect(units.flat()).toEqual(blocks);
        expect(units.at(-1)).toEqual([blocks.at(-1)]);
      }),
    );
  });

  it('keeps a full unit the same while the text grows', () => {
    const paragraph = `${'word '.repeat(300)}\n\n`;
    const first = splitBlocks(paragraph.repeat(10));
    const later = splitBlocks(paragraph.repeat(12), first);
    const [unitBefore] = parseUnits(first.blocks, parsed);
    const [unitAfter] = parseUnits(later.blocks, parsed);
    expect(unitBefore?.length).toBeGreaterThan(1);
    expect(unitAfter).toEqual(unitBefore);
    unitAfter?.forEach((block, i) => expect(block).toBe(unitBefore?.[i]));
  });
});
