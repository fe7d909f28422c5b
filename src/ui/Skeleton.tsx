/** A placeholder bar while content loads; decorative (announce loading with a Spinner or status text). */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={`block rounded bg-raised motion-safe:animate-pulse ${className ?? 'h-4 w-full'}`} />;
}
