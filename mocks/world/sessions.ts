import type { TimerId } from './clock';
import type { AttentionRec, PlanEntry, SessionRec } from './types';
import type { WorldCore } from './worldCore';

export interface SessionInit {
  projectId: string;
  taskId: string | null;
  topic: string | null;
  workspaceId?: string | null;
  createdByUserId?: string;
  agentType?: string;
}

const DAY = 86_400_000;

/** Chat sessions (SAM's per-project durable object). Every write moves updatedAt and lastMessageAt. */
export class SessionStore {
  private readonly byId = new Map<string, SessionRec>();
  private readonly byProject = new Map<string, SessionRec[]>();
  /** SAM's sessions list reads a D1 index synced from the durable object a few seconds after writes. */
  private indexLagMs = 0;
  private readonly index = new Map<string, SessionRec[]>();
  private syncTimer: TimerId | null = null;

  constructor(private readonly world: WorldCore) {}

  /**
   * What the sessions list serves. With a lag set (Corrections 9), rows as of the last index sync, which
   * runs `lagMs` after the first write not yet synced: a chat created a moment ago may be missing.
   */
  listed(projectId: string): readonly SessionRec[] {
    return this.indexLagMs === 0 ? this.list(projectId) : (this.index.get(projectId) ?? []);
  }

  /** Turns the index lag on (`ms` > 0, synced now first) or off (0). */
  setIndexLag(ms: number): void {
    this.indexLagMs = Math.max(0, ms);
    if (this.syncTimer !== null) this.world.clock.clearTimeout(this.syncTimer);
    this.syncTimer = null;
    if (this.indexLagMs > 0) this.syncIndex();
  }

  private syncIndex(): void {
    this.syncTimer = null;
    for (const [projectId, sessions] of this.byProject) {
      this.index.set(
        projectId,
        sessions.map((rec) => ({ ...rec, state: { ...rec.state, currentPlan: [...rec.state.currentPlan] }, attention: rec.attention && { ...rec.attention } })),
      );
    }
  }

  private scheduleIndexSync(): void {
    if (this.indexLagMs === 0 || this.syncTimer !== null) return;
    this.syncTimer = this.world.clock.setTimeout(() => this.syncIndex(), this.indexLagMs);
  }

  get(sessionId: string): SessionRec | undefined {
    return this.byId.get(sessionId);
  }

  list(projectId: string): readonly SessionRec[] {
    return this.byProject.get(projectId) ?? [];
  }

  /** The session whose task is `taskId` (how lineage finds a parent session). */
  byTask(taskId: string): SessionRec | undefined {
    for (const session of this.byId.values()) if (session.taskId === taskId) return session;
    return undefined;
  }

  create(init: SessionInit, at = this.world.now()): SessionRec {
    const id = this.world.ids.uuid();
    const workspaceId = init.workspaceId === undefined ? this.world.ids.short('ws') : init.workspaceId;
    const session: SessionRec = {
      id,
      projectId: init.projectId,
      workspaceId,
      taskId: init.taskId,
      createdByUserId: init.createdByUserId ?? this.world.me.id,
      topic: init.topic,
      status: 'active',
      messageCount: 0,
      startedAt: at,
      endedAt: null,
      createdAt: at,
      updatedAt: at,
      agentCompletedAt: null,
      lastMessageAt: null,
      workspaceUrl: workspaceId ? `https://${workspaceId}.workspaces.sam.example` : null,
      cleanupAt: null,
      attention: null,
      agentSessionId: this.world.ids.uuid(),
      agentType: init.agentType ?? 'claude-code',
      state: {
        activity: 'idle',
        activityAt: at,
        statusError: null,
        currentPlan: [],
        promptStartedAt: null,
        lastStopReason: null,
        recoveryStatus: null,
        wakePhase: null,
      },
      nextSequence: 1,
    };
    this.byId.set(id, session);
    const list = this.byProject.get(init.projectId) ?? [];
    list.push(session);
    this.byProject.set(init.projectId, list);
    this.scheduleIndexSync();
    this.world.emitProject(init.projectId, null, 'session.created', {
      id,
      workspaceId: session.workspaceId,
      taskId: session.taskId,
      createdByUserId: session.createdByUserId,
      topic: session.topic,
      status: 'active',
      messageCount: 0,
      createdAt: at,
    });
    return session;
  }

  require(sessionId: string): SessionRec {
    const session = this.byId.get(sessionId);
    if (!session) throw new Error(`unknown session ${sessionId}`);
    return session;
  }

  /** Any write to the session: `lastMessageAt` moves on every write (as SAM's does). */
  touch(session: SessionRec, at: number): void {
    session.updatedAt = Math.max(session.updatedAt, at);
    session.lastMessageAt = Math.max(session.lastMessageAt ?? 0, at);
    this.scheduleIndexSync();
  }

  private emit(session: SessionRec, type: string, payload: Record<string, unknown>): void {
    this.world.emitProject(session.projectId, session.id, type, { sessionId: session.id, ...payload });
  }

  setTopic(sessionId: string, topic: string, at = this.world.now()): void {
    const session = this.require(sessionId);
    session.topic = topic;
    this.touch(session, at);
    this.emit(session, 'session.updated', { topic });
  }

  setStatus(sessionId: string, status: string, at = this.world.now()): void {
    const session = this.require(sessionId);
    if (session.status === status) return;
    session.status = status;
    this.touch(session, at);
    if (status === 'stopped' || status === 'failed') {
      session.endedAt = at;
      session.cleanupAt = at + 7 * DAY;
      this.emit(session, status === 'stopped' ? 'session.stopped' : 'session.failed', {});
    } else {
      session.endedAt = null;
      session.cleanupAt = null;
      this.emit(session, 'session.updated', { status });
    }
  }

  setActivity(sessionId: string, activity: string, at = this.world.now(), error: string | null = null): void {
    const session = this.require(sessionId);
    const s = session.state;
    s.activity = activity;
    s.activityAt = at;
    if (activity === 'prompting') s.promptStartedAt = at;
    if (activity === 'idle') s.promptStartedAt = null;
    if (activity === 'error') s.statusError = error;
    this.touch(session, at);
    this.emit(session, 'session.activity', { activity, promptStartedAt: s.promptStartedAt });
  }

  agentCompleted(sessionId: string, at = this.world.now(), stopReason = 'end_turn'): void {
    const session = this.require(sessionId);
    session.agentCompletedAt = at;
    session.state.lastStopReason = stopReason;
    this.touch(session, at);
    this.emit(session, 'session.agent_completed', { agentCompletedAt: at });
  }

  /** A new prompt starts a new agent turn: the session is no longer idle. */
  agentResumed(sessionId: string, at = this.world.now()): void {
    const session = this.require(sessionId);
    session.agentCompletedAt = null;
    this.touch(session, at);
  }

  setPlan(sessionId: string, plan: PlanEntry[], at = this.world.now()): void {
    const session = this.require(sessionId);
    session.state.currentPlan = plan.map((e) => ({ ...e }));
    this.touch(session, at);
  }

  raiseAttention(sessionId: string, ask: { reason: string; options: string[]; category: string; kind?: string }, at = this.world.now()): AttentionRec {
    const session = this.require(sessionId);
    const marker: AttentionRec = {
      markerId: this.world.ids.short('att'),
      kind: ask.kind ?? 'question',
      createdAt: at,
      expiresAt: at + DAY,
      reason: ask.reason,
      options: [...ask.options],
      category: ask.category,
    };
    session.attention = marker;
    this.touch(session, at);
    this.emit(session, 'attention.created', {
      markerId: marker.markerId,
      kind: marker.kind,
      createdAt: marker.createdAt,
      expiresAt: marker.expiresAt,
      reason: marker.reason,
      options: [...marker.options],
    });
    return marker;
  }

  resolveAttention(sessionId: string, reason: string, at = this.world.now()): AttentionRec | null {
    const session = this.require(sessionId);
    const marker = session.attention;
    if (!marker) return null;
    session.attention = null;
    this.touch(session, at);
    this.emit(session, 'attention.resolved', { count: 1, reason, markerId: marker.markerId });
    return marker;
  }

  wakeProgress(sessionId: string, recoveryStatus: string, wakePhase: string | null, at = this.world.now()): void {
    const session = this.require(sessionId);
    session.state.recoveryStatus = recoveryStatus;
    session.state.wakePhase = wakePhase;
    this.touch(session, at);
    this.emit(session, 'session.wake_progress', { recoveryStatus, wakePhase, at });
  }
}
