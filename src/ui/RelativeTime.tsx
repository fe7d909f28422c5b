import { formatAbsolute, formatRelative } from './formatRelative';
import { useNow } from './useNow';

/** "5 min ago", with the exact time in a tooltip and in the `datetime` attribute. */
export function RelativeTime({ at, className }: { at: number; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={new Date(at).toISOString()} title={formatAbsolute(at)} className={className}>
      {formatRelative(at, now)}
    </time>
  );
}
