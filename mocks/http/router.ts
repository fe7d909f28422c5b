import type { FaultController } from '../faults';
import type { Fleet } from '../fleet/fleet';
import type { World } from '../world/world';

/** What route handlers work on. */
export interface SimCore {
  world: World;
  fleet: Fleet;
  faults: FaultController;
}

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; `undefined` when there was none. */
  body: unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** msw-style path with `:params`, starting at `/api`. */
  path: string;
  handle(core: SimCore, req: ApiRequest): ApiResponse;
}

/** Thrown by handlers; becomes SAM's error body `{ error, message, details?, requestId? }` (requestId on a 5xx only). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiFailure(400, 'BAD_REQUEST', message, details);
export const notFound = (message: string) => new ApiFailure(404, 'NOT_FOUND', message);
export const conflict = (message: string, details?: unknown) => new ApiFailure(409, 'CONFLICT', message, details);

export const ok = (body: unknown, status = 200): ApiResponse => ({ status, body });

const CODE_FOR_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  402: 'PAYMENT_REQUIRED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'RUNTIME_STOPPED',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'RATE_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  502: 'RUNTIME_REQUEST_INTERRUPTED',
  503: 'RUNTIME_RECOVERING',
};

/** Error body for a given status, as SAM writes it. */
export function errorResponse(core: SimCore, status: number, code?: string, message?: string, details?: unknown): ApiResponse {
  // Drawn for every error so that the world's ids after it stay what they were.
  const requestId = core.world.ids.sequential('req');
  const body: Record<string, unknown> = {
    error: code ?? CODE_FOR_STATUS[status] ?? 'INTERNAL_ERROR',
    message: message ?? defaultMessage(status),
  };
  if (details !== undefined) body.details = details;
  // SAM's handleAppError adds a requestId only to a 5xx (seen: its 400s and 404s carry none).
  if (status >= 500) body.requestId = requestId;
  const headers: Record<string, string> = status === 429 ? { 'retry-after': '2' } : {};
  return { status, body, headers };
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Authentication required';
  if (status === 429) return 'Too many requests, retry later';
  if (status >= 500) return 'Simulated server failure';
  return 'Simulated failure';
}

/** Runs one request through faults, then its handler; every failure becomes an error body. */
export function dispatch(core: SimCore, route: Route, req: ApiRequest): ApiResponse {
  if (core.faults.signedOut) return errorResponse(core, 401, 'UNAUTHORIZED', 'You are not signed in.');
  const injected = core.faults.takeRequestFailure(req.method, req.path);
  if (injected !== null) return errorResponse(core, injected);
  try {
    return route.handle(core, req);
  } catch (error) {
    if (error instanceof ApiFailure) return errorResponse(core, error.status, error.code, error.message, error.details);
    const message = error instanceof Error ? error.message : 'internal error';
    return errorResponse(core, 500, 'INTERNAL_ERROR', message);
  }
}

// ---------- input helpers ----------
/** An optional integer query parameter; anything else is a 400. Values above `max` are clamped. */
export function intParam(query: URLSearchParams, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be an integer`);
  const n = Number(raw);
  if (n < min) throw badRequest(`${name} must be >= ${min}`);
  return Math.min(n, max);
}

export function enumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!(allowed as readonly string[]).includes(raw)) throw badRequest(`${name} must be one of ${allowed.join(', ')}`);
  return raw as T;
}

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function objectBody(req: ApiRequest): Record<string, unknown> {
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) throw badRequest('Expected a JSON object body');
  return req.body as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, name: string, maxLength: number): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${name} is required`);
  if (value.length > maxLength) throw badRequest(`${name} is too long (max ${maxLength} characters)`);
  return value;
}

export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
  return value;
}
