import { useId, useState } from 'react';
import type { SessionState } from '../../../api/contract';
import { CopyableId } from '../../../ui/CopyableId';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { StatusBadge } from '../../../ui/StatusBadge';
import { canFork, canRetry, describeActivity } from '../affordances';
import type { LineageActions } from '../chatTypes';
import { LineageButtons } from '../LineageButtons';
import type { SessionEntry } from '../../../reconcile/types';
import { Fact } from './Fact';
import { SourceRow, SubtaskRow } from './SourceRow';
import { TaskError, TaskFacts } from './TaskFacts';

interface ChatHeaderProps {
  projectId: string;
  entry: SessionEntry;
  agentState: SessionState | null;
  lineageActions: LineageActions;
}

/** Topic and state (with its reason) always; the agent, task, source and actions behind "Details". */
export function ChatHeader({ projectId, entry, agentState, lineageActions }: ChatHeaderProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { session, view, task, lineage } = entry;
  const derived = lineage.kind === 'retry' || lineage.kind === 'fork' ? lineage : null;
  return (
    <header className="shrink-0 border-b border-line bg-surface px-3 py-2 sm:px-4">
      <div className="flex min-w-0 items-start gap-2">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold" title={session.topic ?? undefined}>
            {session.topic || 'Untitled chat'}
          </h1>
          <p className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
            <StatusBadge state={view.state} label={view.label} />
            {/* The reason already says when ("task failed 2 min ago: …"). */}
            <span className="min-w-0 break-words text-muted">{view.reason}</span>
            {view.stale && <span className="text-state-attention">may be out of date</span>}
            {derived && !open && <span className="min-w-0 truncate text-muted">{derived.text}</span>}
          </p>
        </div>
        <DisclosureButton open={open} onToggle={setOpen} controls={detailsId} className="shrink-0 px-2">
          Details
        </DisclosureButton>
      </div>
      <div id={detailsId} hidden={!open} className="mt-2 max-h-[50dvh] overflow-y-auto">
        {open && (
          <div className="flex flex-col gap-3 pb-1">
            {task && <TaskError task={task} view={view} />}
            <dl className="grid min-w-0 gap-3 sm:grid-cols-2">
              {agentState && !view.ended && <Fact term="Agent">{describeActivity(agentState.activity, agentState)}</Fact>}
              {task && <TaskFacts task={task} />}
              <Fact term="Session">
                <CopyableId label="Session" value={session.id} hideLabel />
              </Fact>
              {derived && <SourceRow projectId={projectId} lineage={derived} />}
              {lineage.kind === 'subtask' && <SubtaskRow parentTaskId={lineage.parentTaskId} />}
            </dl>
            <LineageButtons showRetry={canRetry(view)} showFork={canFork(entry)} actions={lineageActions} />
          </div>
        )}
      </div>
    </header>
  );
}
