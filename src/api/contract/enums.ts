/** Enum values SAM sends today (sam-contract.md). Each is open: unknown values must still be accepted. */

export const TASK_STATUSES = ['draft', 'ready', 'queued', 'delegated', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export type KnownTaskStatus = (typeof TASK_STATUSES)[number];

export const TERMINAL_TASK_STATUSES = ['completed', 'failed', 'cancelled'] as const;
export type TerminalTaskStatus = (typeof TERMINAL_TASK_STATUSES)[number];

/**
 * The task transitions SAM allows (sam-contract.md): the simulator refuses the others, the fuzz walks these.
 * Keyed by string so a status SAM adds later reads as "no transitions known".
 */
export const TASK_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  draft: ['ready', 'cancelled'],
  ready: ['queued', 'delegated', 'cancelled'],
  queued: ['delegated', 'failed', 'cancelled'],
  delegated: ['in_progress', 'failed', 'cancelled'],
  in_progress: ['completed', 'failed', 'cancelled'],
  failed: ['ready', 'cancelled'],
  cancelled: ['ready'],
  completed: [],
} satisfies Record<KnownTaskStatus, readonly KnownTaskStatus[]>;

export const EXECUTION_STEPS = [
  'node_selection',
  'waiting_for_node_capacity',
  'node_provisioning',
  'node_agent_ready',
  'workspace_creation',
  'workspace_dispatch',
  'workspace_ready',
  'attachment_transfer',
  'agent_session',
  'running',
  'awaiting_followup',
] as const;

export const TASK_MODES = ['task', 'conversation'] as const;
export const TRIGGERED_BY = ['user', 'cron', 'webhook', 'mcp'] as const;

export const SESSION_STATUSES = ['active', 'sleeping', 'stopped', 'failed'] as const;
export type KnownSessionStatus = (typeof SESSION_STATUSES)[number];

export const AGENT_ACTIVITIES = ['idle', 'prompting', 'recovering', 'error', 'stopped'] as const;

export const MESSAGE_ROLES = ['user', 'assistant', 'system', 'tool', 'thinking', 'plan'] as const;
export type KnownMessageRole = (typeof MESSAGE_ROLES)[number];

export const TOOL_CALL_STATUSES = ['pending', 'in_progress', 'completed', 'failed'] as const;
export const PLAN_ENTRY_STATUSES = ['pending', 'in_progress', 'completed'] as const;

/** Where a queued prompt is in SAM's mailbox (`mailbox.delivery_updated`). */
export const DELIVERY_STATES = ['queued', 'delivering', 'retry_wait', 'delivered', 'acked', 'failed', 'ambiguous', 'expired'] as const;

export const NOTIFICATION_TYPES = ['needs_input', 'error', 'cron_failure', 'task_complete', 'session_ended', 'pr_created', 'progress'] as const;
export type KnownNotificationType = (typeof NOTIFICATION_TYPES)[number];

export const URGENCIES = ['high', 'medium', 'low'] as const;
export type KnownUrgency = (typeof URGENCIES)[number];

/** The urgency SAM gives each notification type when the notification names none (keyed by string: types are open). */
export const DEFAULT_URGENCY: Readonly<Record<string, KnownUrgency>> = {
  needs_input: 'high',
  error: 'high',
  cron_failure: 'high',
  task_complete: 'medium',
  session_ended: 'medium',
  pr_created: 'medium',
  progress: 'low',
} satisfies Record<KnownNotificationType, KnownUrgency>;

export const ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'APPROVAL_REQUIRED',
  'NOT_FOUND',
  'CONFLICT',
  'UNPROCESSABLE_ENTITY',
  'PAYMENT_REQUIRED',
  'TOO_MANY_REQUESTS',
  'RATE_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
  'GITHUB_REAUTH_REQUIRED',
  'RUNTIME_STOPPED',
  'RUNTIME_RECOVERING',
  'RUNTIME_REQUEST_INTERRUPTED',
  'RUNTIME_RECOVERY_DEGRADED',
] as const;
