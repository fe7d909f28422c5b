import type { Message, SessionDetailRow, SessionRow, SessionState } from '../api/contract';
import type { LiveSessionFields, SessionFacts } from './types';

/*
 * One record per session merges every source field by field: list rows and detail responses (stamped
 * with the start of their request) and live events (stamped when applied). Each field keeps the value
 * with the newest stamp (last writer wins), so a REST page that started before a live event was applied
 * cannot roll it back (invariant 3), and the merge converges whatever the order the sources land in.
 * Stamps come from one strictly increasing clock, so two of them are never equal.
 */

export interface SessionRecord {
  readonly facts: SessionFacts;
  /** When each field was learned. A field never learned has no stamp and loses to anything. */
  readonly stamps: Readonly<Record<string, number>>;
}

export type FactsPatch = Partial<SessionFacts>;

/** Does a value learned at `stamp` replace one learned at `heldStamp`? Only a newer one does. */
export function isNewerFact(heldStamp: number | undefined, stamp: number): boolean {
  return heldStamp === undefined || stamp > heldStamp;
}

const UNKNOWN_LIVE: LiveSessionFields = {
  activity: null,
  promptStartedAt: null,
  statusError: null,
  wakePhase: null,
  recoveryStatus: null,
  wakeAt: null,
};

/** The fields of a session nobody described yet: every one is replaced by the first source that has it. */
export function blankFacts(id: string): SessionFacts {
  return {
    id,
    workspaceId: null,
    taskId: null,
    createdByUserId: null,
    topic: null,
    status: '',
    messageCount: 0,
    startedAt: null,
    endedAt: null,
    createdAt: null,
    agentCompletedAt: null,
    lastMessageAt: null,
    isIdle: false,
    isTerminated: false,
    workspaceUrl: null,
    cleanupAt: null,
    attention: null,
    createdBy: null,
    isMine: null,
    ...UNKNOWN_LIVE,
  };
}

/** The record after `patch` learned at `stamp`; the same record when no field is newer. */
export function mergeSessionFacts(record: SessionRecord | undefined, id: string, patch: FactsPatch, stamp: number): SessionRecord {
  const held = record ?? { facts: blankFacts(id), stamps: {} };
  let facts: SessionFacts | null = null;
  let stamps: Record<string, number> | null = null;
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'id' || value === undefined || !isNewerFact(held.stamps[field], stamp)) continue;
    stamps ??= { ...held.stamps };
    stamps[field] = stamp;
    if (!Object.is((held.facts as Record<string, unknown>)[field], value)) {
      facts ??= { ...held.facts };
      (facts as Record<string, unknown>)[field] = value;
    }
  }
  if (!stamps) return held === record ? record : held;
  return { facts: facts ?? held.facts, stamps };
}

/**
 * What a list row says. The list carries no agent activity, only `agentCompletedAt`; it resets the live
 * fields at its stamp, so activity learned before the list request started gives way to the row (a
 * newer live event still wins over it).
 */
export function listRowPatch(row: SessionRow): FactsPatch {
  return { ...row, ...UNKNOWN_LIVE };
}

/** What a session detail says: its row (without the embedded task) and the live fields of its `state`. */
export function detailPatch(row: SessionDetailRow, state: SessionState | null): FactsPatch {
  const { task: _embedded, agentSessionId: _agentSession, agentType: _agentType, ...rest } = row;
  return {
    ...rest,
    activity: state?.activity ?? null,
    promptStartedAt: state?.promptStartedAt ?? null,
    statusError: state?.statusError ?? null,
    wakePhase: state?.wakePhase ?? null,
    recoveryStatus: state?.recoveryStatus ?? null,
    wakeAt: null,
  };
}

/**
 * A message row written after the agent last finished means the agent works again (a prompt, or output):
 * that is all a sidebar row needs from messages of a session nobody has open.
 */
export function isNewAgentTurn(facts: SessionFacts, message: Pick<Message, 'createdAt'>): boolean {
  return facts.status === 'active' && (facts.agentCompletedAt === null || message.createdAt > facts.agentCompletedAt);
}

/** The sidebar fields that new messages move: last activity, and working when a new turn began. */
export function messagesPatch(facts: SessionFacts, messages: readonly Message[]): FactsPatch {
  let lastMessageAt = facts.lastMessageAt;
  let newest: Message | null = null;
  for (const m of messages) {
    if (lastMessageAt === null || m.createdAt > lastMessageAt) lastMessageAt = m.createdAt;
    if (!newest || m.createdAt > newest.createdAt) newest = m;
  }
  const patch: FactsPatch = lastMessageAt === facts.lastMessageAt ? {} : { lastMessageAt };
  if (newest && isNewAgentTurn(facts, newest) && facts.activity !== 'prompting') patch.activity = 'prompting';
  return patch;
}
