import { useShallow } from 'zustand/react/shallow';
import type { StreamFacts } from '../../reconcile/types';
import { useConnectionStore } from '../../state/connection';

/** What sessionView needs to know of the project stream: whether it is live, since when, and a catch-up running. */
export function useStreamFacts(): StreamFacts {
  return useConnectionStore(useShallow((s) => ({ connection: s.project, lastLiveAt: s.lastLiveAt, catchingUp: s.catchingUp })));
}
