/*
 * The tab shows the fleet (issue 16 item 4): the favicon carries what needs you (the bell's count, the one
 * the title shows as "(3) Lookout") and turns red while something failed and nobody has looked
 * (needsYou `hasUnseenFailure`). Pure: the badge and the icon's SVG come from the inputs;
 * features/notifications/favicon.ts puts them on the page, loaded after the first paint.
 */

/** The most a 16 px icon can show legibly; more reads "9+". */
export const MAX_SHOWN = 9;

export interface FleetBadge {
  /** What needs you, never negative. */
  count: number;
  /** What the icon says: "3", "9+"; null for no number (nothing needs you). */
  text: string | null;
  /** The dot's colour: `failed` while a failure is unseen, else `attention` when something needs you; null for no dot. */
  tone: 'failed' | 'attention' | null;
}

export function fleetBadge(input: { count: number; failed: boolean }): FleetBadge {
  const count = Number.isFinite(input.count) ? Math.max(0, Math.floor(input.count)) : 0;
  const text = count === 0 ? null : count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(count);
  const tone = input.failed ? 'failed' : count > 0 ? 'attention' : null;
  return { count, text, tone };
}

/** The light theme's state colours (src/app/styles.css): white text on them passes contrast. */
const TONE_FILL = { failed: '#c62a2f', attention: '#a15c00' } as const;

/** public/favicon.svg's mark, drawn small enough to leave the top-right corner to the badge. */
const MARK =
  '<rect width="32" height="32" rx="8" fill="#2952cc"/><circle cx="16" cy="16" r="7" fill="none" stroke="#fff" stroke-width="3"/><circle cx="16" cy="16" r="2.5" fill="#fff"/>';

/** The icon as SVG: the mark, plus a dot (with the count when there is one) when the badge has a tone. */
export function faviconSvg(badge: FleetBadge): string {
  const head = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">';
  if (badge.tone === null) return `${head}${MARK}</svg>`;
  const fill = TONE_FILL[badge.tone];
  const dot = `<circle cx="22" cy="10" r="10" fill="${fill}" stroke="#fff" stroke-width="1.5"/>`;
  const size = badge.text !== null && badge.text.length > 1 ? 12 : 15;
  const text =
    badge.text === null
      ? ''
      : `<text x="22" y="10" dy="0.36em" text-anchor="middle" font-family="system-ui,sans-serif" font-size="${size}" font-weight="700" fill="#fff">${badge.text}</text>`;
  return `${head}${MARK}${dot}${text}</svg>`;
}

/** The default icon's address, put back when nothing needs you. */
export const PLAIN_FAVICON = '/favicon.svg';

/** The favicon's href: the plain icon when there is nothing to say, else the badge as an SVG data URL. */
export function faviconHref(badge: FleetBadge): string {
  return badge.tone === null ? PLAIN_FAVICON : `data:image/svg+xml,${encodeURIComponent(faviconSvg(badge))}`;
}
