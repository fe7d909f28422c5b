import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ApiError, describeError, onUnauthorized, request } from './http';
import { TaskListSchema } from './contract';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// In node there is no page origin; the client's relative paths resolve against this base.
const base = 'http://localhost';
globalThis.location ??= new URL(`${base}/`) as unknown as Location;
const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init) => originalFetch(new URL(String(input), base), init);

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('request', () => {
  it('sends the session cookie and returns the validated body', async () => {
    let credentials: RequestCredentials | undefined;
    server.use(
      http.get(`${base}/api/projects/p/tasks`, ({ request: req }) => {
        credentials = req.credentials;
        return HttpResponse.json({ tasks: [], nextCursor: null });
      }),
    );
    const body = await request('/api/projects/p/tasks', { schema: TaskListSchema, query: { limit: 10, cursor: null } });
    expect(body).toEqual({ tasks: [], nextCursor: null });
    expect(credentials).toBe('include');
  });

  it("turns SAM's error body into a typed error", async () => {
    server.use(
      http.get(`${base}/api/x`, () =>
        HttpResponse.json({ error: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', requestId: 'r1' }, { status: 429, headers: { 'Retry-After': '3' } }),
      ),
    );
    const error = await failure(request('/api/x', { schema: TaskListSchema }));
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMIT_EXCEEDED', message: 'Slow down', requestId: 'r1', retryAfterMs: 3000 });
    expect(error.isRetryable).toBe(true);
  });

  it('tells every unauthorized listener about the 401 of any request, and nobody about other failures', async () => {
    const heard: number[] = [];
    const off = onUnauthorized((error) => heard.push(error.status));
    server.use(
      http.get(`${base}/api/x`, () => HttpResponse.json({ error: 'UNAUTHORIZED', message: 'No session' }, { status: 401 })),
      http.get(`${base}/api/y`, () => HttpResponse.json({ error: 'NOT_FOUND', message: 'Nope' }, { status: 404 })),
    );
    await failure(request('/api/y', { schema: TaskListSchema }));
    expect(heard).toEqual([]);
    await failure(request('/api/x', { schema: TaskListSchema }));
    expect(heard).toEqual([401]);
    off();
    await failure(request('/api/x', { schema: TaskListSchema }));
    expect(heard).toEqual([401]);
  });

  it('marks 401 as signed out and not worth retrying', async () => {
    server.use(http.get(`${base}/api/x`, () => HttpResponse.json({ error: 'UNAUTHORIZED', message: 'No session' }, { status: 401 })));
    const error = await failure(request('/api/x', { schema: TaskListSchema }));
    expect(error.isUnauthorized).toBe(true);
    expect(error.isRetryable).toBe(false);
    expect(describeError(error)).toMatch(/signed out/);
  });

  it('reports a body that breaks the contract with the path of the problem', async () => {
    server.use(http.get(`${base}/api/x`, () => HttpResponse.json({ tasks: [{ id: 1 }] })));
    const error = await failure(request('/api/x', { schema: TaskListSchema }));
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toMatch(/tasks\.0\.id/);
  });

  it('reports a network failure as retryable, status 0', async () => {
    server.use(http.get(`${base}/api/x`, () => HttpResponse.error()));
    const error = await failure(request('/api/x', { schema: TaskListSchema }));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(error.isRetryable).toBe(true);
  });

  it('keeps an HTML error page from crashing the client', async () => {
    server.use(http.get(`${base}/api/x`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })));
    const error = await failure(request('/api/x', { schema: TaskListSchema }));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
  });
});
