const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "2 d ago", then a date. A time in the future (clock skew) is "just now". */
export function formatRelative(at: number, now: number): string {
  const elapsed = now - at;
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} d ago`;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return (sameYear ? formats().dayThisYear : formats().day).format(at);
}

/** The full local date and time, for a tooltip. */
export function formatAbsolute(at: number): string {
  return formats().absolute.format(at);
}

/** The local clock time: "11:55 AM". */
export function formatClockTime(at: number): string {
  return formats().clock.format(at);
}

/*
 * `toLocaleString(undefined, options)` builds a new Intl.DateTimeFormat on every call (a fraction of a
 * millisecond): with a row re-rendering on every streamed chunk of 50 sessions, that was the sidebar's
 * biggest cost. The same formats, built once (on first use) and reused, give the same strings.
 */
let cached: { absolute: Intl.DateTimeFormat; clock: Intl.DateTimeFormat; dayThisYear: Intl.DateTimeFormat; day: Intl.DateTimeFormat } | null = null;
function formats() {
  cached ??= {
    absolute: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }),
    clock: new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }),
    dayThisYear: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }),
    day: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' }),
  };
  return cached;
}
