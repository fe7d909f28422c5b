import { describe, expect, it } from 'vitest';
import { externalHttpUrl, isExternalUrl, safeUrl } from './safeUrl';

describe('safeUrl', () => {
  it.each([
    'https://example.com/a?b=c#d',
    'http://example.com',
    'HTTPS://EXAMPLE.COM',
    'mailto:someone@example.com',
    '/projects/p1/chat/s1',
    './relative/path',
    '#section',
    '?q=1',
    'docs/readme.md',
  ])('keeps %s', (url) => {
    expect(safeUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.com/x',
    '',
    '   ',
  ])('drops %j', (url) => {
    expect(safeUrl(url)).toBeNull();
  });
});

describe('network-path references leave the app', () => {
  it.each([
    ['//evil.example/login', 'https://evil.example/login'],
    ['//evil.example', 'https://evil.example'],
    ['\\\\evil.example/x', 'https://evil.example/x'],
    ['/\\evil.example', 'https://evil.example'],
    ['\\/evil.example', 'https://evil.example'],
    [' /\t/evil.example', 'https://evil.example'],
    ['///evil.example', 'https://evil.example'],
  ])('%j becomes %j and counts as external', (url, absolute) => {
    expect(safeUrl(url)).toBe(absolute);
    expect(isExternalUrl(url)).toBe(true);
  });

  it.each(['/projects/p1', './a', '#x', '?q=1', 'docs/a.md'])('%j stays inside the app', (url) => {
    expect(isExternalUrl(url)).toBe(false);
  });

  it.each(['https://example.com', 'mailto:a@example.com'])('%j is external', (url) => {
    expect(isExternalUrl(url)).toBe(true);
  });
});

describe('externalHttpUrl', () => {
  it('accepts only absolute http(s) urls', () => {
    expect(externalHttpUrl('https://github.com/o/r/pull/1')).toBe('https://github.com/o/r/pull/1');
    expect(externalHttpUrl('/relative')).toBeNull();
    expect(externalHttpUrl('javascript:alert(1)')).toBeNull();
    expect(externalHttpUrl(null)).toBeNull();
    expect(externalHttpUrl('//github.com/o/r/pull/1')).toBe('https://github.com/o/r/pull/1');
  });
});
