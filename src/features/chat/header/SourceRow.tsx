import { Link } from 'react-router';
import type { Lineage } from '../../../reconcile/types';
import { CopyableId } from '../../../ui/CopyableId';
import { chatPath } from '../../../ui/chatPath';
import { LineageText } from '../../../ui/LineageText';
import { Fact } from './Fact';

type DerivedLineage = Extract<Lineage, { kind: 'retry' | 'fork' }>;

/** Where a retry or fork came from: the parent (a link when its session is known) and its ids. */
export function SourceRow({ projectId, lineage }: { projectId: string; lineage: DerivedLineage }) {
  const title = lineage.parentTitle || 'the parent task';
  return (
    <Fact term="Source" wide>
      <span className="flex min-w-0 flex-col gap-1">
        <span className="flex min-w-0 flex-wrap items-center gap-x-2">
          {lineage.parentSessionId ? (
            <Link
              to={chatPath(projectId, lineage.parentSessionId)}
              className="inline-flex min-h-11 min-w-0 items-center break-words text-accent underline underline-offset-2 pointer-fine:min-h-0"
            >
              {title}
            </Link>
          ) : (
            <span className="min-w-0 break-words">{title}</span>
          )}
          <span className="text-sm text-muted">
            <LineageText text={lineage.text} />
          </span>
        </span>
        <CopyableId label="Parent task" value={lineage.parentTaskId} />
        {lineage.parentSessionId && <CopyableId label="Parent session" value={lineage.parentSessionId} />}
      </span>
    </Fact>
  );
}

/** A subtask was dispatched by another agent's task: not a fork, so no Source, just its parent. */
export function SubtaskRow({ parentTaskId }: { parentTaskId: string }) {
  return (
    <Fact term="Subtask of">
      <CopyableId label="Parent task" value={parentTaskId} hideLabel />
    </Fact>
  );
}
