import type { Attention } from '../api/contract';
import type { SessionFacts } from './types';

/** A question the agent asked and nobody answered, that has not expired. */
export function activeAttention(session: Pick<SessionFacts, 'attention'>, now: number): Attention | null {
  const { attention } = session;
  if (!attention) return null;
  return attention.expiresAt !== null && attention.expiresAt <= now ? null : attention;
}
