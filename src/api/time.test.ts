import { describe, expect, it } from 'vitest';
import { toEpochMs } from './time';

describe('toEpochMs', () => {
  it.each([
    ['ISO with Z', '2026-11-21T10:00:00.000Z', Date.UTC(2026, 10, 21, 10)],
    ['ISO with offset', '2026-11-21T12:00:00+02:00', Date.UTC(2026, 10, 21, 10)],
    ['SQL form, read as UTC', '2026-11-21 10:00:00', Date.UTC(2026, 10, 21, 10)],
    ['ISO without zone, read as UTC', '2026-11-21T10:00:00', Date.UTC(2026, 10, 21, 10)],
    ['epoch ms', 1795255200000, 1795255200000],
    ['epoch ms as a string', '1795255200000', 1795255200000],
  ])('%s', (_, input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([['not a date'], [''], [Number.NaN], ['2026-13-45 99:99:99']])('rejects %j', (input) => {
    expect(toEpochMs(input)).toBeNull();
  });
});
