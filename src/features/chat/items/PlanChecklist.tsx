import type { PlanEntry } from '../../../api/contract';
import type { ItemOf } from './itemTypes';

const LOOK: Record<string, { icon: string; label: string; tone: string }> = {
  completed: { icon: '☑', label: 'done', tone: 'text-state-done line-through decoration-1' },
  in_progress: { icon: '◐', label: 'in progress', tone: 'text-state-working font-medium' },
  pending: { icon: '☐', label: 'to do', tone: 'text-fg' },
};
const UNKNOWN = { icon: '◌', label: 'status unknown', tone: 'text-muted' };

export function PlanList({ entries }: { entries: readonly PlanEntry[] }) {
  return (
    <ul className="flex flex-col gap-1">
      {entries.map((entry, index) => {
        const look = LOOK[entry.status] ?? UNKNOWN;
        return (
          <li key={index} className="flex min-w-0 items-start gap-2 text-sm">
            <span aria-hidden="true" className={`shrink-0 ${look.tone}`}>
              {look.icon}
            </span>
            <span className={`min-w-0 break-words ${look.tone}`}>
              {entry.content}
              <span className="sr-only"> ({look.label})</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** The agent's plan at this point of the conversation, as a checklist. */
export function PlanChecklist({ item }: { item: ItemOf<'plan'> }) {
  const done = item.entries.filter((entry) => entry.status === 'completed').length;
  return (
    <section className="min-w-0 rounded-lg border border-line bg-surface p-3">
      <h3 className="mb-2 text-sm font-semibold">
        Plan{' '}
        <span className="font-normal text-muted">
          {done} of {item.entries.length} done
        </span>
      </h3>
      <PlanList entries={item.entries} />
    </section>
  );
}
