import { useSyncExternalStore } from 'react';
import { useLiveEngine } from './LiveProvider';

/** The engine clock's current tick (epoch ms): every hook and component reads the same instant. */
export function useNow(): number {
  const { clock } = useLiveEngine();
  return useSyncExternalStore(clock.subscribe, clock.now, clock.now);
}
