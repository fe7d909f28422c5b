import { useConnectionStore } from '../state/connection';

/**
 * What reached Lookout that it could not use, in live mode as in the simulator: frames dropped as
 * invalid, frames of types it does not know, events skipped, messages cut, each by kind, and the last
 * thing that went wrong. Nothing SAM sends is lost silently: it is counted here.
 */
export function StreamDiagnostics({ onClose }: { onClose: () => void }) {
  const { droppedFrames, ignoredFrames, skippedEvents, cutMessages, byKind, lastDropReason, lastProblem, lastLiveAt } = useConnectionStore();
  const kinds = Object.entries(byKind).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return (
    <div
      role="dialog"
      aria-label="Stream diagnostics"
      className="absolute right-0 z-30 mt-1 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-line bg-surface p-3 text-sm shadow-lg"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1">
        <dt className="text-muted">Invalid frames dropped</dt>
        <dd data-testid="dropped-frames">{droppedFrames}</dd>
        <dt className="text-muted">Unused frames ignored</dt>
        <dd>{ignoredFrames}</dd>
        <dt className="text-muted">Events skipped</dt>
        <dd data-testid="skipped-events">{skippedEvents}</dd>
        <dt className="text-muted">Long messages cut</dt>
        <dd data-testid="cut-messages">{cutMessages}</dd>
        <dt className="text-muted">Last live</dt>
        <dd>{lastLiveAt ? new Date(lastLiveAt).toLocaleTimeString() : 'never'}</dd>
      </dl>
      {kinds.length > 0 && (
        <details className="mt-2">
          <summary className="min-h-11 cursor-pointer content-center text-muted">By kind</summary>
          <ul aria-label="Counts by kind" className="max-h-40 overflow-y-auto text-xs">
            {kinds.map(([kind, n]) => (
              <li key={kind} className="flex justify-between gap-3">
                <span className="break-all">{kind}</span>
                <span>{n}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {lastDropReason && <p className="mt-2 break-words text-xs text-muted">Last dropped: {lastDropReason}</p>}
      {lastProblem && lastProblem !== lastDropReason && <p className="mt-2 break-words text-xs text-muted">Last problem: {lastProblem}</p>}
      <button type="button" className="mt-2 min-h-11 w-full rounded-md border border-line" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
