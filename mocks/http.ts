import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { chatRoutes } from './http/chats';
import { machineRoutes } from './http/machine';
import { commentRoutes } from './http/comments';
import { notificationRoutes } from './http/notifications';
import { projectRoutes } from './http/projects';
import { pushRoutes } from './http/push';
import { dispatch, errorResponse, type ApiResponse, type Route, type SimCore } from './http/router';
import { sessionRoutes } from './http/sessions';
import { workspaceRoutes } from './http/workspace';

/** Every REST route of the contract that the dashboard calls (src/api/endpoints.ts). */
export const ROUTES: readonly Route[] = [
  ...projectRoutes,
  ...sessionRoutes,
  ...chatRoutes,
  ...notificationRoutes,
  ...machineRoutes,
  ...pushRoutes,
  ...workspaceRoutes,
  ...commentRoutes,
];

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const g = got[i] as string;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

/**
 * Calls the simulated API without msw (used by tests that compare two worlds side by side). Takes the
 * same path + query a fetch would.
 */
export function callApi(core: SimCore, method: Route['method'], pathWithQuery: string, body?: unknown): ApiResponse {
  const url = new URL(pathWithQuery, 'http://sim.local');
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, url.pathname);
    if (params) return dispatch(core, route, { method, path: url.pathname, params, query: url.searchParams, body });
  }
  return errorResponse(core, 404, 'NOT_FOUND', `No route for ${method} ${url.pathname}`);
}

async function readBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function toResponse(res: ApiResponse): Response {
  return HttpResponse.json(res.body as Record<string, unknown>, { status: res.status, headers: res.headers });
}

/** msw handlers for every route, plus a 404 for any other /api path. */
export function createHttpHandlers(core: SimCore): HttpHandler[] {
  const handlers = ROUTES.map((route) => {
    const method = { GET: http.get, POST: http.post, PUT: http.put, DELETE: http.delete }[route.method];
    return method(`*${route.path}`, async ({ request, params }) => {
      if (core.faults.latencyMs > 0) await delay(core.faults.latencyMs);
      await core.faults.responsePassage();
      const url = new URL(request.url);
      const parsed = await readBody(request);
      if (!parsed.ok) return toResponse(errorResponse(core, 400, 'BAD_REQUEST', 'Body is not valid JSON'));
      const stringParams: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) if (typeof value === 'string') stringParams[key] = value;
      return toResponse(
        dispatch(core, route, {
          method: route.method,
          path: url.pathname,
          params: stringParams,
          query: url.searchParams,
          body: parsed.body,
        }),
      );
    });
  });
  handlers.push(
    http.all('*/api/*', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/ws')) return undefined;
      if (core.faults.signedOut) return toResponse(errorResponse(core, 401, 'UNAUTHORIZED', 'You are not signed in.'));
      return toResponse(errorResponse(core, 404, 'NOT_FOUND', `No route for ${request.method} ${url.pathname}`));
    }),
  );
  return handlers;
}
