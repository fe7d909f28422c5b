import type { SessionRec } from './types';
import type { WorldCore } from './worldCore';

/*
 * The machines behind the chats: each session's workspace (its status, node, boot log) and each node's
 * event list, as SAM's control plane and VM agent hold them; plus the idle-cleanup schedule of the
 * ProjectData object. Shapes and rules from SAM's source (docs/machine.md lists the files).
 */

export interface BootLogEntryRec {
  step: string;
  status: 'started' | 'completed' | 'failed';
  message: string;
  detail: string | null;
  at: number;
}

export interface WorkspaceRec {
  id: string;
  nodeId: string;
  projectId: string;
  sessionId: string | null;
  status: string;
  errorMessage: string | null;
  /** The VM agent's ring buffer: what a socket that connects now is sent first. */
  bootLog: BootLogEntryRec[];
  bootComplete: boolean;
}

export interface NodeEventRec {
  id: string;
  nodeId: string;
  workspaceId: string | null;
  level: string;
  type: string;
  message: string;
  detail: Record<string, unknown>;
  createdAt: number;
}

export type BootLogListener = (frame: { type: 'log'; entry: BootLogEntryRec } | { type: 'complete' }) => void;

/** The VM agent keeps the last 200 boot-log lines (`bootLogMaxBuffered`) and the newest 500 events. */
export const BOOT_LOG_BUFFER = 200;
const NODE_EVENTS_KEPT = 500;
/** `DEFAULT_SESSION_IDLE_TIMEOUT_MINUTES` (packages/shared/src/constants/node-pooling.ts). */
export const SESSION_IDLE_TIMEOUT_MS = 15 * 60_000;

/** SAM's canonical workspace address (routes/terminal.ts): `https://ws-<id>.<BASE_DOMAIN>`. */
export const workspaceUrlOf = (workspaceId: string) => `https://ws-${workspaceId}.sam.example`;

export class MachineStore {
  private readonly workspaces = new Map<string, WorkspaceRec>();
  private readonly nodeEvents = new Map<string, NodeEventRec[]>();
  private readonly bootListeners = new Map<string, Set<BootLogListener>>();
  /** sessionId -> cleanupAt (the `idle_cleanup_schedule` row). */
  private readonly idleSchedule = new Map<string, number>();

  constructor(private readonly world: WorldCore) {}

  workspace(workspaceId: string): WorkspaceRec | undefined {
    return this.workspaces.get(workspaceId);
  }

  /** Registers (or returns) the record of a session's workspace. */
  ensure(session: SessionRec, status = 'running'): WorkspaceRec {
    const id = session.workspaceId;
    if (!id) throw new Error(`session ${session.id} has no workspace`);
    let rec = this.workspaces.get(id);
    if (!rec) {
      rec = { id, nodeId: `node-${id}`, projectId: session.projectId, sessionId: session.id, status, errorMessage: null, bootLog: [], bootComplete: false };
      this.workspaces.set(id, rec);
    }
    return rec;
  }

  /** The workspace comes back on a new VM (a wake): a new agent, an empty boot log. */
  replaceVm(workspaceId: string): void {
    const rec = this.workspaces.get(workspaceId);
    if (!rec) return;
    rec.bootLog = [];
    rec.bootComplete = false;
  }

  setStatus(workspaceId: string, status: string): void {
    const rec = this.workspaces.get(workspaceId);
    if (rec) rec.status = status;
  }

  // ---------- the boot log (vm-agent internal/server/bootlog_ws.go) ----------
  bootLine(workspaceId: string, entry: Omit<BootLogEntryRec, 'at'> & { at?: number }): void {
    const rec = this.workspaces.get(workspaceId);
    if (!rec) return;
    const full: BootLogEntryRec = { ...entry, at: entry.at ?? this.world.now() };
    rec.bootLog.push(full);
    if (rec.bootLog.length > BOOT_LOG_BUFFER) rec.bootLog.shift();
    for (const listener of [...(this.bootListeners.get(workspaceId) ?? [])]) listener({ type: 'log', entry: full });
  }

  bootComplete(workspaceId: string): void {
    const rec = this.workspaces.get(workspaceId);
    if (!rec || rec.bootComplete) return;
    rec.bootComplete = true;
    for (const listener of [...(this.bootListeners.get(workspaceId) ?? [])]) listener({ type: 'complete' });
  }

  subscribeBootLog(workspaceId: string, listener: BootLogListener): () => void {
    const set = this.bootListeners.get(workspaceId) ?? new Set();
    set.add(listener);
    this.bootListeners.set(workspaceId, set);
    return () => set.delete(listener);
  }

  // ---------- node events (vm-agent appendNodeEvent: newest first, bounded) ----------
  nodeEvent(workspaceId: string, event: Pick<NodeEventRec, 'level' | 'type' | 'message' | 'detail'>, at = this.world.now()): void {
    const rec = this.workspaces.get(workspaceId);
    if (!rec) return;
    const list = this.nodeEvents.get(rec.nodeId) ?? [];
    // The VM agent stamps events with whole RFC 3339 seconds.
    list.unshift({ ...event, id: this.world.ids.sequential('evt'), nodeId: rec.nodeId, workspaceId, createdAt: Math.floor(at / 1000) * 1000 });
    if (list.length > NODE_EVENTS_KEPT) list.length = NODE_EVENTS_KEPT;
    this.nodeEvents.set(rec.nodeId, list);
  }

  events(nodeId: string, limit: number): readonly NodeEventRec[] {
    return (this.nodeEvents.get(nodeId) ?? []).slice(0, limit);
  }

  hasNode(nodeId: string): boolean {
    for (const rec of this.workspaces.values()) if (rec.nodeId === nodeId) return true;
    return false;
  }

  // ---------- idle cleanup (durable-objects/project-data/idle-cleanup.ts) ----------
  scheduleIdleCleanup(sessionId: string, at = this.world.now()): number {
    const cleanupAt = at + SESSION_IDLE_TIMEOUT_MS;
    this.idleSchedule.set(sessionId, cleanupAt);
    return cleanupAt;
  }

  /** `resetIdleCleanup`: now + the timeout when a schedule exists, else 0 (and nothing is scheduled). */
  resetIdleCleanup(sessionId: string): number {
    if (!this.idleSchedule.has(sessionId)) return 0;
    return this.scheduleIdleCleanup(sessionId);
  }

  cleanupAt(sessionId: string): number | null {
    return this.idleSchedule.get(sessionId) ?? null;
  }
}
