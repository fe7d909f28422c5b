import * as v from 'valibot';
import { cutLongContent } from './cut';
import {
  AGENT_ACTIVITIES,
  EXECUTION_STEPS,
  MESSAGE_ROLES,
  NOTIFICATION_TYPES,
  PLAN_ENTRY_STATUSES,
  SESSION_STATUSES,
  TASK_MODES,
  TASK_STATUSES,
  TOOL_CALL_STATUSES,
  TRIGGERED_BY,
  URGENCIES,
} from './enums';
import { count, maybe, maybeTimestamp, openEnum, timestamp } from './primitives';

/*
 * REST shapes of the SAM contract (../shared/sam-contract.md). Objects are loose: SAM adds fields over
 * time and Lookout ignores what it does not read. Every timestamp comes out as epoch ms.
 */

// ---------- auth ----------
export const UserSchema = v.looseObject({
  id: v.string(),
  email: maybe(v.string()),
  name: maybe(v.string()),
  avatarUrl: maybe(v.string()),
  role: maybe(v.string()),
  status: maybe(v.string()),
  createdAt: maybeTimestamp,
});
export type User = v.InferOutput<typeof UserSchema>;

// ---------- errors ----------
export const ErrorBodySchema = v.looseObject({
  error: v.string(),
  message: maybe(v.string()),
  details: v.optional(v.unknown()),
  requestId: maybe(v.string()),
});
export type ErrorBody = v.InferOutput<typeof ErrorBodySchema>;

// ---------- projects ----------
const TaskCountsSchema = v.record(v.string(), v.number());

export const ProjectSummarySchema = v.looseObject({
  id: v.string(),
  name: v.string(),
  repository: maybe(v.string()),
  githubRepoId: maybe(v.union([v.string(), v.number()])),
  defaultBranch: maybe(v.string()),
  repoProvider: maybe(v.string()),
  status: maybe(openEnum(['active', 'detached'])),
  activeWorkspaceCount: v.nullish(count, 0),
  activeSessionCount: v.nullish(count, 0),
  lastActivityAt: maybeTimestamp,
  createdAt: maybeTimestamp,
  taskCountsByStatus: v.nullish(TaskCountsSchema, {}),
  linkedWorkspaces: v.nullish(v.unknown(), null),
});
export type ProjectSummary = v.InferOutput<typeof ProjectSummarySchema>;

export const ProjectListSchema = v.looseObject({
  projects: v.array(ProjectSummarySchema),
  nextCursor: maybe(v.string()),
});
export type ProjectList = v.InferOutput<typeof ProjectListSchema>;

export const ProjectDetailSchema = v.looseObject({
  id: v.string(),
  userId: maybe(v.string()),
  name: v.string(),
  description: maybe(v.string()),
  repository: maybe(v.string()),
  defaultBranch: maybe(v.string()),
  repoProvider: maybe(v.string()),
  status: maybe(openEnum(['active', 'detached'])),
  multiplayerActive: maybe(v.boolean()),
  createdAt: maybeTimestamp,
  updatedAt: maybeTimestamp,
  summary: maybe(
    v.looseObject({
      taskCountsByStatus: v.nullish(TaskCountsSchema, {}),
      activeWorkspaceCount: v.nullish(count, 0),
      activeSessionCount: v.nullish(count, 0),
      lastActivityAt: maybeTimestamp,
    }),
  ),
});
export type ProjectDetail = v.InferOutput<typeof ProjectDetailSchema>;

// ---------- tasks ----------
export const TaskStatusSchema = openEnum(TASK_STATUSES);
export type TaskStatus = v.InferOutput<typeof TaskStatusSchema>;

export const TaskSchema = v.looseObject({
  id: v.string(),
  projectId: v.string(),
  userId: maybe(v.string()),
  parentTaskId: maybe(v.string()),
  workspaceId: maybe(v.string()),
  title: v.nullish(v.string(), ''),
  description: maybe(v.string()),
  status: TaskStatusSchema,
  executionStep: maybe(openEnum(EXECUTION_STEPS)),
  priority: maybe(v.number()),
  taskMode: maybe(openEnum(TASK_MODES)),
  dispatchDepth: v.nullish(v.number(), 0),
  agentProfileHint: maybe(v.string()),
  skillId: maybe(v.string()),
  blocked: maybe(v.boolean()),
  triggeredBy: maybe(openEnum(TRIGGERED_BY)),
  startedAt: maybeTimestamp,
  completedAt: maybeTimestamp,
  finalizedAt: maybeTimestamp,
  createdAt: timestamp,
  updatedAt: timestamp,
  errorMessage: maybe(v.string()),
  outputSummary: maybe(v.string()),
  outputBranch: maybe(v.string()),
  outputPrUrl: maybe(v.string()),
  completionEvidence: maybe(v.unknown()),
});
export type Task = v.InferOutput<typeof TaskSchema>;

export const TaskListSchema = v.looseObject({
  tasks: v.array(TaskSchema),
  nextCursor: maybe(v.string()),
});
export type TaskList = v.InferOutput<typeof TaskListSchema>;

export const TaskEventSchema = v.looseObject({
  id: v.string(),
  taskId: v.string(),
  fromStatus: maybe(TaskStatusSchema),
  toStatus: TaskStatusSchema,
  actorType: maybe(openEnum(['user', 'system', 'workspace_callback'])),
  actorId: maybe(v.string()),
  reason: maybe(v.string()),
  createdAt: timestamp,
});
export const TaskEventListSchema = v.looseObject({ events: v.array(TaskEventSchema) });
export type TaskEvent = v.InferOutput<typeof TaskEventSchema>;

export const SubmitTaskResponseSchema = v.looseObject({
  taskId: v.string(),
  sessionId: v.string(),
  branchName: maybe(v.string()),
  status: v.string(),
});
export type SubmitTaskResponse = v.InferOutput<typeof SubmitTaskResponseSchema>;

// ---------- sessions ----------
export const AttentionSchema = v.looseObject({
  markerId: v.string(),
  kind: v.nullish(v.string(), 'question'),
  createdAt: maybeTimestamp,
  expiresAt: maybeTimestamp,
  reason: maybe(v.string()),
  options: v.nullish(v.array(v.string()), []),
});
export type Attention = v.InferOutput<typeof AttentionSchema>;

export const SessionStatusSchema = openEnum(SESSION_STATUSES);

const sessionRowEntries = {
  id: v.string(),
  workspaceId: maybe(v.string()),
  taskId: maybe(v.string()),
  createdByUserId: maybe(v.string()),
  topic: maybe(v.string()),
  status: SessionStatusSchema,
  messageCount: v.nullish(count, 0),
  startedAt: maybeTimestamp,
  endedAt: maybeTimestamp,
  createdAt: maybeTimestamp,
  agentCompletedAt: maybeTimestamp,
  lastMessageAt: maybeTimestamp,
  isIdle: v.nullish(v.boolean(), false),
  isTerminated: v.nullish(v.boolean(), false),
  workspaceUrl: maybe(v.string()),
  cleanupAt: maybeTimestamp,
  attention: maybe(AttentionSchema),
  createdBy: maybe(v.unknown()),
  isMine: maybe(v.boolean()),
};

export const SessionRowSchema = v.looseObject(sessionRowEntries);
export type SessionRow = v.InferOutput<typeof SessionRowSchema>;

export const SessionListSchema = v.looseObject({
  sessions: v.array(SessionRowSchema),
  total: v.nullish(count, 0),
  hasMore: v.nullish(v.boolean(), false),
});
export type SessionList = v.InferOutput<typeof SessionListSchema>;

/** The task as embedded in a session detail: a subset, and without `updatedAt`. */
export const EmbeddedTaskSchema = v.looseObject({
  id: v.string(),
  status: TaskStatusSchema,
  executionStep: maybe(v.string()),
  errorMessage: maybe(v.string()),
  outputBranch: maybe(v.string()),
  outputPrUrl: maybe(v.string()),
  outputSummary: maybe(v.string()),
  finalizedAt: maybeTimestamp,
  taskMode: maybe(v.string()),
  agentProfileHint: maybe(v.string()),
});
export type EmbeddedTask = v.InferOutput<typeof EmbeddedTaskSchema>;

export const SessionDetailRowSchema = v.looseObject({
  ...sessionRowEntries,
  agentSessionId: maybe(v.string()),
  agentType: maybe(v.string()),
  task: maybe(EmbeddedTaskSchema),
});
export type SessionDetailRow = v.InferOutput<typeof SessionDetailRowSchema>;

export const PlanEntrySchema = v.looseObject({
  content: v.string(),
  priority: maybe(v.string()),
  status: v.nullish(openEnum(PLAN_ENTRY_STATUSES), 'pending'),
});
export type PlanEntry = v.InferOutput<typeof PlanEntrySchema>;

export const SessionStateSchema = v.looseObject({
  activity: v.nullish(openEnum(AGENT_ACTIVITIES), 'idle'),
  activityAt: maybeTimestamp,
  statusError: maybe(v.string()),
  currentPlan: v.nullish(v.array(PlanEntrySchema), []),
  promptStartedAt: maybeTimestamp,
  lastStopReason: maybe(v.string()),
  recoveryStatus: maybe(v.string()),
  wakePhase: maybe(v.string()),
});
export type SessionState = v.InferOutput<typeof SessionStateSchema>;

// ---------- messages ----------
export const ToolLocationSchema = v.looseObject({ path: v.string(), line: maybe(v.number()) });

export const ToolMetadataSchema = v.looseObject({
  toolCallId: maybe(v.string()),
  title: maybe(v.string()),
  kind: maybe(v.string()),
  status: maybe(openEnum(TOOL_CALL_STATUSES)),
  toolName: maybe(v.string()),
  locations: v.nullish(v.array(ToolLocationSchema), []),
  content: v.nullish(v.array(v.unknown()), []),
  rawInput: v.optional(v.unknown()),
  rawOutput: v.optional(v.unknown()),
  /** Compact mode (the detail route, and `/messages` by default) drops `content` and sends its size in bytes. */
  contentSize: v.optional(maybe(count)),
});
export type ToolMetadata = v.InferOutput<typeof ToolMetadataSchema>;

export const MessageRoleSchema = openEnum(MESSAGE_ROLES);
export type MessageRole = v.InferOutput<typeof MessageRoleSchema>;

/** A message as the wire carries it without its session (inside `messages.batch`). */
export const messageEntries = {
  role: MessageRoleSchema,
  content: v.nullish(v.string(), ''),
  toolMetadata: maybe(ToolMetadataSchema),
  createdAt: timestamp,
  sequence: maybe(v.pipe(v.number(), v.integer())),
  origin: maybe(v.string()),
};

/** A message row, its content cut at the edge when longer than SAM allows (`cut.ts`). */
export const MessageSchema = v.pipe(v.looseObject({ id: v.string(), sessionId: v.string(), ...messageEntries }), v.transform(cutLongContent));
export type Message = v.InferOutput<typeof MessageSchema>;

export const SessionDetailSchema = v.looseObject({
  session: SessionDetailRowSchema,
  messages: v.array(MessageSchema),
  hasMore: v.nullish(v.boolean(), false),
  state: maybe(SessionStateSchema),
});
export type SessionDetail = v.InferOutput<typeof SessionDetailSchema>;

export const MessagePageSchema = v.looseObject({
  messages: v.array(MessageSchema),
  hasMore: v.nullish(v.boolean(), false),
});
export type MessagePage = v.InferOutput<typeof MessagePageSchema>;

export const PromptAcceptedSchema = v.looseObject({
  accepted: v.nullish(v.boolean(), true),
  status: v.string(),
  deliveryId: maybe(v.string()),
  messageId: maybe(v.string()),
});
export type PromptAccepted = v.InferOutput<typeof PromptAcceptedSchema>;

/** `GET .../messages/:m/tool-content`: the `toolMetadata.content` compact mode left out. */
export const ToolContentSchema = v.looseObject({ content: v.array(v.unknown()) });

export const CancelResponseSchema = v.looseObject({ status: v.string(), message: maybe(v.string()) });
export const StopResponseSchema = v.looseObject({ status: v.string(), workspaceDeleted: maybe(v.boolean()) });
export const OkResponseSchema = v.looseObject({ success: v.nullish(v.boolean(), true) });

export const ForkPrepareSchema = v.looseObject({
  parentTaskId: v.string(),
  parentSessionId: v.string(),
  parentBranch: maybe(v.string()),
  sessionLabel: maybe(v.string()),
  summary: v.string(),
  messageCount: v.nullish(count, 0),
  repaired: maybe(v.boolean()),
});
export type ForkPrepare = v.InferOutput<typeof ForkPrepareSchema>;

export const SummarizeSchema = v.looseObject({
  summary: v.string(),
  messageCount: v.nullish(count, 0),
  filteredCount: v.nullish(count, 0),
  method: maybe(v.string()),
});
export type Summarize = v.InferOutput<typeof SummarizeSchema>;

// ---------- notifications ----------
export const NotificationSchema = v.looseObject({
  id: v.string(),
  projectId: maybe(v.string()),
  taskId: maybe(v.string()),
  sessionId: maybe(v.string()),
  type: openEnum(NOTIFICATION_TYPES),
  // Missing urgency falls back to the type's default: see reconcile/notifications.
  urgency: maybe(openEnum(URGENCIES)),
  title: v.nullish(v.string(), ''),
  body: maybe(v.string()),
  actionUrl: maybe(v.string()),
  metadata: v.nullish(
    v.looseObject({
      projectName: maybe(v.string()),
      category: maybe(v.string()),
      options: maybe(v.array(v.string())),
      attentionMarkerId: maybe(v.string()),
      outputPrUrl: maybe(v.string()),
      outputBranch: maybe(v.string()),
    }),
    {},
  ),
  readAt: maybeTimestamp,
  dismissedAt: maybeTimestamp,
  createdAt: timestamp,
});
export type Notification = v.InferOutput<typeof NotificationSchema>;

export const NotificationListSchema = v.looseObject({
  notifications: v.array(NotificationSchema),
  unreadCount: v.nullish(count, 0),
  nextCursor: maybe(v.union([v.string(), v.number()])),
});
export type NotificationList = v.InferOutput<typeof NotificationListSchema>;

export const UnreadCountSchema = v.looseObject({ count });
