import { summarizeSession } from '../fleet/summary';
import type { MessageRec, SessionRec } from '../world/types';
import { messageWire, sessionDetailWire, sessionRowWire, sessionStateWire } from '../world/wire';
import { requireProject } from './projects';
import { badRequest, conflict, enumParam, intParam, listParam, notFound, objectBody, ok, stringField, type Route, type SimCore } from './router';
import { MESSAGE_LIMITS } from '../world/messages';

function requireSession(core: SimCore, projectId: string | undefined, sessionId: string | undefined): SessionRec {
  const project = requireProject(core, projectId);
  const session = sessionId ? core.world.sessions.get(sessionId) : undefined;
  if (!session || session.projectId !== project.id) throw notFound('Session not found');
  return session;
}

function pageQuery(query: URLSearchParams) {
  return {
    limit: intParam(query, 'limit', 1, MESSAGE_LIMITS.max),
    before: intParam(query, 'before', 0),
    after: intParam(query, 'after', 0),
  };
}

const S = '/api/projects/:projectId/sessions/:sessionId';

const utf8 = new TextEncoder();

/**
 * SAM's compact mode (on by default, sam-contract Corrections 5): a tool row's `toolMetadata.content`
 * is left out and replaced by its size in bytes; `GET .../messages/:m/tool-content` serves it.
 */
function compactMessageWire(m: MessageRec) {
  const wire = messageWire(m);
  const meta = wire.toolMetadata;
  if (!meta || !Array.isArray(meta.content) || meta.content.length === 0) return wire;
  const { content, ...rest } = meta;
  return { ...wire, toolMetadata: { ...rest, contentSize: utf8.encode(JSON.stringify(content)).byteLength } };
}

/** `compact=true|1|false|0`, default on (the detail route has no such parameter: it is always compact). */
function compactParam(query: URLSearchParams): boolean {
  const raw = query.get('compact')?.trim().toLowerCase();
  if (!raw) return true;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw badRequest('compact must be true or false');
}

export const sessionRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/projects/:projectId/sessions',
    handle(core, { params, query }) {
      const project = requireProject(core, params.projectId);
      const limit = intParam(query, 'limit', 1, 100) ?? 20;
      const offset = intParam(query, 'offset', 0) ?? 0;
      const scope = enumParam(query, 'scope', ['my', 'all'] as const) ?? 'all';
      const statuses = listParam(query, 'status');
      const me = core.world.me;
      const rows = core.world.sessions
        .listed(project.id)
        .filter((s) => (!statuses || statuses.includes(s.status)) && (scope === 'all' || s.createdByUserId === me.id))
        .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1));
      const page = rows.slice(offset, offset + limit);
      return ok({
        sessions: page.map((s) => sessionRowWire(s, me)),
        total: rows.length,
        hasMore: offset + page.length < rows.length,
      });
    },
  },
  {
    method: 'GET',
    path: S,
    handle(core, { params, query }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      // The detail route's window is always the newest rows; with `after` and no limit, the delta limit.
      const window = pageQuery(query);
      const page = core.world.messages.page(session.id, {
        ...window,
        limit: window.limit ?? (window.after !== undefined ? MESSAGE_LIMITS.defaultAfter : undefined),
      });
      const task = session.taskId ? (core.world.tasks.get(session.taskId) ?? null) : null;
      return ok({
        // Only the single-session read joins the idle-cleanup schedule (SAM's getSession).
        session: { ...sessionDetailWire(session, task, core.world.me), cleanupAt: core.world.machines.cleanupAt(session.id) ?? session.cleanupAt },
        messages: page.messages.map(compactMessageWire),
        hasMore: page.hasMore,
        state: sessionStateWire(session),
      });
    },
  },
  {
    method: 'GET',
    path: `${S}/messages`,
    handle(core, { params, query }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      const page = core.world.messages.page(session.id, {
        ...pageQuery(query),
        roles: listParam(query, 'roles'),
        order: enumParam(query, 'order', ['asc', 'desc'] as const),
      });
      const wire = compactParam(query) ? compactMessageWire : messageWire;
      return ok({ messages: page.messages.map(wire), hasMore: page.hasMore });
    },
  },
  {
    method: 'GET',
    path: `${S}/messages/:messageId/tool-content`,
    handle(core, { params }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      const message = core.world.messages.all(session.id).find((m) => m.id === params.messageId);
      if (!message || message.role !== 'tool') throw notFound('Message tool content not found');
      const content = message.toolMetadata?.content;
      return ok({ content: Array.isArray(content) ? structuredClone(content) : [] });
    },
  },
  {
    method: 'POST',
    path: `${S}/prompt`,
    handle(core, req) {
      const session = requireSession(core, req.params.projectId, req.params.sessionId);
      const content = stringField(objectBody(req), 'content', 102_400);
      if (session.status === 'stopped') throw conflict('The session is stopped');
      const { message, deliveryId } = core.fleet.prompt(session.id, content);
      return ok({ accepted: true, status: 'queued', deliveryId, messageId: message.id }, 202);
    },
  },
  {
    method: 'POST',
    path: `${S}/cancel`,
    handle(core, { params }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      const status = core.fleet.cancel(session.id);
      return ok({ status, message: status === 'cancelled' ? 'The prompt was cancelled.' : 'No prompt was running.' });
    },
  },
  {
    method: 'POST',
    path: `${S}/stop`,
    handle(core, { params }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      if (session.status !== 'stopped') core.fleet.stop(session.id);
      return ok({ status: 'stopped', workspaceDeleted: true });
    },
  },
  {
    method: 'POST',
    path: `${S}/attention/:markerId/resolve`,
    handle(core, req) {
      const session = requireSession(core, req.params.projectId, req.params.sessionId);
      const marker = session.attention;
      if (!marker || marker.markerId !== req.params.markerId) throw notFound('Attention marker not found or already resolved');
      const answer = stringField(objectBody(req), 'answer', 10_000);
      if (!marker.options.includes(answer)) throw badRequest('answer must be one of the options', { options: [...marker.options] });
      core.fleet.answer(session.id, answer);
      return ok({ success: true });
    },
  },
  {
    method: 'POST',
    path: `${S}/fork-prepare`,
    handle(core, { params }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      const task = session.taskId ? core.world.tasks.get(session.taskId) : undefined;
      if (!task) throw badRequest('The session has no task to fork from');
      const summary = summarizeSession(core.world, session.id);
      return ok({
        parentTaskId: task.id,
        parentSessionId: session.id,
        parentBranch: task.outputBranch,
        sessionLabel: session.topic,
        summary: summary.summary,
        messageCount: summary.messageCount,
        repaired: false,
      });
    },
  },
  {
    method: 'POST',
    path: `${S}/summarize`,
    handle(core, { params }) {
      const session = requireSession(core, params.projectId, params.sessionId);
      return ok(summarizeSession(core.world, session.id));
    },
  },
];
