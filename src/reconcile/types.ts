/*
 * The vocabulary of the reconciliation layer. These types are the contract between the pure core
 * (src/reconcile, src/live) and the features that render it. reconcile/ imports nothing from React or
 * I/O; it may import types (only types) from the API contract.
 */
import type { Attention, EmbeddedTask, PlanEntry, SessionRow, Task, ToolMetadata } from '../api/contract';

/** The one displayed state of a session. Every surface (sidebar, header, composer, title) shows this. */
export type DisplayState = 'working' | 'idle' | 'needs_input' | 'sleeping' | 'waking' | 'completed' | 'failed' | 'cancelled' | 'stopped' | 'unknown';

export interface SessionView {
  state: DisplayState;
  /** Short label for a badge: "Working", "Needs you", "Failed". */
  label: string;
  /** Why this state is shown, in words a person can read: "task failed 2 min ago: tests did not pass". */
  reason: string;
  /** When the shown state began (epoch ms), when known. */
  since: number | null;
  /** The conversation can no longer take prompts (terminal task, or stopped/failed session). */
  ended: boolean;
  /** The composer accepts a follow-up. */
  canSend: boolean;
  /** An interrupt makes sense (the agent is working). */
  canInterrupt: boolean;
  /** The open question the agent waits on, if any. */
  attention: Attention | null;
  /** True when the data may be out of date because the stream is down or catching up. */
  stale: boolean;
  /** How long (ms) the agent has said it works while writing nothing, once past the stall threshold; else null. */
  silentFor: number | null;
}

/** Where a retry or fork came from. Subtasks dispatched by agents are `subtask`, not forks. */
export type Lineage =
  | { kind: 'root' }
  | { kind: 'subtask'; parentTaskId: string }
  | {
      kind: 'retry' | 'fork';
      parentTaskId: string;
      parentTitle: string | null;
      /** The session whose taskId is the parent task, when it is known. */
      parentSessionId: string | null;
      /** For retries: 2 for the first retry of a parent, 3 for the second, and so on. */
      attempt: number | null;
      /** "⑂ from <parent title>" or "↩ attempt N". */
      text: string;
    };

export type ToolCallStatus = 'pending' | 'in_progress' | 'completed' | 'failed' | 'unknown';

/** One row of the displayed conversation, built from message rows by `conversation()`. */
export type ConversationItem =
  | {
      kind: 'user';
      id: string;
      text: string;
      createdAt: number;
      /** Optimistic sends not yet confirmed by the server. */
      delivery: 'confirmed' | 'sending' | 'failed';
    }
  // Two members, not one with `kind: 'assistant' | 'thinking'`, so that a switch on `kind` narrows.
  | { kind: 'assistant'; id: string; text: string; createdAt: number; messageIds: readonly string[] }
  | { kind: 'thinking'; id: string; text: string; createdAt: number; messageIds: readonly string[] }
  | {
      kind: 'tool';
      id: string;
      toolCallId: string;
      title: string;
      toolKind: string | null;
      toolName: string | null;
      status: ToolCallStatus;
      locations: readonly { path: string; line: number | null }[];
      /** The newest metadata of the call, merged over its rows. */
      metadata: ToolMetadata;
      createdAt: number;
      messageIds: readonly string[];
    }
  | { kind: 'plan'; id: string; entries: readonly PlanEntry[]; createdAt: number }
  | { kind: 'system'; id: string; text: string; createdAt: number }
  | { kind: 'unknown'; id: string; role: string; text: string; createdAt: number };

export type NotificationTab = 'priority' | 'updates';

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** What only the stream or the detail's `state` tells about a session, beside its row. */
export interface LiveSessionFields {
  /** idle | prompting | recovering | error | stopped, anything else SAM adds, or null when not known. */
  activity: string | null;
  promptStartedAt: number | null;
  statusError: string | null;
  wakePhase: string | null;
  recoveryStatus: string | null;
  wakeAt: number | null;
}

/** A session as the core knows it: the merged row plus the live fields. The input of sessionView. */
export type SessionFacts = SessionRow & LiveSessionFields;

/** The task fields sessionView reads; a full Task and an embedded task (plus its held row) both fit. */
export interface TaskFacts {
  id: string;
  status: string;
  executionStep: string | null;
  errorMessage: string | null;
  completedAt?: number | null;
  finalizedAt?: number | null;
  updatedAt?: number | null;
}

/** What sessionView needs to know about a session's task beyond its facts. */
export interface TaskContext {
  /** Why no task facts are at hand for a session that has a task: still loading, or the lookup failed. */
  lookup: 'loading' | 'failed';
  /** The task was seen terminal, then in a newer snapshot back at work (HeldTask.leftTerminal). */
  taskLeftTerminal: boolean;
}

/** How live the data is: the project stream's state, from the connection store. */
export interface StreamFacts {
  connection: ConnectionStatus;
  lastLiveAt: number | null;
  catchingUp: boolean;
}

/** One session as the core hands it to features: the sidebar row and the chat header read the same one. */
export interface SessionEntry {
  /** The merged row: REST snapshots and live events, newest information per field. */
  session: SessionRow;
  /** The newest task snapshot held (list, detail, or embedded), null while unknown. */
  task: Task | null;
  /** sessionView(...): the ONLY source of a displayed state. */
  view: SessionView;
  lineage: Lineage;
  lastActivityAt: number | null;
}

/** A prompt typed here and not yet confirmed by a message row from SAM. */
export interface PendingSend {
  /** Local id until SAM accepts it; the item keeps it as its id. */
  localId: string;
  text: string;
  /** When the user sent it (client clock). */
  sentAt: number;
  delivery: 'sending' | 'failed';
  /** The id SAM gave the persisted message (prompt route's `messageId`), once accepted. */
  messageId: string | null;
  /** Why the last attempt failed, for the failed item. */
  error: string | null;
  /** The attempt failed for lack of network: it is sent again after the next reconnect's catch-up. */
  replayOnReconnect: boolean;
}

/** One snapshot of a task as a route brought it, stamped with when its request started (see taskSnapshots). */
export type TaskSnapshot = { kind: 'full'; task: Task; asOf: number } | { kind: 'embedded'; task: EmbeddedTask; asOf: number };

/** The newest that is known about one task, merged from its snapshots (see taskSnapshots). */
export interface HeldTask {
  /** The newest full row held (title, parent, times), or null when only an embedded snapshot was seen. */
  readonly task: Task | null;
  /** An embedded snapshot newer than `task`: its fields overlay the row's. */
  readonly overlay: EmbeddedTask | null;
  /** The server version (`updatedAt`) of the newest information, or null when an embedded snapshot (no version) is newest. */
  readonly updatedAt: number | null;
  /** When the request behind the newest information started. */
  readonly asOf: number;
  /**
   * The task was seen terminal and then, in a newer snapshot, not: SAM sent it back to work (failed ->
   * ready -> queued ..., retried in place). Cleared when it is seen terminal again.
   */
  readonly leftTerminal: boolean;
}
