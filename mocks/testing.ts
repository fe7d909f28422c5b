import type { ApiResponse } from './http/router';
import type { TestSimulator } from './node';

/** Small fetch helpers for tests against a TestSimulator (through msw/node, like the app's fetches). */
export function apiClient(sim: TestSimulator) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiResponse> => {
    const res = await fetch(sim.url(path), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
  };
}

/** The first project of a simulator (scenarios create it first). */
export function firstProject(sim: TestSimulator) {
  const project = [...sim.world.projects.values()][0];
  if (!project) throw new Error('scenario has no project');
  return project;
}
