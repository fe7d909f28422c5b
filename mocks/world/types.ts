/**
 * The simulator's records. They hold times as epoch ms; mocks/world/wire.ts turns them into the
 * contract's wire forms (ISO strings for tasks and notifications, ms for sessions and messages).
 */

export interface UserRec {
  id: string;
  email: string;
  name: string;
  avatarUrl: string | null;
  createdAt: number;
}

export interface ProjectRec {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  repository: string;
  githubRepoId: number;
  defaultBranch: string;
  repoProvider: string;
  status: string;
  createdAt: number;
  updatedAt: number;
}

export interface TaskRec {
  id: string;
  projectId: string;
  userId: string;
  parentTaskId: string | null;
  workspaceId: string | null;
  title: string;
  description: string | null;
  status: string;
  executionStep: string | null;
  priority: number;
  taskMode: string;
  dispatchDepth: number;
  agentProfileHint: string | null;
  skillId: string | null;
  blocked: boolean;
  triggeredBy: string;
  startedAt: number | null;
  completedAt: number | null;
  finalizedAt: number | null;
  createdAt: number;
  updatedAt: number;
  errorMessage: string | null;
  outputSummary: string | null;
  outputBranch: string | null;
  outputPrUrl: string | null;
  completionEvidence: unknown;
  /** Written by a failure path that stores `YYYY-MM-DD HH:MM:SS` (no T, no zone). */
  sqlTimestamps: boolean;
}

export interface TaskEventRec {
  id: string;
  taskId: string;
  fromStatus: string | null;
  toStatus: string;
  actorType: 'user' | 'system' | 'workspace_callback';
  actorId: string | null;
  reason: string | null;
  createdAt: number;
}

export interface PlanEntry {
  content: string;
  priority: string;
  status: string;
}

export interface AttentionRec {
  markerId: string;
  kind: string;
  createdAt: number;
  expiresAt: number;
  reason: string;
  options: string[];
  category: string;
}

export interface SessionState {
  activity: string;
  activityAt: number | null;
  statusError: string | null;
  currentPlan: PlanEntry[];
  promptStartedAt: number | null;
  lastStopReason: string | null;
  recoveryStatus: string | null;
  wakePhase: string | null;
}

export interface SessionRec {
  id: string;
  projectId: string;
  workspaceId: string | null;
  taskId: string | null;
  createdByUserId: string;
  topic: string | null;
  status: string;
  messageCount: number;
  startedAt: number;
  endedAt: number | null;
  createdAt: number;
  updatedAt: number;
  agentCompletedAt: number | null;
  lastMessageAt: number | null;
  workspaceUrl: string | null;
  cleanupAt: number | null;
  attention: AttentionRec | null;
  agentSessionId: string | null;
  agentType: string;
  state: SessionState;
  nextSequence: number;
}

export interface ToolMetadata {
  toolCallId: string;
  title: string;
  kind: string;
  status: string;
  toolName: string;
  locations: { path: string; line: number | null }[];
  content: unknown[];
  rawInput?: unknown;
  rawOutput?: unknown;
}

export interface MessageRec {
  id: string;
  sessionId: string;
  role: string;
  content: string;
  toolMetadata: ToolMetadata | null;
  createdAt: number;
  sequence: number | null;
  origin: string | null;
}

/** What an agent or a handler asks to write; the world assigns id, time and sequence. */
export interface MessageDraft {
  role: string;
  content: string;
  toolMetadata?: ToolMetadata | null;
  origin?: string | null;
}

export interface NotificationMetadata {
  projectName: string;
  category?: string;
  options?: string[];
  attentionMarkerId?: string;
  outputPrUrl?: string;
  outputBranch?: string;
  [key: string]: unknown;
}

export interface NotificationRec {
  id: string;
  userId: string;
  projectId: string | null;
  taskId: string | null;
  sessionId: string | null;
  type: string;
  urgency: string;
  title: string;
  body: string | null;
  actionUrl: string | null;
  metadata: NotificationMetadata;
  readAt: number | null;
  dismissedAt: number | null;
  createdAt: number;
}

/** A frame of the project stream, with where it belongs (null sessionId = project-wide). */
export interface ProjectEvent {
  projectId: string;
  sessionId: string | null;
  frame: { type: string; payload: Record<string, unknown> };
}

/** A flat frame of the notification stream. */
export type NotificationFrame = { type: string } & Record<string, unknown>;
