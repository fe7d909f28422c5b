import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SessionState } from '../../api/contract';
import { useProjectPart } from './useProjectPart';

/** The detail's state, with the live fields as the stream last reported them. */
export function useChatState(projectId: string, sessionId: string, detailState: SessionState | null): SessionState | null {
  const { queries } = useProjectPart();
  const facts = useQuery({ ...queries.sessionFacts(projectId), select: (f) => f.records.get(sessionId)?.facts }).data;
  return useMemo<SessionState | null>(() => {
    if (!detailState || !facts) return detailState;
    return {
      ...detailState,
      activity: facts.activity ?? detailState.activity,
      promptStartedAt: facts.promptStartedAt,
      statusError: facts.statusError,
      wakePhase: facts.wakePhase,
      recoveryStatus: facts.recoveryStatus,
    };
  }, [detailState, facts]);
}
