import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal `<dialog>`: the page behind it is inert, Tab stays inside, Escape and a click on the backdrop close it.
 * Closing unmounts it; the opener gives focus back to where it was.
 */
export function ModalDialog({ label, onClose, children }: { label: string; onClose(): void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={label}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => event.target === event.currentTarget && onClose()}
      className="mx-auto mt-2 w-[calc(100vw-1rem)] max-w-xl rounded-lg border border-line bg-surface p-0 text-fg shadow-xl backdrop:bg-black/50 sm:mt-[10vh]"
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col sm:max-h-[70vh]">{children}</div>
    </dialog>
  );
}
