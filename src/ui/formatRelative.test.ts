import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatRelative } from './formatRelative';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const MIN = 60_000;

describe('formatRelative', () => {
  it.each([
    [0, 'just now'],
    [30_000, 'just now'],
    [-5 * MIN, 'just now'],
    [1 * MIN, '1 min ago'],
    [59 * MIN, '59 min ago'],
    [60 * MIN, '1 h ago'],
    [23 * 60 * MIN, '23 h ago'],
    [24 * 60 * MIN, '1 d ago'],
    [6 * 24 * 60 * MIN, '6 d ago'],
  ])('%i ms ago -> %s', (ago, text) => {
    expect(formatRelative(NOW - ago, NOW)).toBe(text);
  });

  it('shows a date for anything older than a week', () => {
    expect(formatRelative(NOW - 30 * 24 * 60 * MIN, NOW)).not.toMatch(/ago/);
  });
});

describe('formatAbsolute and dates (formatters are built once)', () => {
  it('says what toLocaleString and toLocaleDateString say', () => {
    for (const at of [NOW, NOW - 400 * 24 * 60 * MIN, Date.UTC(2025, 0, 1, 23, 59)]) {
      expect(formatAbsolute(at)).toBe(new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
    }
    expect(formatRelative(NOW - 30 * 24 * 60 * MIN, NOW)).toBe(
      new Date(NOW - 30 * 24 * 60 * MIN).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }),
    );
    const lastYear = NOW - 400 * 24 * 60 * MIN;
    expect(formatRelative(lastYear, NOW)).toBe(new Date(lastYear).toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: 'numeric' }));
  });
});
