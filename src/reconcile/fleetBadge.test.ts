import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHOWN, PLAIN_FAVICON, faviconHref, faviconSvg, fleetBadge } from './fleetBadge';

const decode = (href: string) => decodeURIComponent(href.replace(/^data:image\/svg\+xml,/, ''));

describe('fleetBadge and the favicon', () => {
  it('is the plain icon when nothing needs you and nothing failed', () => {
    expect(fleetBadge({ count: 0, failed: false })).toEqual({ count: 0, text: null, tone: null });
    expect(faviconHref(fleetBadge({ count: 0, failed: false }))).toBe(PLAIN_FAVICON);
  });

  it('carries the count on an attention dot, and turns the dot red while a failure is unseen', () => {
    const three = faviconHref(fleetBadge({ count: 3, failed: false }));
    expect(three).toMatch(/^data:image\/svg\+xml,/);
    expect(decode(three)).toContain('>3</text>');
    expect(decode(three)).toContain('#a15c00');
    expect(decode(faviconHref(fleetBadge({ count: 3, failed: true })))).toContain('#c62a2f');
  });

  it('shows a red dot without a number when only a failure is unseen', () => {
    const svg = faviconSvg(fleetBadge({ count: 0, failed: true }));
    expect(svg).toContain('#c62a2f');
    expect(svg).not.toContain('<text');
  });

  it('caps what it shows at "9+"', () => {
    expect(fleetBadge({ count: 9, failed: false }).text).toBe('9');
    expect(fleetBadge({ count: 10, failed: false }).text).toBe('9+');
    expect(decode(faviconHref(fleetBadge({ count: 250, failed: false })))).toContain('>9+</text>');
  });

  it('is a well-formed SVG a data URL can carry (no raw "#" or "<" left in the href)', () => {
    const href = faviconHref(fleetBadge({ count: 12, failed: true }));
    expect(href.slice('data:image/svg+xml,'.length)).not.toMatch(/[#<>"]/);
    expect(decode(href)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<\/svg>$/);
  });
});

describe('fleetBadge, properties', () => {
  const count = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity));

  it('never shows a negative or fractional count, and its number is the count or "9+"', () => {
    fc.assert(
      fc.property(count, fc.boolean(), (n, failed) => {
        const badge = fleetBadge({ count: n, failed });
        expect(Number.isInteger(badge.count) && badge.count >= 0).toBe(true);
        if (badge.count === 0) expect(badge.text).toBeNull();
        else expect(badge.text).toBe(badge.count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(badge.count));
      }),
    );
  });

  it('is red iff something failed, and plain iff nothing needs you and nothing failed', () => {
    fc.assert(
      fc.property(count, fc.boolean(), (n, failed) => {
        const badge = fleetBadge({ count: n, failed });
        expect(badge.tone === 'failed').toBe(failed);
        expect(faviconHref(badge) === PLAIN_FAVICON).toBe(!failed && badge.count === 0);
        expect(faviconSvg(badge).includes('#c62a2f')).toBe(failed);
      }),
    );
  });

  it('a different badge draws a different icon (the tab changes when the count does)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SHOWN + 1 }), fc.integer({ min: 0, max: MAX_SHOWN + 1 }), fc.boolean(), (a, b, failed) => {
        fc.pre(a !== b);
        expect(faviconHref(fleetBadge({ count: a, failed }))).not.toBe(faviconHref(fleetBadge({ count: b, failed })));
      }),
    );
  });
});
