import type { Message, SessionDetailRow, SessionRow, SessionState } from '../api/contract';
import { isNewerFact } from './conflicts';
import type { Versioned } from './order';
import type { LiveSessionFields, SessionFacts } from './types';

/*
 * One record per session merges every source field by field: list rows and detail responses (stamped
 * with the start of their request) and live events (stamped when applied). Each field keeps the value
 * with the newest stamp (last writer wins), so a REST page that started before a live event was applied
 * cannot roll it back (invariant 3), and the merge converges whatever the order the sources land in.
 * Stamps come from one strictly increasing clock, so two of them are never equal.
 * Where SAM says how old a value is (a server version, e.g. the detail's `state.activityAt`), that
 * decides first: the sessions list is served from an index that lags by seconds (Corrections 9), so a
 * list row requested later can still be older than a detail.
 */

export interface SessionRecord {
  readonly facts: SessionFacts;
  /** When each field was learned. A field never learned has no stamp and loses to anything. */
  readonly stamps: Readonly<Record<string, number>>;
  /** The server version of a field's value, for fields whose source gave one. */
  readonly versions?: Readonly<Record<string, number>>;
}

export type FactsPatch = Partial<SessionFacts>;
/** Server versions (SAM's clock, epoch ms) of some fields of a patch. */
export type FactVersions = Partial<Record<keyof SessionFacts, number>>;

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

function learned(record: SessionRecord, field: string): Versioned | undefined {
  const stamp = record.stamps[field];
  return stamp === undefined ? undefined : { stamp, version: record.versions?.[field] };
}

/** The record after `patch` learned at `stamp` (with the server versions of some fields); the same record when no field is newer. */
export function mergeSessionFacts(record: SessionRecord | undefined, id: string, patch: FactsPatch, stamp: number, versions: FactVersions = {}): SessionRecord {
  const held: SessionRecord = record ?? { facts: blankFacts(id), stamps: {} };
  let facts: SessionFacts | null = null;
  let stamps: Record<string, number> | null = null;
  let heldVersions: Record<string, number> | null = null;
  for (const [field, value] of Object.entries(patch)) {
    const version = versions[field as keyof SessionFacts];
    if (field === 'id' || value === undefined || !isNewerFact(learned(held, field), { stamp, version })) continue;
    stamps ??= { ...held.stamps };
    stamps[field] = stamp;
    if (version !== undefined || held.versions?.[field] !== undefined) {
      heldVersions ??= { ...held.versions };
      if (version === undefined) delete heldVersions[field];
      else heldVersions[field] = version;
    }
    if (!Object.is((held.facts as Record<string, unknown>)[field], value)) {
      facts ??= { ...held.facts };
      (facts as Record<string, unknown>)[field] = value;
    }
  }
  if (!stamps) return held === record ? record : held;
  const next = { facts: facts ?? held.facts, stamps };
  const nextVersions = heldVersions ?? held.versions;
  return nextVersions ? { ...next, versions: nextVersions } : next;
}

const LIVE_FIELDS = Object.keys(UNKNOWN_LIVE) as Array<keyof LiveSessionFields>;

function liveFieldVersions(version: number | null): FactVersions {
  if (version === null) return {};
  return Object.fromEntries(LIVE_FIELDS.map((field) => [field, version]));
}

/**
 * What a list row says. The list carries no agent activity, only `agentCompletedAt`; it resets the live
 * fields, so activity learned before gives way to the row (a newer live event still wins over it).
 *
 * Its `attention: null` is no evidence that no question is open: SAM serves the list from a session
 * index that does not follow attention markers (measured on SAM's server: a question open for 16 min,
 * `attention: null` in every list read, the marker in the detail). So a null leaves the held value
 * alone; an open question is cleared by `attention.resolved` or a detail, which SAM reads from the
 * session's own object. A marker in the row is a fact and is taken.
 */
export function listRowPatch(row: SessionRow): FactsPatch {
  const { attention, ...rest } = row;
  return attention === null ? { ...rest, ...UNKNOWN_LIVE } : { ...rest, attention, ...UNKNOWN_LIVE };
}

/**
 * Whether a session's open question is unknown: it is active, no source that can see attention markers
 * (a detail, a live event) described it yet, and its list row named none. Such a session needs one
 * look at its detail before its row can say "Working" rather than "Needs you".
 */
export function attentionUnknown(record: SessionRecord): boolean {
  return record.facts.status === 'active' && record.facts.attention === null && record.stamps.attention === undefined;
}

/** Half a millisecond: puts a row written in the very millisecond of an activity change before it. */
const SAME_MS_BEFORE = 0.5;

/**
 * How old the list row's reset of the live fields is: its `lastMessageAt`, which SAM fills with the
 * row's `updated_at` (moved by every write to the session row). A row no newer than the activity a
 * detail reported (`state.activityAt`) says nothing that activity did not know, and does not reset it:
 * an idle agent stays idle though the row has no `agentCompletedAt`. A row of the same millisecond is
 * not newer (a prompt writes both at once).
 */
export function listRowVersions(row: SessionRow): FactVersions {
  return liveFieldVersions(row.lastMessageAt === null ? null : row.lastMessageAt - SAME_MS_BEFORE);
}

/** How old the detail's live fields are: when SAM recorded the activity (`state.activityAt`). */
export function detailVersions(state: SessionState | null): FactVersions {
  return liveFieldVersions(state?.activityAt ?? null);
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
