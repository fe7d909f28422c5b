import { useNow } from '../live/react';
import { useRestoredAsOf } from '../live/react/useRestoredAsOf';
import { formatClockTime, formatRelative } from '../ui/formatRelative';

/**
 * A reopened tab paints the copy kept from its last visit (src/live/persist) at once; until SAM has
 * answered for what is on screen, this line says that it is a saved copy and how old it is.
 */
export function RestoredMark() {
  const asOf = useRestoredAsOf();
  const now = useNow();
  if (asOf === null) return null;
  return (
    <p role="status" data-testid="restored-mark" className="border-b border-line bg-raised px-3 py-1 text-xs text-muted sm:text-sm">
      Saved copy as of {formatClockTime(asOf)} ({formatRelative(asOf, now)}), updating…
    </p>
  );
}
