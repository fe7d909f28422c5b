import { useId } from 'react';

/** Filters the loaded sessions by topic as the person types. */
export function SessionSearch({ value, onChange }: { value: string; onChange(value: string): void }) {
  const id = useId();
  return (
    <div className="px-3">
      <label htmlFor={id} className="sr-only">
        Search chats by topic
      </label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder="Search chats"
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        className="min-h-11 w-full rounded-md border border-line bg-surface px-3 text-base pointer-fine:min-h-9 pointer-fine:text-sm"
      />
    </div>
  );
}
