import * as c from './contract';
import { request } from './http';
import { connectionSink } from '../state/connection';

/** One fetcher per SAM route Lookout uses (sam-contract.md). Each returns validated, normalised data. */

/** Messages cut at the contract edge are counted in the stream diagnostics, whichever route brought them. */
function countingCuts<Page extends { messages: readonly c.CutMark[] }>(page: Page): Page {
  connectionSink.contentCut?.(c.countCut(page.messages));
  return page;
}

const p = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}`;
const s = (projectId: string, sessionId: string) => `${p(projectId)}/sessions/${encodeURIComponent(sessionId)}`;

export const api = {
  me: (signal?: AbortSignal) => request('/api/auth/me', { schema: c.UserSchema, signal }),

  projects: (query: { limit?: number; cursor?: string | null; sort?: string } = {}, signal?: AbortSignal) =>
    request('/api/projects', { schema: c.ProjectListSchema, query, signal }),
  project: (projectId: string, signal?: AbortSignal) => request(p(projectId), { schema: c.ProjectDetailSchema, signal }),

  tasks: (projectId: string, query: { status?: string; sort?: string; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
    request(`${p(projectId)}/tasks`, { schema: c.TaskListSchema, query, signal }),
  task: (projectId: string, taskId: string, signal?: AbortSignal) =>
    request(`${p(projectId)}/tasks/${encodeURIComponent(taskId)}`, { schema: c.TaskSchema, signal }),
  taskEvents: (projectId: string, taskId: string, signal?: AbortSignal) =>
    request(`${p(projectId)}/tasks/${encodeURIComponent(taskId)}/events`, { schema: c.TaskEventListSchema, signal }),
  submitTask: (projectId: string, body: { message: string; taskMode?: string; parentTaskId?: string; contextSummary?: string }) =>
    request(`${p(projectId)}/tasks/submit`, { schema: c.SubmitTaskResponseSchema, method: 'POST', body }),

  sessions: (projectId: string, query: { status?: string; limit?: number; offset?: number; scope?: 'my' | 'all' } = {}, signal?: AbortSignal) =>
    request(`${p(projectId)}/sessions`, { schema: c.SessionListSchema, query, signal }),
  session: (projectId: string, sessionId: string, query: { limit?: number; before?: number; after?: number } = {}, signal?: AbortSignal) =>
    request(s(projectId, sessionId), { schema: c.SessionDetailSchema, query, signal }).then(countingCuts),
  messages: (
    projectId: string,
    sessionId: string,
    query: { limit?: number; before?: number; after?: number; roles?: string; order?: 'asc' | 'desc' } = {},
    signal?: AbortSignal,
  ) => request(`${s(projectId, sessionId)}/messages`, { schema: c.MessagePageSchema, query, signal }).then(countingCuts),

  toolContent: (projectId: string, sessionId: string, messageId: string, signal?: AbortSignal) =>
    request(`${s(projectId, sessionId)}/messages/${encodeURIComponent(messageId)}/tool-content`, { schema: c.ToolContentSchema, signal }),

  sendPrompt: (projectId: string, sessionId: string, content: string) =>
    request(`${s(projectId, sessionId)}/prompt`, { schema: c.PromptAcceptedSchema, method: 'POST', body: { content } }),
  interrupt: (projectId: string, sessionId: string) => request(`${s(projectId, sessionId)}/cancel`, { schema: c.CancelResponseSchema, method: 'POST' }),
  archive: (projectId: string, sessionId: string) => request(`${s(projectId, sessionId)}/stop`, { schema: c.StopResponseSchema, method: 'POST' }),
  resolveAttention: (projectId: string, sessionId: string, markerId: string, answer: string) =>
    request(`${s(projectId, sessionId)}/attention/${encodeURIComponent(markerId)}/resolve`, {
      schema: c.OkResponseSchema,
      method: 'POST',
      body: { answer },
    }),
  forkPrepare: (projectId: string, sessionId: string) => request(`${s(projectId, sessionId)}/fork-prepare`, { schema: c.ForkPrepareSchema, method: 'POST' }),
  summarize: (projectId: string, sessionId: string) => request(`${s(projectId, sessionId)}/summarize`, { schema: c.SummarizeSchema, method: 'POST' }),

  notifications: (query: { limit?: number; cursor?: string | number | null; filter?: 'all' | 'unread'; type?: string } = {}, signal?: AbortSignal) =>
    request('/api/notifications', { schema: c.NotificationListSchema, query, signal }),
  unreadCount: (signal?: AbortSignal) => request('/api/notifications/unread-count', { schema: c.UnreadCountSchema, signal }),
  markRead: (id: string) => request(`/api/notifications/${encodeURIComponent(id)}/read`, { schema: c.OkResponseSchema, method: 'POST' }),
  markAllRead: () => request('/api/notifications/read-all', { schema: c.OkResponseSchema, method: 'POST' }),
  dismiss: (id: string) => request(`/api/notifications/${encodeURIComponent(id)}/dismiss`, { schema: c.OkResponseSchema, method: 'POST' }),
};

export const streamPaths = {
  project: (projectId: string) => `${p(projectId)}/sessions/ws`,
  notifications: () => '/api/notifications/ws',
};
