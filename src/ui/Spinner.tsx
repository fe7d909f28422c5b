/** An indeterminate progress mark with its meaning in words for assistive technology. */
export function Spinner({ label, className }: { label: string; className?: string }) {
  return (
    <span role="status" className={`inline-flex items-center gap-2 ${className ?? ''}`}>
      <span aria-hidden="true" className="size-4 shrink-0 rounded-full border-2 border-current border-t-transparent motion-safe:animate-spin" />
      <span className="sr-only">{label}</span>
    </span>
  );
}
