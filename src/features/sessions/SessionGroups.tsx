import { useId } from 'react';
import type { SessionGroup, SessionGroupKey } from '../../reconcile/sessionGroups';
import { SessionListItem } from './SessionListItem';
import type { SessionEntry } from '../../reconcile/types';
import { useRovingFocus } from './useRovingFocus';

const HEADING: Record<SessionGroupKey, string> = {
  needs_you: 'Needs you',
  working: 'Working',
  recent: 'Recent',
  older: 'Older',
};

interface SessionGroupsProps {
  projectId: string;
  groups: readonly SessionGroup<SessionEntry>[];
  selectedSessionId: string | null;
  onNavigate?: () => void;
}

/** The grouped sessions: one tab stop, arrow keys move through every group, Enter opens. */
export function SessionGroups({ projectId, groups, selectedSessionId, onNavigate }: SessionGroupsProps) {
  const idPrefix = useId();
  const ids = groups.flatMap((group) => group.entries.map((entry) => entry.session.id));
  const { activeId, onKeyDown, onItemFocus } = useRovingFocus(ids, selectedSessionId);
  return (
    <div onKeyDown={onKeyDown} className="flex flex-col gap-3">
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`${idPrefix}-${group.key}`}>
          <h3 id={`${idPrefix}-${group.key}`} className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-muted">
            {HEADING[group.key]} <span className="font-normal">({group.entries.length})</span>
          </h3>
          <ul className="flex flex-col gap-0.5">
            {group.entries.map((entry) => (
              <li key={entry.session.id}>
                <SessionListItem
                  projectId={projectId}
                  entry={entry}
                  selected={entry.session.id === selectedSessionId}
                  tabStop={entry.session.id === activeId}
                  onFocus={onItemFocus}
                  onNavigate={onNavigate}
                />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
