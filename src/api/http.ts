import * as v from 'valibot';
import { ErrorBodySchema, describeIssues } from './contract';
import { config } from './config';

/** Codes that SAM marks as worth retrying: the runtime is coming back, or we were throttled. */
const RETRYABLE_CODES = new Set([
  'RUNTIME_RECOVERING',
  'RUNTIME_REQUEST_INTERRUPTED',
  'RUNTIME_RECOVERY_DEGRADED',
  'TOO_MANY_REQUESTS',
  'RATE_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
]);

/**
 * Every failure of a request, as one type: SAM's `{ error, message }` body, a network failure
 * (status 0, code NETWORK_ERROR) or a body that does not match the contract (code INVALID_RESPONSE).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  get isUnauthorized(): boolean {
    return this.status === 401 || this.code === 'UNAUTHORIZED';
  }

  get isRetryable(): boolean {
    return this.status === 0 || this.status >= 500 || RETRYABLE_CODES.has(this.code);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** A one-line explanation of what went wrong, fit for an error card. */
export function describeError(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : 'Something went wrong.';
  if (error.status === 0) return 'Could not reach the SAM API. Check your connection; Lookout will retry.';
  if (error.isUnauthorized) return 'You are signed out of SAM.';
  if (error.code === 'NOT_FOUND') return 'Not found, or you are not a member of this project.';
  if (error.code === 'INVALID_RESPONSE') return `SAM sent a response Lookout cannot read (${error.message}).`;
  return `${error.message} (${error.code}, HTTP ${error.status})`;
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called with every 401 answer of any request: the one way Lookout learns that its sign-in expired or
 * was revoked (the app shows the signed-out screen). Returns the unsubscribe.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function reportIfUnauthorized(error: ApiError): void {
  if (!error.isUnauthorized) return;
  for (const listener of [...unauthorizedListeners]) listener(error);
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions<S extends v.GenericSchema> {
  schema: S;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${config.apiBaseUrl}${path}${search ? `?${search}` : ''}`;
}

/** Sends one request to SAM with the session cookie and returns the validated body. */
export async function request<S extends v.GenericSchema>(
  path: string,
  { schema, method = 'GET', query, body, signal }: RequestOptions<S>,
): Promise<v.InferOutput<S>> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      credentials: 'include',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', error instanceof Error ? error.message : 'network error');
  }
  const json = await readJson(response);
  if (!response.ok) {
    const error = toApiError(response, json);
    reportIfUnauthorized(error);
    throw error;
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    throw new ApiError(response.status, 'INVALID_RESPONSE', `${method} ${path}: ${describeIssues(parsed.issues)}`);
  }
  return parsed.output;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toApiError(response: Response, json: unknown): ApiError {
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : null;
  const body = v.safeParse(ErrorBodySchema, json);
  if (body.success) {
    const { error, message, requestId } = body.output;
    return new ApiError(response.status, error, message ?? error, requestId, retryAfterMs);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || 'request failed', null, retryAfterMs);
}
