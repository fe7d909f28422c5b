import { faviconHref, fleetBadge } from '../../reconcile/fleetBadge';

/*
 * Puts the fleet badge on the browser tab: the favicon (an SVG data URL, drawn by reconcile/fleetBadge) and,
 * where the browser has it (an installed app), the app icon's badge. No React, and not on the first screen:
 * useFleetFavicon loads it after the first paint.
 */

/** The Badging API, where supported (not in every browser's Navigator type). */
interface BadgingNavigator {
  setAppBadge?: (contents?: number) => Promise<void>;
  clearAppBadge?: () => Promise<void>;
}

/** The page's icon link (index.html has one; one is added if the page lost it). */
function iconLink(doc: Document): HTMLLinkElement {
  const found = doc.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (found) return found;
  const link = doc.createElement('link');
  link.rel = 'icon';
  link.type = 'image/svg+xml';
  doc.head.append(link);
  return link;
}

export function showFleetBadge(
  input: { count: number; failed: boolean },
  doc: Document = document,
  nav: BadgingNavigator = navigator as BadgingNavigator,
): void {
  const badge = fleetBadge(input);
  const link = iconLink(doc);
  const href = faviconHref(badge);
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
  // The app badge is a courtesy: a refusal (not installed, no permission) changes nothing on the page.
  const done = badge.count > 0 ? nav.setAppBadge?.(badge.count) : nav.clearAppBadge?.();
  done?.catch(() => {});
}
