import { useLayoutEffect, useRef, useState } from 'react';
import { useBootLog, type BootLogStatus } from '../../../live/react/machine';
import { Button } from '../../../ui/Button';

const STATUS_TEXT: Record<BootLogStatus, string> = {
  connecting: 'Connecting to the workspace…',
  streaming: 'Streaming',
  complete: 'Boot finished',
  closed: 'The workspace closed the stream',
  unavailable: 'The boot log is not available',
};

/** How close to the bottom (px) still counts as "reading the tail". */
const TAIL_SLACK_PX = 24;

/**
 * The VM agent's boot log as plain text (never markup), newest at the bottom. While the reader is at the
 * bottom it follows new lines; scrolled up, it stays where they are.
 */
export function BootLogPanel(props: BootLogProps) {
  // Opening again is a new stream: a new mount.
  const [attempt, setAttempt] = useState(0);
  return <BootLog key={attempt} {...props} reopen={() => setAttempt((n) => n + 1)} />;
}

interface BootLogProps {
  workspaceId: string;
  workspaceUrl: string | null;
}

function BootLog({ workspaceId, workspaceUrl, reopen }: BootLogProps & { reopen(): void }) {
  const { status, log, problem } = useBootLog(workspaceId, workspaceUrl);
  const scroller = useRef<HTMLDivElement>(null);
  const atTail = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atTail.current) el.scrollTop = el.scrollHeight;
  }, [log]);
  const onScroll = () => {
    const el = scroller.current;
    if (el) atTail.current = el.scrollHeight - el.scrollTop - el.clientHeight <= TAIL_SLACK_PX;
  };
  return (
    <section aria-label="Boot log" className="mt-1 flex flex-col gap-1">
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
        <span>{STATUS_TEXT[status]}</span>
        {problem && <span className="min-w-0 break-words">{problem}</span>}
        {log.dropped > 0 && <span>{log.dropped.toLocaleString()} older lines not kept</span>}
        {(status === 'closed' || status === 'unavailable') && (
          <Button variant="ghost" onClick={reopen} className="ml-auto">
            Open again
          </Button>
        )}
      </p>
      <div
        ref={scroller}
        onScroll={onScroll}
        tabIndex={0}
        aria-label="Boot log lines"
        className="max-h-[40dvh] overflow-y-auto overscroll-contain rounded border border-line bg-canvas p-2 font-mono text-xs"
      >
        {log.lines.length === 0 ? (
          <p className="text-muted">{status === 'connecting' || status === 'streaming' ? 'No lines yet.' : 'No lines.'}</p>
        ) : (
          <ol className="flex flex-col gap-0.5">
            {log.lines.map((line) => (
              <li
                key={line.id}
                data-status={line.status ?? undefined}
                className={`break-words whitespace-pre-wrap ${line.status === 'failed' ? 'text-state-failed' : ''}`}
              >
                {line.status === 'failed' && (
                  <>
                    <span aria-hidden="true">✗ </span>
                    <span className="sr-only">Failed: </span>
                  </>
                )}
                {line.text}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
