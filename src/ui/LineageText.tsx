import { ForkIcon } from './ForkIcon';

/**
 * Lineage text ("⑂ from <title>", "↩ attempt 2") with the fork mark drawn as an icon: many fonts,
 * Inter among them, lack ⑂. The character stays in the text for copying and for assistive technology.
 */
export function LineageText({ text }: { text: string }) {
  if (!text.startsWith('⑂')) return <>{text}</>;
  return (
    <span className="flex min-w-0 max-w-full items-center gap-1">
      <ForkIcon />
      <span className="sr-only">⑂</span>
      <span className="min-w-0 truncate">{text.slice(1)}</span>
    </span>
  );
}
