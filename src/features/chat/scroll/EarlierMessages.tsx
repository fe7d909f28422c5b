import { Spinner } from '../../../ui/Spinner';

/** The fixed-height bar above the first loaded message (the virtual list reserves this space). */
export const EARLIER_BAR_PX = 56;

interface EarlierMessagesProps {
  hasEarlier: boolean;
  isLoading: boolean;
  /** The last attempt failed: say so, and let the person try again. */
  failed: boolean;
  onLoadEarlier(): void;
}

export function EarlierMessages({ hasEarlier, isLoading, failed, onLoadEarlier }: EarlierMessagesProps) {
  return (
    <div className="absolute inset-x-0 top-0 flex items-center justify-center text-sm text-muted" style={{ height: EARLIER_BAR_PX }}>
      {isLoading ? (
        <span className="inline-flex items-center gap-2">
          <Spinner label="Loading earlier messages" />
          <span aria-hidden="true">Loading earlier messages…</span>
        </span>
      ) : hasEarlier ? (
        <button
          type="button"
          onClick={onLoadEarlier}
          className="inline-flex min-h-11 items-center rounded-md border border-line bg-surface px-3 text-fg hover:bg-raised"
        >
          {failed ? 'Could not load earlier messages. Try again' : 'Load earlier messages'}
        </button>
      ) : (
        <span>Beginning of the conversation</span>
      )}
    </div>
  );
}
