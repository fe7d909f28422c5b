import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { followsAfterScroll } from './followDecision';

describe('followsAfterScroll', () => {
  it('leaves the end when the reader scrolls up', () => {
    expect(followsAfterScroll({ following: true, nearEnd: false, movedUp: true, byReader: true })).toBe(false);
  });

  it('keeps following when content grew under a programmatic scroll', () => {
    // The list scrolled down to the end, but the stream added more before the scroll event ran.
    expect(followsAfterScroll({ following: true, nearEnd: false, movedUp: false, byReader: false })).toBe(true);
    // The virtualizer corrected its estimates and moved the list up by itself.
    expect(followsAfterScroll({ following: true, nearEnd: false, movedUp: true, byReader: false })).toBe(true);
  });

  it('does not start following a reader who scrolls down but not yet to the end', () => {
    expect(followsAfterScroll({ following: false, nearEnd: false, movedUp: false, byReader: true })).toBe(false);
  });

  it('follows again whenever the end is reached, however it was reached', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (following, movedUp, byReader) => {
        expect(followsAfterScroll({ following, nearEnd: true, movedUp, byReader })).toBe(true);
      }),
    );
  });

  it('stops following only by the reader moving up', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (nearEnd, movedUp, byReader) => {
        const stops = !followsAfterScroll({ following: true, nearEnd, movedUp, byReader });
        if (stops) expect(movedUp && byReader && !nearEnd).toBe(true);
      }),
    );
  });
});
