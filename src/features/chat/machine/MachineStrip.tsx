import { useId, useState } from 'react';
import type { SessionRow, SessionState } from '../../../api/contract';
import { useNow } from '../../../live/react';
import { useKeepAlive, usePromptRetry, useWorkspace } from '../../../live/react/machine';
import { idleCountdown, idleDeadline, wakeProgress } from '../../../reconcile/machine';
import type { DisplayState } from '../../../reconcile/types';
import { Button } from '../../../ui/Button';
import { BootLogPanel } from './BootLogPanel';

export interface MachineStripProps {
  projectId: string;
  session: SessionRow;
  viewState: DisplayState;
  agentState: SessionState | null;
  /** The detail's `cleanupAt`: when SAM reclaims the idle workspace (the list route always sends null). */
  cleanupAt: number | null;
}

const RECOVERY_HELP = 'The devcontainer build failed, so SAM runs this chat in a fallback container. The boot log has the build’s error output.';

/**
 * Part of the lazy project view's chunk (with the boot log panel): as chunks of their own, rolldown split
 * two more eager chunks off the first screen (+1.6 KB gzip, over its budget).
 *
 * What the machine behind a chat is doing, in one strip under the header: a wake's phase, a recovery
 * container (with the way to the boot log), a prompt the agent is retrying, the idle cleanup's countdown
 * with Keep alive. Renders nothing when there is nothing to say.
 */
export function MachineStrip({ projectId, session, viewState, agentState, cleanupAt }: MachineStripProps) {
  const now = useNow();
  const logId = useId();
  const [logOpen, setLogOpen] = useState(false);
  const wake = wakeProgress({ recoveryStatus: agentState?.recoveryStatus ?? null, wakePhase: agentState?.wakePhase ?? null, sessionStatus: session.status });
  const workspace = useWorkspace(session.workspaceId, `${session.status}:${agentState?.recoveryStatus ?? ''}:${agentState?.wakePhase ?? ''}`);
  const retry = usePromptRetry(workspace, agentState);
  const keep = useKeepAlive(projectId, session.id);
  const countdown = viewState === 'idle' ? idleCountdown(idleDeadline(cleanupAt, keep.keptAliveUntil), now) : null;
  const recovery = workspace?.status === 'recovery';
  // The log stays open once opened, even when the workspace it belongs to finished booting meanwhile.
  const hasBootLog = workspace !== null && (recovery || workspace.status === 'creating' || logOpen);
  if (!wake && !recovery && !retry && !countdown && !logOpen) return null;

  const logButton = hasBootLog && (
    <Button variant="secondary" aria-expanded={logOpen} aria-controls={logId} onClick={() => setLogOpen(!logOpen)} className="shrink-0">
      {logOpen ? 'Hide boot log' : 'Boot log'}
    </Button>
  );
  return (
    <section aria-label="Machine" className="shrink-0 border-b border-line bg-surface px-3 py-1.5 text-sm sm:px-4">
      <div className="flex flex-col gap-1.5">
        {wake && (
          <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
            {!wake.failed && (
              <span aria-hidden="true" className="size-3.5 shrink-0 rounded-full border-2 border-state-working border-t-transparent motion-safe:animate-spin" />
            )}
            <span role="status" className={`min-w-0 flex-1 break-words ${wake.failed ? 'text-state-failed' : ''}`}>
              {wake.step !== null ? `Waking, step ${wake.step} of ${wake.of}: ${wake.label}` : wake.label}
            </span>
            {wake.step !== null && (
              <progress aria-label="Wake progress" max={wake.of} value={wake.step} className="h-1.5 w-16 shrink-0 accent-[var(--color-state-working)]" />
            )}
            {!recovery && logButton}
          </div>
        )}
        {!wake && !recovery && logOpen && <div className="flex justify-end">{logButton}</div>}
        {recovery && (
          <div className="flex min-w-0 flex-col gap-1">
            <div className="flex min-w-0 flex-wrap items-center justify-between gap-x-2 gap-y-1">
              <span className="inline-flex shrink-0 items-center gap-1 rounded border border-state-attention/40 px-1.5 py-0.5 text-xs font-medium text-state-attention">
                <span aria-hidden="true">⚠</span>Recovery container
              </span>
              {logButton}
            </div>
            <p className="min-w-0 break-words text-muted">{RECOVERY_HELP}</p>
          </div>
        )}
        {retry && (
          <p role="status" className="flex min-w-0 items-center gap-1.5 break-words text-state-attention">
            <span aria-hidden="true">↻</span>
            <span className="min-w-0 break-words">{retry.text}</span>
          </p>
        )}
        {countdown && (
          <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
            <span className={`min-w-0 flex-1 break-words ${countdown.urgent ? 'text-state-failed' : 'text-muted'}`}>{countdown.text}</span>
            <Button variant="secondary" onClick={keep.keepAlive} disabled={keep.pending} className="shrink-0">
              {keep.pending ? 'Keeping alive…' : 'Keep alive'}
            </Button>
            {keep.failed && <span className="text-state-failed">Keep alive did not reach SAM; try again.</span>}
          </div>
        )}
        <div id={logId} hidden={!(hasBootLog && logOpen)}>
          {hasBootLog && logOpen && workspace && <BootLogPanel workspaceId={workspace.id} workspaceUrl={session.workspaceUrl} />}
        </div>
      </div>
    </section>
  );
}
