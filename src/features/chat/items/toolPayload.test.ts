import { describe, expect, it } from 'vitest';
import type { ToolMetadata } from '../../../api/contract';
import { PAYLOAD_PREVIEW_CHARS, PAYLOAD_PREVIEW_LINES, formatBytes, formatPayload, omittedOutputBytes, payloadPreview, toolOutputText } from './toolPayload';

const metadata = (extra: Partial<ToolMetadata>): ToolMetadata =>
  ({ toolCallId: 't', title: null, kind: null, status: null, toolName: null, locations: [], content: [], ...extra }) as ToolMetadata;

describe('formatPayload', () => {
  it('keeps strings and indents objects', () => {
    expect(formatPayload('ls -la')).toBe('ls -la');
    expect(formatPayload({ command: 'ls' })).toBe('{\n  "command": "ls"\n}');
    expect(formatPayload(undefined)).toBe('');
    expect(formatPayload(null)).toBe('');
  });
});

describe('toolOutputText', () => {
  it('prefers rawOutput, then the text of content blocks, then the blocks as JSON', () => {
    expect(toolOutputText(metadata({ rawOutput: { ok: true } }))).toBe('{\n  "ok": true\n}');
    expect(toolOutputText(metadata({ content: [{ type: 'content', content: { type: 'text', text: 'hi' } }] }))).toBe('hi');
    expect(toolOutputText(metadata({ content: [{ type: 'diff', path: 'a.ts' }] }))).toContain('"diff"');
    expect(toolOutputText(metadata({}))).toBe('');
  });
});

describe('payloadPreview', () => {
  it('returns null for short payloads', () => {
    expect(payloadPreview('short')).toBeNull();
  });
  it('cuts long payloads by characters', () => {
    expect(payloadPreview('x'.repeat(PAYLOAD_PREVIEW_CHARS + 5))).toHaveLength(PAYLOAD_PREVIEW_CHARS);
  });
  it('cuts payloads with many lines by lines', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    expect(payloadPreview(text)!.split('\n')).toHaveLength(PAYLOAD_PREVIEW_LINES);
  });
});

describe('omittedOutputBytes (compact mode)', () => {
  it('is the size SAM left out when the row holds no output of its own', () => {
    expect(omittedOutputBytes(metadata({ content: [], contentSize: 2048 }))).toBe(2048);
    expect(omittedOutputBytes(metadata({ content: [], contentSize: 0 }))).toBeNull();
    expect(omittedOutputBytes(metadata({ content: [] }))).toBeNull();
    // A kept rawOutput (document-card tools), or the content itself from a live frame, is shown instead.
    expect(omittedOutputBytes(metadata({ content: [], contentSize: 2048, rawOutput: { fileId: 'f1' } }))).toBeNull();
    expect(omittedOutputBytes(metadata({ content: [{ type: 'content', content: { type: 'text', text: 'hi' } }], contentSize: 2048 }))).toBeNull();
  });

  it.each([
    [1, '1 byte'],
    [840, '840 bytes'],
    [1024, '1 KB'],
    [12_800, '13 KB'],
    [1536, '1.5 KB'],
    [3.4 * 1024 * 1024, '3.4 MB'],
  ])('%d bytes read as %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
