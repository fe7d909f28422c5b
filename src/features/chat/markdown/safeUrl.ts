/** Link schemes a message may use. Everything else (javascript:, data:, vbscript:, file:, …) is dropped. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/**
 * Browsers skip whitespace and control characters around and inside a scheme ("java\tscript:"), so a
 * url is judged with all of them removed; that can only make more urls look like a scheme, never fewer.
 */
// eslint-disable-next-line no-control-regex
const IGNORABLE = /[\u0000-\u0020\u007f-\u009f]/g;
/**
 * A network-path reference ("//host/x") has no scheme yet leaves this app for another host. Browsers
 * read a backslash as a slash in http(s) urls, so "\\host", "/\host" and "\/host" go there too.
 */
const NETWORK_PATH = /^[\\/]{2}/;

/**
 * The url itself when it is safe to put in an href (http, https, mailto, or relative to this app),
 * otherwise null. A network-path reference comes back absolute (https://host/x), so that it is seen,
 * and treated, as the external link it is. Used as react-markdown's `urlTransform`, where null drops
 * the attribute.
 */
export function safeUrl(url: string): string | null {
  const compact = url.replace(IGNORABLE, '');
  if (compact === '') return null;
  if (NETWORK_PATH.test(compact)) return `https://${compact.replace(NETWORK_PATH, '').replace(/^[\\/]+/, '')}`;
  const scheme = SCHEME.exec(compact)?.[1];
  if (scheme === undefined) return url.trim();
  return ALLOWED_SCHEMES.has(scheme.toLowerCase()) ? url.trim() : null;
}

/** Does this (safe) url leave the app: an absolute url of any allowed scheme, or a network path? */
export function isExternalUrl(url: string): boolean {
  const safe = safeUrl(url);
  return safe !== null && SCHEME.test(safe.replace(IGNORABLE, ''));
}

/** Only absolute http(s) urls: for a link that leaves the app on purpose (a PR url from the task). */
export function externalHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const safe = safeUrl(url);
  return safe !== null && /^https?:\/\//i.test(safe) ? safe : null;
}
