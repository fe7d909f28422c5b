/**
 * SAM sends time three ways: ISO-8601 strings (tasks, notifications), `YYYY-MM-DD HH:MM:SS` with no
 * zone (some task failure paths), and epoch milliseconds (sessions, messages, activity). Everything
 * inside Lookout is epoch milliseconds; this is the one place that converts.
 */

const SQL_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Epoch ms for any timestamp form SAM sends, or null when the value is not a time at all. */
export function toEpochMs(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const sql = SQL_DATETIME.exec(trimmed);
  // A zone-less timestamp is UTC on SAM's side; Date.parse would read it as local time.
  const iso = sql ? `${sql[1]}T${sql[2]}Z` : HAS_ZONE.test(trimmed) || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const SECOND = 1000;

/**
 * The span of real time a parsed timestamp may stand for. SAM writes some task versions with
 * `datetime('now')` (whole seconds, truncated), so a whole-second value may be any millisecond of that
 * second; any other value is exact. (An ISO value that happens to end in `.000` is treated as whole: the
 * cost is only a fall-back to request order.)
 */
export function timeSpan(ms: number): { from: number; to: number } {
  return ms % SECOND === 0 ? { from: ms, to: ms + SECOND - 1 } : { from: ms, to: ms };
}
