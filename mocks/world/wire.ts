import type { MessageRec, NotificationRec, ProjectRec, SessionRec, TaskEventRec, TaskRec, UserRec } from './types';

/*
 * The contract's wire forms. Tasks and notifications carry ISO-8601 strings (a few failed tasks the
 * zone-less `YYYY-MM-DD HH:MM:SS` form); sessions, messages and attention carry epoch milliseconds.
 */

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/** `2026-11-21 10:00:00`: what some of SAM's task failure paths write. */
export const sqlTime = (ms: number): string => iso(ms).slice(0, 19).replace('T', ' ');

export function userWire(user: UserRec) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    avatarUrl: user.avatarUrl,
    role: 'user',
    status: 'active',
    createdAt: iso(user.createdAt),
  };
}

export function taskWire(task: TaskRec) {
  const t = task.sqlTimestamps ? (ms: number | null) => (ms === null ? null : sqlTime(ms)) : isoOrNull;
  return {
    id: task.id,
    projectId: task.projectId,
    userId: task.userId,
    parentTaskId: task.parentTaskId,
    workspaceId: task.workspaceId,
    title: task.title,
    description: task.description,
    status: task.status,
    executionStep: task.executionStep,
    priority: task.priority,
    taskMode: task.taskMode,
    dispatchDepth: task.dispatchDepth,
    agentProfileHint: task.agentProfileHint,
    skillId: task.skillId,
    blocked: task.blocked,
    triggeredBy: task.triggeredBy,
    startedAt: isoOrNull(task.startedAt),
    completedAt: t(task.completedAt),
    finalizedAt: t(task.finalizedAt),
    createdAt: iso(task.createdAt),
    updatedAt: t(task.updatedAt) as string,
    errorMessage: task.errorMessage,
    outputSummary: task.outputSummary,
    outputBranch: task.outputBranch,
    outputPrUrl: task.outputPrUrl,
    completionEvidence: task.completionEvidence ?? null,
  };
}

/** The subset of a task embedded in a session detail (no updatedAt). */
export function embeddedTaskWire(task: TaskRec) {
  return {
    id: task.id,
    status: task.status,
    executionStep: task.executionStep,
    errorMessage: task.errorMessage,
    outputBranch: task.outputBranch,
    outputPrUrl: task.outputPrUrl,
    outputSummary: task.outputSummary,
    finalizedAt: isoOrNull(task.finalizedAt),
    taskMode: task.taskMode,
    agentProfileHint: task.agentProfileHint,
  };
}

export function taskEventWire(event: TaskEventRec) {
  return { ...event, createdAt: iso(event.createdAt) };
}

export function sessionRowWire(session: SessionRec, me: UserRec) {
  const attention = session.attention;
  return {
    id: session.id,
    workspaceId: session.workspaceId,
    taskId: session.taskId,
    createdByUserId: session.createdByUserId,
    topic: session.topic,
    status: session.status,
    messageCount: session.messageCount,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    createdAt: session.createdAt,
    agentCompletedAt: session.agentCompletedAt,
    lastMessageAt: session.lastMessageAt,
    isIdle: session.status === 'active' && session.agentCompletedAt !== null,
    isTerminated: session.status === 'stopped' || session.status === 'failed',
    workspaceUrl: session.workspaceUrl,
    cleanupAt: session.cleanupAt,
    attention: attention
      ? {
          markerId: attention.markerId,
          kind: attention.kind,
          createdAt: attention.createdAt,
          expiresAt: attention.expiresAt,
          reason: attention.reason,
          options: [...attention.options],
        }
      : null,
    createdBy: session.createdByUserId === me.id ? { id: me.id, name: me.name, avatarUrl: me.avatarUrl } : null,
    isMine: session.createdByUserId === me.id,
  };
}

export function sessionDetailWire(session: SessionRec, task: TaskRec | null, me: UserRec) {
  return {
    ...sessionRowWire(session, me),
    agentSessionId: session.agentSessionId,
    agentType: session.agentType,
    task: task ? embeddedTaskWire(task) : null,
  };
}

export function sessionStateWire(session: SessionRec) {
  const s = session.state;
  return {
    activity: s.activity,
    activityAt: s.activityAt,
    statusError: s.statusError,
    currentPlan: s.currentPlan.map((e) => ({ ...e })),
    promptStartedAt: s.promptStartedAt,
    lastStopReason: s.lastStopReason,
    recoveryStatus: s.recoveryStatus,
    wakePhase: s.wakePhase,
  };
}

export function messageWire(m: MessageRec) {
  return {
    id: m.id,
    sessionId: m.sessionId,
    role: m.role,
    content: m.content,
    toolMetadata: m.toolMetadata ? structuredClone(m.toolMetadata) : null,
    createdAt: m.createdAt,
    sequence: m.sequence,
    origin: m.origin,
  };
}

export function notificationWire(n: NotificationRec) {
  return {
    id: n.id,
    projectId: n.projectId,
    taskId: n.taskId,
    sessionId: n.sessionId,
    type: n.type,
    urgency: n.urgency,
    title: n.title,
    body: n.body,
    actionUrl: n.actionUrl,
    metadata: structuredClone(n.metadata),
    readAt: isoOrNull(n.readAt),
    dismissedAt: isoOrNull(n.dismissedAt),
    createdAt: iso(n.createdAt),
  };
}

export function projectWireBase(p: ProjectRec) {
  return {
    id: p.id,
    name: p.name,
    repository: p.repository,
    githubRepoId: p.githubRepoId,
    defaultBranch: p.defaultBranch,
    repoProvider: p.repoProvider,
    status: p.status,
  };
}
