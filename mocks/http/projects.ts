import { TASK_TRANSITIONS } from '../../src/api/contract';
import { slug } from '../fleet/corpus';
import { taskScript, type Ending } from '../fleet/scripts';
import type { ProjectRec, TaskRec } from '../world/types';
import { taskEventWire, taskWire, userWire } from '../world/wire';
import {
  badRequest,
  conflict,
  enumParam,
  intParam,
  listParam,
  notFound,
  objectBody,
  ok,
  optionalString,
  stringField,
  type Route,
  type SimCore,
} from './router';

const MAX_SUMMARY_BYTES = 64 * 1024;

export function requireProject(core: SimCore, projectId: string | undefined): ProjectRec {
  const project = projectId ? core.world.projects.get(projectId) : undefined;
  if (!project) throw notFound('Project not found');
  return project;
}

function requireTask(core: SimCore, projectId: string | undefined, taskId: string | undefined): TaskRec {
  const project = requireProject(core, projectId);
  const task = taskId ? core.world.tasks.get(taskId) : undefined;
  if (!task || task.projectId !== project.id) throw notFound('Task not found');
  return task;
}

/** Items after the one whose id is `cursor` (400 when the cursor is unknown). */
function afterCursor<T extends { id: string }>(items: readonly T[], cursor: string | null, limit: number) {
  let start = 0;
  if (cursor) {
    const index = items.findIndex((item) => item.id === cursor);
    if (index < 0) throw badRequest('Invalid cursor');
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page[page.length - 1];
  return { page, nextCursor: start + limit < items.length && last ? last.id : null };
}

const byDesc =
  <T>(key: (item: T) => number | string) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  };

const TASK_SORTS = {
  createdAtDesc: byDesc<TaskRec>((t) => t.createdAt),
  updatedAtDesc: byDesc<TaskRec>((t) => t.updatedAt),
  priorityDesc: byDesc<TaskRec>((t) => t.priority),
};

/** Stable: ties keep the id order (newest id first). */
function sortTasks(tasks: readonly TaskRec[], sort: keyof typeof TASK_SORTS): TaskRec[] {
  const idDesc = byDesc<TaskRec>((t) => t.id);
  return [...tasks].sort((a, b) => TASK_SORTS[sort](a, b) || idDesc(a, b));
}

export const projectRoutes: Route[] = [
  { method: 'GET', path: '/api/auth/me', handle: (core) => ok(userWire(core.world.me)) },
  {
    method: 'GET',
    path: '/api/projects',
    handle(core, { query }) {
      const limit = intParam(query, 'limit', 1, 100) ?? 50;
      const sort = enumParam(query, 'sort', ['last_activity', 'name', 'created_at'] as const) ?? 'last_activity';
      const rows = [...core.world.projects.values()].map((p) => ({ p, s: core.world.projectSummary(p.id) }));
      rows.sort((a, b) => {
        if (sort === 'name') return a.p.name.localeCompare(b.p.name) || a.p.id.localeCompare(b.p.id);
        const ka = sort === 'created_at' ? a.p.createdAt : (a.s.lastActivityAt ?? a.p.createdAt);
        const kb = sort === 'created_at' ? b.p.createdAt : (b.s.lastActivityAt ?? b.p.createdAt);
        return kb - ka || b.p.id.localeCompare(a.p.id);
      });
      const { page, nextCursor } = afterCursor(
        rows.map((r) => r.p),
        query.get('cursor'),
        limit,
      );
      // SAM's list hard-codes these two (sam-contract Corrections 8): the real counts are on the project's own route.
      const projects = page.map((p) => ({ ...core.world.projectSummaryWire(p), taskCountsByStatus: {}, linkedWorkspaces: 0 }));
      return ok({ projects, nextCursor });
    },
  },
  {
    method: 'GET',
    path: '/api/projects/:projectId',
    handle: (core, { params }) => ok(core.world.projectDetailWire(requireProject(core, params.projectId))),
  },
  {
    method: 'GET',
    path: '/api/projects/:projectId/tasks',
    handle(core, { params, query }) {
      const project = requireProject(core, params.projectId);
      const limit = intParam(query, 'limit', 1, 200) ?? 50;
      const sort = enumParam(query, 'sort', ['createdAtDesc', 'updatedAtDesc', 'priorityDesc'] as const) ?? 'createdAtDesc';
      const statuses = listParam(query, 'status');
      const tasks = core.world.tasks.list(project.id).filter((t) => !statuses || statuses.includes(t.status));
      const { page, nextCursor } = afterCursor(sortTasks(tasks, sort), query.get('cursor'), limit);
      return ok({ tasks: page.map(taskWire), nextCursor });
    },
  },
  {
    method: 'GET',
    path: '/api/projects/:projectId/tasks/:taskId',
    handle(core, { params }) {
      const task = requireTask(core, params.projectId, params.taskId);
      return ok({ ...taskWire(task), dependencies: [], blocked: false, trigger: null, triggerExecution: null });
    },
  },
  {
    method: 'GET',
    path: '/api/projects/:projectId/tasks/:taskId/events',
    handle(core, { params }) {
      const task = requireTask(core, params.projectId, params.taskId);
      const events = [...core.world.tasks.eventsOf(task.id)].reverse().map(taskEventWire);
      return ok({ events });
    },
  },
  {
    method: 'POST',
    path: '/api/projects/:projectId/tasks/submit',
    handle(core, req) {
      const project = requireProject(core, req.params.projectId);
      const body = objectBody(req);
      const message = stringField(body, 'message', 102_400);
      const taskMode = optionalString(body, 'taskMode') ?? 'task';
      if (taskMode !== 'task' && taskMode !== 'conversation') throw badRequest('taskMode must be task or conversation');
      const parentTaskId = optionalString(body, 'parentTaskId');
      if (parentTaskId && core.world.tasks.get(parentTaskId)?.projectId !== project.id) throw notFound('Parent task not found');
      const contextSummary = optionalString(body, 'contextSummary');
      if (contextSummary && new TextEncoder().encode(contextSummary).length > MAX_SUMMARY_BYTES) {
        throw badRequest('contextSummary exceeds 64 KiB');
      }
      const title = (message.split('\n')[0] ?? message).trim().slice(0, 80);
      const rng = core.world.rng.fork();
      const ending: Ending = taskMode === 'conversation' ? 'idle' : rng.pick(['complete', 'complete', 'complete', 'ask', 'fail'] as const);
      const { task, session } = core.fleet.spawn({
        projectId: project.id,
        title,
        message,
        taskMode,
        parentTaskId: parentTaskId ?? null,
        contextSummary: contextSummary ?? null,
        agentProfileHint: optionalString(body, 'agentProfileId') ?? null,
        script: taskScript(rng, { title, ending, rounds: rng.int(1, 3) }),
      });
      return ok({ taskId: task.id, sessionId: session.id, branchName: `sam/${slug(title)}`, status: 'queued' }, 202);
    },
  },
  {
    method: 'POST',
    path: '/api/projects/:projectId/tasks/:taskId/status',
    handle(core, req) {
      const task = requireTask(core, req.params.projectId, req.params.taskId);
      const body = objectBody(req);
      const toStatus = stringField(body, 'toStatus', 64);
      if (!(toStatus in TASK_TRANSITIONS)) throw badRequest(`Unknown status ${toStatus}`);
      const result = core.world.tasks.transition(task.id, toStatus, {
        actorType: 'user',
        reason: optionalString(body, 'reason') ?? null,
      });
      if (!result.ok) {
        throw conflict(`Cannot move a ${result.from} task to ${toStatus}`, {
          currentStatus: result.from,
          allowed: [...result.allowed],
        });
      }
      core.fleet.taskStatusChanged(task.id, toStatus);
      return ok(taskWire(result.task));
    },
  },
];
