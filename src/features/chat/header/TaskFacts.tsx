import type { Task } from '../../../api/contract';
import type { SessionView } from '../../../reconcile/types';
import { CopyableId } from '../../../ui/CopyableId';
import { externalHttpUrl } from '../markdown/safeUrl';
import { Fact } from './Fact';

/** What the task produced: branch, pull request, summary (terms and definitions of the details list). */
export function TaskFacts({ task }: { task: Task }) {
  const prUrl = externalHttpUrl(task.outputPrUrl);
  return (
    <>
      <Fact term="Task">
        <CopyableId label="Task" value={task.id} hideLabel />
      </Fact>
      {task.outputBranch && (
        <Fact term="Branch" wide>
          <code className="break-all font-mono text-xs">{task.outputBranch}</code>
        </Fact>
      )}
      {task.outputPrUrl && (
        <Fact term="Pull request" wide>
          {prUrl ? (
            <a href={prUrl} target="_blank" rel="noopener noreferrer" className="break-all text-accent underline">
              {prUrl}
            </a>
          ) : (
            <span className="break-all">{task.outputPrUrl}</span>
          )}
        </Fact>
      )}
      {task.outputSummary && (
        <Fact term="Summary" wide>
          <span className="whitespace-pre-wrap">{task.outputSummary}</span>
        </Fact>
      )}
    </>
  );
}

/**
 * Why the task failed, in its own words, while the session shows as failed: only when the reason (said
 * by the header or the composer) had to shorten or flatten it, so the failure is not said twice.
 */
export function TaskError({ task, view }: { task: Task; view: SessionView }) {
  if (view.state !== 'failed' || !task.errorMessage || view.reason.includes(task.errorMessage.trim())) return null;
  return (
    <div className="rounded-md border border-state-failed/40 p-2">
      <p className="flex items-center gap-1.5 text-sm font-semibold text-state-failed">
        <span aria-hidden="true">✕</span>The full error
      </p>
      <p className="mt-1 whitespace-pre-wrap break-words text-sm">{task.errorMessage}</p>
    </div>
  );
}
