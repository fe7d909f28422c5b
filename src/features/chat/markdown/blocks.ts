/*
 * A message's markdown as top-level blocks, so that a streamed answer re-parses only its end: blocks
 * before the last two never change once their successor has begun, and keep their identity (and so
 * their rendered output). One linear pass over lines; it never parses inline markdown.
 *
 * A block ends at a blank line followed by a line that starts at the margin (no indentation), unless
 * both are items of one list. Blank lines inside fenced code never split. Splitting is only ever done
 * where CommonMark starts a new top-level block anyway, so each block renders as it would in the whole
 * text (reference-style link definitions in another block are the known exception).
 */

export interface Block {
  /** The block's source, from its first line to the start of the next block (trailing blank lines included). */
  text: string;
  /** Offset of the block in the message. */
  start: number;
}

export interface BlockSplit {
  source: string;
  blocks: readonly Block[];
}

const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^([ \t]*)(`{3,}|~{3,})(.*)$/;

interface Fence {
  char: string;
  length: number;
  indent: number;
}

function openingFence(line: string): Fence | null {
  const match = FENCE.exec(line);
  if (!match) return null;
  const [, indent = '', marks = '', info = ''] = match;
  // A backtick fence's info string may not hold a backtick (that line is inline code instead).
  if (marks[0] === '`' && info.includes('`')) return null;
  return { char: marks[0] ?? '`', length: marks.length, indent: indent.length };
}

function closesFence(line: string, fence: Fence): boolean {
  const match = FENCE.exec(line);
  if (!match) return false;
  const [, indent = '', marks = '', rest = ''] = match;
  return marks[0] === fence.char && marks.length >= fence.length && indent.length <= fence.indent + 3 && rest.trim() === '';
}

const isBlank = (line: string) => line.trim() === '';

/** Splits `text` from `from` (which must be a block start of `text`) to its end. */
function scan(text: string, from: number): Block[] {
  const blocks: Block[] = [];
  let blockStart = from;
  let blockIsList = false;
  let blockHasContent = false;
  let blankSeen = false;
  let fence: Fence | null = null;
  let lineStart = from;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (fence) {
      if (closesFence(line, fence)) fence = null;
    } else if (isBlank(line)) {
      blankSeen = blockHasContent;
    } else {
      const listItem = LIST_ITEM.test(line);
      if (blankSeen && !/^[ \t]/.test(line) && !(listItem && blockIsList)) {
        blocks.push({ text: text.slice(blockStart, lineStart), start: blockStart });
        blockStart = lineStart;
        blockHasContent = false;
      }
      if (!blockHasContent) blockIsList = listItem;
      blockHasContent = true;
      blankSeen = false;
      fence = openingFence(line);
    }
    lineStart = lineEnd + 1;
  }
  if (blockStart < text.length || blocks.length === 0) blocks.push({ text: text.slice(blockStart), start: blockStart });
  return blocks;
}

/**
 * The blocks of `text`. Given the split of an earlier text that `text` extends (a stream's previous
 * state), only the last two blocks are scanned again: the boundary between two blocks depends on the
 * first line of the second, which may still have been incomplete. Every block that did not change is
 * returned as the same object.
 */
export function splitBlocks(text: string, previous?: BlockSplit): BlockSplit {
  if (!previous || previous.blocks.length < 3 || !text.startsWith(previous.source)) return { source: text, blocks: scan(text, 0) };
  const kept = previous.blocks.length - 2;
  const from = previous.blocks[kept]?.start ?? 0;
  const rescanned = scan(text, from).map((block, i) => {
    const before = previous.blocks[kept + i];
    return before && before.start === block.start && before.text === block.text ? before : block;
  });
  return { source: text, blocks: [...previous.blocks.slice(0, kept), ...rescanned] };
}

/** About the size of text react-markdown parses in one call: each call has a fixed cost (~1 ms) of its own. */
export const UNIT_CHARS = 4_000;

/**
 * Blocks in the groups they are parsed in: consecutive finished blocks that need the parser, together
 * once they fill `UNIT_CHARS`; every other block alone, and the last block (the one still growing)
 * alone. Units are filled from the start, so a full unit keeps the same blocks while the text grows,
 * and a streamed answer parses each block about twice: alone, then once in its full unit.
 */
export function parseUnits(blocks: readonly Block[], needsParser: (block: Block) => boolean): Block[][] {
  const units: Block[][] = [];
  let open: Block[] = [];
  let openChars = 0;
  const close = () => {
    if (open.length > 0) units.push(open);
    open = [];
    openChars = 0;
  };
  // Blocks of a unit not yet full go one by one: joining them now would parse them again at each new block.
  const leaveOpen = () => {
    for (const block of open) units.push([block]);
    open = [];
    openChars = 0;
  };
  blocks.forEach((block, index) => {
    if (index === blocks.length - 1 || !needsParser(block)) {
      leaveOpen();
      units.push([block]);
      return;
    }
    if (openChars + block.text.length > UNIT_CHARS) close();
    open.push(block);
    openChars += block.text.length;
  });
  leaveOpen();
  return units;
}
