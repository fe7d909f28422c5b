import { useRef, type KeyboardEvent } from 'react';
import { formatBadge, PANEL_TABS, type PanelTab, type TabBadge } from '../../reconcile/notifications';

const LABELS: Record<PanelTab, string> = { priority: 'Priority', updates: 'Updates', all: 'All' };

export const tabId = (tab: PanelTab) => `notification-tab-${tab}`;

interface NotificationTabsProps {
  tab: PanelTab;
  badges: Record<PanelTab, TabBadge>;
  onChange(tab: PanelTab): void;
  panelId: string;
}

/** A tablist: arrow keys (and Home/End) move between tabs and select them; only the selected one is a Tab stop. */
export function NotificationTabs({ tab, badges, onChange, panelId }: NotificationTabsProps) {
  const refs = useRef(new Map<PanelTab, HTMLButtonElement>());

  function moveTo(next: PanelTab) {
    onChange(next);
    refs.current.get(next)?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    const index = PANEL_TABS.indexOf(tab);
    const last = PANEL_TABS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % PANEL_TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + PANEL_TABS.length) % PANEL_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const next = target === null ? undefined : PANEL_TABS[target];
    if (!next) return;
    event.preventDefault();
    moveTo(next);
  }

  return (
    <div role="tablist" aria-label="Notification categories" className="flex border-b border-line" onKeyDown={onKeyDown}>
      {PANEL_TABS.map((name) => {
        const selected = name === tab;
        const badge = badges[name];
        return (
          <button
            key={name}
            ref={(node) => {
              if (node) refs.current.set(name, node);
              else refs.current.delete(name);
            }}
            id={tabId(name)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(name)}
            className={`inline-flex min-h-11 flex-1 items-center justify-center gap-1.5 border-b-2 px-2 text-sm ${
              selected ? 'border-accent font-semibold text-fg' : 'border-transparent text-muted hover:text-fg'
            }`}
          >
            {LABELS[name]}
            <span aria-hidden="true" className="rounded-full bg-raised px-1.5 text-xs tabular-nums">
              {formatBadge(badge)}
            </span>
            <span className="sr-only">({formatBadge(badge)} unread)</span>
          </button>
        );
      })}
    </div>
  );
}
