import { queryOptions } from '@tanstack/react-query';
import type { ProjectList } from './contract';
import { isApiError } from './http';
import { api } from './endpoints';

/*
 * Query keys, general -> specific, and the queryOptions of the simple (non-live) routes.
 * Invalidating a prefix reaches everything under it: `keys.project(p)` covers the project's sessions,
 * tasks and open chats. The live caches (session list, tasks, chat entries) are built in src/live/
 * (`liveQueries`), because their query functions merge into what the stream already holds.
 */
export const keys = {
  all: ['sam'] as const,
  /** Every project-scoped entry, and the project list (`{ list }` never collides with an id). */
  projects: () => [...keys.all, 'projects'] as const,
  projectList: () => [...keys.projects(), { list: 'all' }] as const,
  project: (projectId: string) => [...keys.projects(), projectId] as const,
  projectDetail: (projectId: string) => [...keys.project(projectId), 'detail'] as const,
  /** The project's active sessions as one plain page, for the card's "needs you" (not the live sidebar list). */
  projectActiveSessions: (projectId: string) => [...keys.project(projectId), 'activeSessions'] as const,

  sessions: (projectId: string) => [...keys.project(projectId), 'sessions'] as const,
  sessionList: (projectId: string) => [...keys.sessions(projectId), 'list'] as const,
  /** Merged session facts (REST rows + live events), one entry per project: see SessionRecord in reconcile/sessionFacts.ts. */
  sessionFacts: (projectId: string) => [...keys.sessions(projectId), 'facts'] as const,
  /** Where SAM's mailbox is with each prompt sent from here (by deliveryId): see live/deliveries.ts. */
  promptDeliveries: (projectId: string) => [...keys.sessions(projectId), 'deliveries'] as const,
  /** One light look at a session's detail, for what SAM's list cannot say (its open question). */
  sessionProbe: (projectId: string, sessionId: string) => [...keys.sessions(projectId), 'probe', sessionId] as const,
  chats: (projectId: string) => [...keys.sessions(projectId), 'chat'] as const,
  /** One open session: detail, state, message log, conversation, optimistic sends. */
  chat: (projectId: string, sessionId: string) => [...keys.chats(projectId), sessionId] as const,

  /** The `toolMetadata.content` of one tool call that compact mode left out, loaded on demand. */
  toolContent: (projectId: string, sessionId: string, itemId: string) => [...keys.project(projectId), 'toolContent', sessionId, itemId] as const,

  tasks: (projectId: string) => [...keys.project(projectId), 'tasks'] as const,
  taskList: (projectId: string) => [...keys.tasks(projectId), 'list'] as const,
  /** Newest task snapshot held per task id (list pages, task details, embedded tasks). */
  taskSnapshots: (projectId: string) => [...keys.tasks(projectId), 'snapshots'] as const,
  taskDetails: (projectId: string) => [...keys.tasks(projectId), 'detail'] as const,
  taskDetail: (projectId: string, taskId: string) => [...keys.taskDetails(projectId), taskId] as const,

  /** The notifications feature builds its keys under this prefix. */
  notifications: () => [...keys.all, 'notifications'] as const,
};

/** How many pages of projects the list follows before it stops (100 each). */
const PROJECT_PAGES_MAX = 20;

export const queries = {
  /**
   * All projects of the user, most recently active first. Follows `nextCursor` up to
   * PROJECT_PAGES_MAX pages; `nextCursor` is non-null in the result only when it stopped early.
   */
  projects: () =>
    queryOptions({
      queryKey: keys.projectList(),
      queryFn: async ({ signal }): Promise<ProjectList> => {
        const projects: ProjectList['projects'] = [];
        let cursor: string | null = null;
        for (let page = 0; page < PROJECT_PAGES_MAX; page += 1) {
          const body: ProjectList = await api.projects({ limit: 100, cursor, sort: 'last_activity' }, signal);
          projects.push(...body.projects);
          cursor = body.nextCursor;
          if (!cursor) break;
        }
        return { projects, nextCursor: cursor };
      },
      staleTime: 30_000,
    }),

  /**
   * The output compact mode left out of a tool call, from the call's rows newest first (the row that
   * completed a call carries its output; a row that is not a tool row answers 404).
   */
  toolContent: (projectId: string, sessionId: string, itemId: string, messageIds: readonly string[]) =>
    queryOptions({
      queryKey: keys.toolContent(projectId, sessionId, itemId),
      queryFn: async ({ signal }): Promise<unknown[]> => {
        for (const messageId of [...messageIds].reverse()) {
          try {
            const { content } = await api.toolContent(projectId, sessionId, messageId, signal);
            if (content.length > 0) return content;
          } catch (error) {
            if (!isApiError(error) || error.status !== 404) throw error;
          }
        }
        return [];
      },
      // Tool output never changes once written.
      staleTime: Infinity,
    }),

  project: (projectId: string) =>
    queryOptions({
      queryKey: keys.projectDetail(projectId),
      queryFn: ({ signal }) => api.project(projectId, signal),
      staleTime: 30_000,
    }),

  /** Up to 100 active sessions of a project (their `attention` tells who waits on a person). */
  projectActiveSessions: (projectId: string) =>
    queryOptions({
      queryKey: keys.projectActiveSessions(projectId),
      queryFn: async ({ signal }) => (await api.sessions(projectId, { status: 'active', limit: 100 }, signal)).sessions,
      staleTime: 30_000,
    }),
};
