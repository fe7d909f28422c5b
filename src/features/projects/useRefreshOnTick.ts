import { useEffect, useEffectEvent, useRef } from 'react';

/** Calls `refresh` on every tick of the app clock after the first render (the first fetch is the query's own). */
export function useRefreshOnTick(now: number, refresh: () => void): void {
  const onTick = useEffectEvent(refresh);
  const mountedAt = useRef(now);
  useEffect(() => {
    if (now !== mountedAt.current) onTick();
  }, [now]);
}
