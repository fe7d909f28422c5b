/** The app path of a chat (the route `/projects/:projectId/chat/:sessionId?` in app/router). */
export function chatPath(projectId: string, sessionId?: string | null): string {
  const base = `/projects/${encodeURIComponent(projectId)}/chat`;
  return sessionId ? `${base}/${encodeURIComponent(sessionId)}` : base;
}

/** The app path of a chat's workspace changes (the route `/projects/:projectId/chat/:sessionId/changes`). */
export function changesPath(projectId: string, sessionId: string): string {
  return `${chatPath(projectId, sessionId)}/changes`;
}
