import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../../api/queries';
import { describeError } from '../../../api/http';
import { useChatScope } from '../chatScope';
import { formatBytes, toolOutputText } from './toolPayload';
import { ToolPayload } from './ToolPayload';
import type { ItemOf } from './itemTypes';

/**
 * The output of a tool call that SAM's compact mode left out of the page: its size and a Load button,
 * then the output itself. It is never presented as "no output".
 */
export function OmittedOutput({ item, bytes }: { item: ItemOf<'tool'>; bytes: number }) {
  const scope = useChatScope();
  const [wanted, setWanted] = useState(false);
  const summary = `${formatBytes(bytes)} of output`;
  if (!scope) return <OutputNote>{summary}, not loaded</OutputNote>;
  if (!wanted) {
    return (
      <OutputNote>
        {summary}, <LoadButton onClick={() => setWanted(true)}>Load</LoadButton>
      </OutputNote>
    );
  }
  return <LoadedOutput item={item} summary={summary} projectId={scope.projectId} sessionId={scope.sessionId} />;
}

function LoadedOutput({ item, summary, projectId, sessionId }: { item: ItemOf<'tool'>; summary: string; projectId: string; sessionId: string }) {
  const output = useQuery(queries.toolContent(projectId, sessionId, item.id, item.messageIds));
  if (output.isPending) return <OutputNote>Loading {summary}…</OutputNote>;
  if (output.isError) {
    return (
      <OutputNote>
        <span className="text-state-failed">
          {summary} could not be loaded: {describeError(output.error)}
        </span>{' '}
        <LoadButton onClick={() => void output.refetch()}>Try again</LoadButton>
      </OutputNote>
    );
  }
  const text = toolOutputText({ ...item.metadata, content: output.data });
  if (text === '') return <OutputNote>SAM no longer has the {summary}.</OutputNote>;
  return <ToolPayload label="Output" text={text} />;
}

function OutputNote({ children }: { children: React.ReactNode }) {
  return (
    <section className="min-w-0">
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Output</h4>
      <p className="text-sm text-muted">{children}</p>
    </section>
  );
}

function LoadButton({ onClick, children }: { onClick(): void; children: React.ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="inline-flex min-h-11 items-center text-accent underline pointer-fine:min-h-8">
      {children}
    </button>
  );
}
