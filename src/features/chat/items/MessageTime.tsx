import { RelativeTime } from '../../../ui/RelativeTime';
import { formatClockTime } from '../../../ui/formatRelative';

/**
 * When a message was written: "5 min ago", the exact date and time on hover. A touch screen has no
 * hover, so there the clock time is shown beside it.
 */
export function MessageTime({ at, align = 'start' }: { at: number; align?: 'start' | 'end' }) {
  return (
    <p className={`text-xs text-muted ${align === 'end' ? 'text-right' : ''}`}>
      <RelativeTime at={at} />
      <span className="pointer-fine:hidden"> · {formatClockTime(at)}</span>
    </p>
  );
}
