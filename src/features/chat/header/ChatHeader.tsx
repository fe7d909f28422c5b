import { useId, useState } from 'react';
import type { SessionState } from '../../../api/contract';
import { CopyableId } from '../../../ui/CopyableId';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { StatusBadge } from '../../../ui/StatusBadge';
import { canFork, canRetry } from '../lineage/affordances';
import { describeActivity } from './describeActivity';
import type { ConversationHistory, LineageActions, LineageChildLink } from '../chatTypes';
import { LineageButtons } from '../lineage/LineageButtons';
import type { SessionEntry } from '../../../reconcile/types';
import { ChildLink, ChildrenRow } from './ChildLinks';
import { ChangesLink } from './ChangesLink';
import { CopyLinkButton } from './CopyLinkButton';
import { Fact } from './Fact';
import { SourceRow, SubtaskRow } from './SourceRow';
import { TaskError, TaskFacts } from './TaskFacts';
import { promptAcceptance } from '../../../reconcile/pendingSends';
import { ExportButton } from './ExportButton';
import { TurnList } from './TurnList';

interface ChatHeaderProps {
  projectId: string;
  entry: SessionEntry;
  agentState: SessionState | null;
  lineageActions: LineageActions;
  /** What Export as Markdown writes: the loaded conversation. */
  history: Pick<ConversationHistory, 'items' | 'hasEarlier'>;
  /** Scrolls the conversation to one of the prompts the turn list shows. */
  onJumpToTurn(itemId: string): void;
}

/** The child worth naming in the header line: the newest retry, else the newest fork. */
function headlineChild(children: readonly LineageChildLink[]): LineageChildLink | null {
  const retries = children.filter((child) => child.kind === 'retry');
  return retries.at(-1) ?? children.at(-1) ?? null;
}

/**
 * Topic and state always; the agent, task, source, retries and forks behind "Details". Each thing is
 * said once: while the chat cannot take a prompt the composer says why and offers Retry and Fork, so
 * the header keeps the state badge only and Details holds no second pair of buttons.
 */
export function ChatHeader({ projectId, entry, agentState, lineageActions, history, onJumpToTurn }: ChatHeaderProps) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const { session, view, task, lineage } = entry;
  const derived = lineage.kind === 'retry' || lineage.kind === 'fork' ? lineage : null;
  const children = lineageActions.children ?? [];
  const headline = headlineChild(children);
  // Said once: where the composer says why (the chat has ended and takes no prompt, or the agent's open
  // question with its options), the header keeps the badge only.
  const composerSaysWhy = promptAcceptance(view) === 'refused' || (view.attention !== null && !view.ended);
  return (
    <header className="shrink-0 border-b border-line bg-surface px-3 py-2 sm:px-4">
      <div className="flex min-w-0 items-start gap-1">
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-base font-semibold" title={session.topic ?? undefined}>
            {session.topic || 'Untitled chat'}
          </h1>
          <p className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
            <StatusBadge state={view.state} label={view.label} />
            {/* The reason already says when ("task failed 2 min ago: …"). */}
            {!composerSaysWhy && <span className="min-w-0 break-words text-muted">{view.reason}</span>}
            {view.stale && <span className="text-state-attention">may be out of date</span>}
            {derived && !open && <span className="min-w-0 truncate text-muted">{derived.text}</span>}
            {headline && !open && <ChildLink child={headline} />}
          </p>
        </div>
        <ChangesLink projectId={projectId} sessionId={session.id} />
        <CopyLinkButton projectId={projectId} sessionId={session.id} />
        <ExportButton projectId={projectId} entry={entry} items={history.items} hasEarlier={history.hasEarlier} />
        <DisclosureButton open={open} onToggle={setOpen} controls={detailsId} className="shrink-0 px-2">
          Details
        </DisclosureButton>
      </div>
      <div id={detailsId} hidden={!open} className="mt-1 max-h-[25dvh] overflow-y-auto overscroll-contain md:max-h-[50dvh]">
        {open && (
          <div className="flex flex-col gap-3">
            {task && <TaskError task={task} view={view} />}
            <dl className="grid min-w-0 grid-cols-2 gap-x-3 gap-y-2">
              {agentState && !view.ended && (
                <Fact term="Agent" wide>
                  {describeActivity(agentState.activity, agentState)}
                </Fact>
              )}
              {task && <TaskFacts task={task} />}
              <Fact term="Session">
                <CopyableId label="Session" value={session.id} hideLabel />
              </Fact>
              {derived && <SourceRow projectId={projectId} lineage={derived} />}
              {lineage.kind === 'subtask' && <SubtaskRow parentTaskId={lineage.parentTaskId} />}
              <ChildrenRow items={children} />
            </dl>
            <TurnList items={history.items} onJump={onJumpToTurn} />
            {!view.ended && <LineageButtons showRetry={canRetry(view)} showFork={canFork(entry)} actions={lineageActions} />}
          </div>
        )}
      </div>
    </header>
  );
}
