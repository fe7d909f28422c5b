/**
 * Where SAM is. Empty base URL = same origin: the simulator (MSW) answers in the browser, and in live
 * mode Vite's proxy forwards /api to the real deployment so the session cookie stays first-party.
 * `VITE_SAM_API_URL` points a deployed build straight at a SAM API that allows its origin.
 */
const base = (import.meta.env.VITE_SAM_API_URL ?? '').replace(/\/+$/, '');

export const config = {
  apiBaseUrl: base,
  simulated: __SIMULATED__,
};

/** The ws(s):// URL for a stream path, relative to the API base (or to this page when it is empty). */
export function socketUrl(path: string, query?: Record<string, string>): string {
  const origin = config.apiBaseUrl || (typeof location === 'undefined' ? 'http://localhost' : location.origin);
  const url = new URL(path, origin);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url.toString();
}
