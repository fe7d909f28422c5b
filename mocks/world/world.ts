import type { Clock } from './clock';
import { Ids } from './ids';
import { Rng } from './rng';
import { MachineStore } from './machines';
import { MessageStore } from './messages';
import { NotificationStore } from './notifications';
import { SessionStore } from './sessions';
import { TaskStore } from './tasks';
import type { NotificationFrame, ProjectEvent, ProjectRec, UserRec } from './types';
import { isoOrNull, iso, projectWireBase } from './wire';
import type { WorldCore } from './worldCore';

export interface WorldOptions {
  seed: number;
  clock: Clock;
  /** When the world starts (ids count from it); defaults to the clock's current time. */
  start?: number;
  /** Who is signed in: Ada (the default) or Grace, a second user of the same browser (e2e/reopen.spec.ts). */
  user?: SimUser;
}

export type SimUser = 'ada' | 'grace';
const USERS: Record<SimUser, { id: string; email: string; name: string }> = {
  ada: { id: 'user_01HZX8ADA', email: 'ada@example.com', name: 'Ada Lovelace' },
  grace: { id: 'user_01HZX8GRC', email: 'grace@example.com', name: 'Grace Hopper' },
};

export type ProjectListener = (event: ProjectEvent) => void;
export type NotificationListener = (frame: NotificationFrame) => void;

/** Switches that make the world misbehave the way SAM sometimes does (driven by the fault controller). */
export interface WorldFlags {
  /** When a task fails, leave its session row `active` (no session.failed, no agent_completed). */
  keepSessionActiveAfterTaskFailure: boolean;
}

/**
 * The simulated control plane's state: projects, tasks, sessions, messages, notifications. Every
 * mutation goes through a store method that also emits the contract's events to subscribers.
 */
export class World implements WorldCore {
  readonly rng: Rng;
  readonly ids: Ids;
  readonly clock: Clock;
  readonly me: UserRec;
  readonly projects = new Map<string, ProjectRec>();
  readonly tasks: TaskStore;
  readonly sessions: SessionStore;
  readonly messages: MessageStore;
  readonly notifications: NotificationStore;
  /** Workspaces, boot logs, node events and the idle-cleanup schedule (the machine strip's routes). */
  readonly machines: MachineStore;
  readonly flags: WorldFlags = { keepSessionActiveAfterTaskFailure: false };
  private readonly projectListeners = new Set<ProjectListener>();
  private readonly notificationListeners = new Set<NotificationListener>();

  constructor({ seed, clock, start = clock.now(), user = 'ada' }: WorldOptions) {
    this.rng = new Rng(seed);
    this.ids = new Ids(this.rng.fork(), start);
    this.clock = clock;
    this.me = {
      ...USERS[user],
      avatarUrl: null,
      createdAt: clock.now() - 400 * 86_400_000,
    };
    this.tasks = new TaskStore(this);
    this.sessions = new SessionStore(this);
    this.messages = new MessageStore(this);
    this.notifications = new NotificationStore(this);
    this.machines = new MachineStore(this);
  }

  now(): number {
    return this.clock.now();
  }

  // ---------- subscriptions ----------
  /** Events of one project (session events and project-wide ones). */
  subscribe(projectId: string, listener: ProjectListener): () => void {
    return this.subscribeAll((event) => {
      if (event.projectId === projectId) listener(event);
    });
  }

  subscribeAll(listener: ProjectListener): () => void {
    this.projectListeners.add(listener);
    return () => this.projectListeners.delete(listener);
  }

  subscribeNotifications(listener: NotificationListener): () => void {
    this.notificationListeners.add(listener);
    return () => this.notificationListeners.delete(listener);
  }

  /** Lets bulk writers skip building frames nobody would receive. */
  get hasProjectListeners(): boolean {
    return this.projectListeners.size > 0;
  }

  emitProject(projectId: string, sessionId: string | null, type: string, payload: Record<string, unknown>): void {
    const event: ProjectEvent = { projectId, sessionId, frame: { type, payload } };
    for (const listener of [...this.projectListeners]) listener(event);
  }

  emitNotification(frame: NotificationFrame): void {
    for (const listener of [...this.notificationListeners]) listener(frame);
  }

  /** `activity.new`: how task status changes surface on the project stream. */
  emitActivity(projectId: string, eventType: string): void {
    this.emitProject(projectId, null, 'activity.new', { eventType, id: this.ids.uuid() });
  }

  // ---------- projects ----------
  addProject(init: Partial<ProjectRec> & { name: string; repository: string }, at = this.now()): ProjectRec {
    const project: ProjectRec = {
      id: init.id ?? this.ids.ulid(at),
      userId: this.me.id,
      description: null,
      githubRepoId: this.rng.int(100_000_000, 999_999_999),
      defaultBranch: 'main',
      repoProvider: 'github',
      status: 'active',
      createdAt: at,
      updatedAt: at,
      ...init,
    };
    this.projects.set(project.id, project);
    return project;
  }

  projectSummary(projectId: string) {
    const taskCountsByStatus: Record<string, number> = {};
    let lastActivityAt: number | null = null;
    for (const task of this.tasks.list(projectId)) {
      taskCountsByStatus[task.status] = (taskCountsByStatus[task.status] ?? 0) + 1;
      lastActivityAt = Math.max(lastActivityAt ?? 0, task.updatedAt);
    }
    let active = 0;
    for (const session of this.sessions.list(projectId)) {
      if (session.status === 'active') active += 1;
      lastActivityAt = Math.max(lastActivityAt ?? 0, session.lastMessageAt ?? session.updatedAt);
    }
    return {
      taskCountsByStatus,
      linkedWorkspaces: active,
      activeWorkspaceCount: active,
      activeSessionCount: active,
      lastActivityAt,
    };
  }

  projectSummaryWire(project: ProjectRec) {
    const summary = this.projectSummary(project.id);
    return {
      ...projectWireBase(project),
      ...summary,
      lastActivityAt: isoOrNull(summary.lastActivityAt),
      createdAt: iso(project.createdAt),
    };
  }

  projectDetailWire(project: ProjectRec) {
    const summary = this.projectSummary(project.id);
    return {
      ...projectWireBase(project),
      userId: project.userId,
      description: project.description,
      multiplayerActive: false,
      createdAt: iso(project.createdAt),
      updatedAt: iso(project.updatedAt),
      summary: { ...summary, lastActivityAt: isoOrNull(summary.lastActivityAt) },
    };
  }
}
