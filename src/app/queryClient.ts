import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/http';

const MAX_RETRIES = 3;

/** Retry what SAM says may pass (network, 5xx, runtime recovering, throttling); never a 4xx answer. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  return !isApiError(error) || error.isRetryable;
}

export function retryDelay(attempt: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterMs) return error.retryAfterMs;
  return Math.min(1000 * 2 ** attempt, 15_000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        staleTime: 15_000,
        // The live stream keeps caches fresh; focus refetches are chosen per query (tasks, sessions).
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
