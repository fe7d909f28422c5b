import { intParam, ok, type Route } from './router';

/**
 * `GET /api/chats` as SAM serves it (apps/api/src/routes/chats.ts): the chats of the projects the user owns
 * (its `session_summaries` rows carry the project owner's id), newest `updatedAt` first, read from the same
 * lagging index as the sessions list, `limit` capped at 100 (default 50), `offset`, an exact `status` filter.
 */
export const chatRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/chats',
    handle(core, { query }) {
      const limit = intParam(query, 'limit', 1, 100) ?? 50;
      const offset = intParam(query, 'offset', 0) ?? 0;
      const status = query.get('status') || null;
      const me = core.world.me;
      const rows = [...core.world.projects.values()]
        .filter((project) => project.userId === me.id)
        .flatMap((project) => core.world.sessions.listed(project.id).map((session) => ({ session, projectName: project.name })))
        .filter(({ session }) => status === null || session.status === status)
        .sort((a, b) => b.session.updatedAt - a.session.updatedAt || (a.session.id < b.session.id ? 1 : -1));
      return ok({
        sessions: rows.slice(offset, offset + limit).map(({ session, projectName }) => ({
          id: session.id,
          projectId: session.projectId,
          projectName,
          userId: me.id,
          status: session.status,
          topic: session.topic,
          taskId: session.taskId,
          workspaceId: session.workspaceId,
          messageCount: session.messageCount,
          startedAt: session.startedAt,
          lastMessageAt: session.lastMessageAt,
          agentCompletedAt: session.agentCompletedAt,
          endedAt: session.endedAt,
          updatedAt: session.updatedAt,
        })),
        total: rows.length,
      });
    },
  },
];
