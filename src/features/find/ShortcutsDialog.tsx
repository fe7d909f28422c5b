import { useId } from 'react';
import { ModalDialog } from './ModalDialog';
import { SHORTCUTS } from './shortcuts';

/** `?`: every keyboard shortcut of the app, where it works and what it does. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const titleId = useId();
  return (
    <ModalDialog label="Keyboard shortcuts" onClose={onClose}>
      <div className="flex items-center justify-between gap-2 border-b border-line px-3 py-1">
        <h2 id={titleId} className="font-semibold">
          Keyboard shortcuts
        </h2>
        {/* The first focusable element: focus lands here as the dialog opens. */}
        <button type="button" onClick={onClose} className="min-h-11 rounded-md px-2 text-sm text-muted hover:bg-raised">
          Close
        </button>
      </div>
      {/* Focusable, so that a keyboard can scroll the list where it is taller than the screen. */}
      <div tabIndex={0} role="region" aria-labelledby={titleId} className="min-h-0 overflow-y-auto overscroll-contain px-3 py-2">
        {SHORTCUTS.map((group) => (
          <section key={group.where} className="mb-3">
            <h3 className="mb-1 text-sm font-medium text-muted">{group.where}</h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {group.keys.map(({ keys, does }) => (
                <div key={keys.join('+')} className="contents">
                  <dt className="whitespace-nowrap">
                    {keys.map((key, i) => (
                      <span key={key}>
                        {i > 0 && ' or '}
                        <kbd className="rounded border border-line bg-raised px-1 font-mono text-xs">{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd className="min-w-0">{does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
