import { isApiError } from '../api/http';
import type { LiveApi } from './env';

/*
 * Is the session cookie still good? A browser WebSocket cannot tell a refused upgrade (401) from a
 * network failure: both are a bare close. So after a failed upgrade the streams ask SAM's REST API,
 * whose 401 reaches the app through `onUnauthorized` (api/http.ts) like any other 401.
 */

export type SignInState = 'signed-in' | 'signed-out' | 'unknown';

/** A probe that asks `GET /api/auth/me` (one request at a time, shared by every caller). Never rejects. */
export function signInProbe(api: Pick<LiveApi, 'me'>): () => Promise<SignInState> {
  let probing: Promise<SignInState> | null = null;
  return () => {
    probing ??= api
      .me()
      .then(
        (): SignInState => 'signed-in',
        (error: unknown): SignInState => (isApiError(error) && error.isUnauthorized ? 'signed-out' : 'unknown'),
      )
      .finally(() => {
        probing = null;
      });
    return probing;
  };
}
