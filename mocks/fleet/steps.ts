import type { PlanEntry } from '../world/types';
import type { Rng } from '../world/rng';

/** One call of a tool: written as pending -> in_progress -> completed|failed rows sharing a toolCallId. */
export interface ToolCallSpec {
  toolName: string;
  title: string;
  kind: string;
  locations: { path: string; line: number | null }[];
  rawInput: unknown;
  rawOutput: unknown;
  /** ACP content blocks of the finished call (text, diff). */
  content: unknown[];
  /** Text of the finished row. */
  output: string;
  outcome: 'completed' | 'failed';
  durationMs: number;
}

/**
 * The agent script language. An agent runs its steps in order, on the clock; each step writes rows or
 * changes the session/task the way SAM's VM agent and control plane do.
 */
export type Step =
  | { kind: 'pause'; ms: number }
  | { kind: 'think'; chunks: string[] }
  | { kind: 'say'; chunks: string[] }
  | { kind: 'tool'; call: ToolCallSpec }
  | { kind: 'plan'; entries: PlanEntry[] }
  | { kind: 'ask'; reason: string; options: string[]; category: string }
  /** Task done: agent_completed, task completed, task_complete (and pr_created) notifications. */
  | { kind: 'complete'; summary: string; branch: string; prUrl: string | null }
  | { kind: 'fail'; error: string; sqlTimestamps?: boolean }
  /** End of a conversation turn: agent_completed, the task stays in progress awaiting a follow-up. */
  | { kind: 'idle' }
  | { kind: 'sleep' }
  | { kind: 'wake' }
  /** SAM's mailbox hands a queued prompt to the agent (`mailbox.delivery_updated` acked). */
  | { kind: 'deliver'; deliveryId: string }
  /** An agent dispatches a subtask over MCP (triggeredBy 'mcp', dispatchDepth + 1). */
  | { kind: 'dispatch'; title: string; script: Step[] }
  | { kind: 'progress'; title: string; body: string }
  /** Endless streaming: `make` is called again each time its steps run out. */
  | { kind: 'forever'; make: (rng: Rng) => Step[] };

export type StepKind = Step['kind'];

/** A task to submit with the script its agent runs. */
export interface SpawnOptions {
  projectId: string;
  title: string;
  /** The first user message (defaults to the title). */
  message?: string;
  script: readonly Step[];
  /** When the task was submitted; in the past, the script's history is written at once. */
  at?: number;
  taskMode?: 'task' | 'conversation';
  parentTaskId?: string | null;
  contextSummary?: string | null;
  triggeredBy?: string;
  dispatchDepth?: number;
  priority?: number;
  agentProfileHint?: string | null;
  /** The agent stops working at this time (then the scenario stops or fails the session). */
  haltAt?: number;
}
