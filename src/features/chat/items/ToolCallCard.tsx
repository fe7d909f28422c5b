import { useExpanded } from '../useExpanded';
import { DisclosureButton } from '../../../ui/DisclosureButton';
import { formatPayload, omittedOutputBytes, toolOutputText } from './toolPayload';
import { OmittedOutput } from './OmittedOutput';
import { ToolPayload } from './ToolPayload';
import { ToolStatusBadge } from './ToolStatusBadge';
import type { ItemOf } from './itemTypes';

/**
 * A tool call: what it is, its status, the files it touched; input and output on demand. SAM keeps the
 * raw input only for a few tools, so the input shows only when there is one.
 */
export function ToolCallCard({ item }: { item: ItemOf<'tool'> }) {
  const [open, setOpen] = useExpanded(`${item.id}:tool`);
  const regionId = `tool-${item.id}`;
  const kind = item.toolKind ?? item.toolName;
  const input = formatPayload(item.metadata.rawInput);
  const omitted = omittedOutputBytes(item.metadata);
  return (
    <article
      aria-label={`Tool call: ${item.title}`}
      className={`min-w-0 rounded-lg border bg-surface p-2 ${item.status === 'failed' ? 'border-state-failed/50' : 'border-line'}`}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        <ToolStatusBadge status={item.status} />
        {kind && <span className="rounded bg-raised px-1.5 font-mono text-xs text-muted">{kind}</span>}
        {/* At least 12rem wide: on a phone the title takes its own line instead of a narrow column. */}
        <DisclosureButton open={open} onToggle={setOpen} controls={regionId} className="min-w-[min(12rem,100%)] flex-1 px-1">
          <span className="min-w-0 break-words font-medium">{item.title || 'Tool call'}</span>
          <span className="sr-only">{open ? ', hide input and output' : ', show input and output'}</span>
        </DisclosureButton>
      </div>
      {item.locations.length > 0 && (
        <ul aria-label="Files" className="mt-1 flex flex-col gap-0.5 pl-1">
          {item.locations.map((location, index) => (
            <li key={index} className="font-mono text-xs break-all text-muted">
              {location.path}
              {location.line !== null && `:${location.line}`}
            </li>
          ))}
        </ul>
      )}
      <div id={regionId} hidden={!open} className="mt-2">
        {open && (
          <div className="flex flex-col gap-2">
            {input !== '' && <ToolPayload label="Input" text={input} />}
            {omitted !== null ? <OmittedOutput item={item} bytes={omitted} /> : <ToolPayload label="Output" text={toolOutputText(item.metadata)} />}
          </div>
        )}
      </div>
    </article>
  );
}
