/* Words for times and errors inside reasons. Pure: `now` is always passed in. */

/** "just now", "4 min ago", "3 h ago", "2 d ago". A time in the future (clock skew) is "just now". */
export function ago(at: number, now: number): string {
  const seconds = Math.floor((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

/** Local wall-clock time, "12:03". */
export function clockTime(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

const MAX_ERROR_CHARS = 160;

/** An error message fit for one line of a reason: whitespace collapsed, cut at MAX_ERROR_CHARS. */
export function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_ERROR_CHARS ? `${flat.slice(0, MAX_ERROR_CHARS - 1)}…` : flat;
}

/** "node_provisioning" -> "node provisioning". */
export function words(identifier: string): string {
  return identifier.replace(/_/g, ' ');
}
