import { describe, expect, it } from 'vitest';
import { MAX_HIGHLIGHT_CHARS, tokenize } from './highlight';

const kinds = (code: string, language: string) =>
  tokenize(code, language)
    .filter((t) => t.kind !== 'plain')
    .map((t) => [t.kind, t.text]);

describe('tokenize', () => {
  it('marks keywords, strings, numbers and line comments', () => {
    expect(kinds('const x = "a" + 42; // done', 'ts')).toEqual([
      ['keyword', 'const'],
      ['string', '"a"'],
      ['number', '42'],
      ['comment', '// done'],
    ]);
  });

  it('uses # comments for shell and python', () => {
    expect(kinds('echo hi # note', 'bash')).toEqual([
      ['keyword', 'echo'],
      ['comment', '# note'],
    ]);
  });

  it('knows SQL keywords in any case, and -- comments', () => {
    expect(kinds('CREATE INDEX idx ON t (a) -- fast', 'sql')).toEqual([
      ['keyword', 'CREATE'],
      ['keyword', 'INDEX'],
      ['keyword', 'ON'],
      ['comment', '-- fast'],
    ]);
  });

  it('loses no character', () => {
    const code = 'function f(a) {\n  return `x${a}` /* c */ + 0x1f;\n}\n"unterminated';
    expect(
      tokenize(code, 'js')
        .map((t) => t.text)
        .join(''),
    ).toBe(code);
  });

  it('leaves very long blocks plain', () => {
    const code = 'x'.repeat(MAX_HIGHLIGHT_CHARS + 1);
    expect(tokenize(code, 'js')).toEqual([{ kind: 'plain', text: code }]);
  });
});
