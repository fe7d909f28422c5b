import { useSyncExternalStore } from 'react';
import { restoredMarks } from '../persist/marks';
import { useLiveEngine } from './LiveProvider';

/** When the restored copy on screen was saved, while SAM has not confirmed it yet; null otherwise. */
export function useRestoredAsOf(): number | null {
  const marks = useLiveEngine().attach(restoredMarks);
  return useSyncExternalStore(marks.subscribe, marks.asOf, marks.asOf);
}
