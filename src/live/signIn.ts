import { api } from '../api/endpoints';
import { isApiError } from '../api/http';

/*
 * Is the session cookie still good? A browser WebSocket cannot tell a refused upgrade (401) from a
 * network failure: both are a bare close. So after a failed upgrade the streams ask SAM's REST API,
 * whose 401 reaches the app through `onUnauthorized` (api/http.ts) like any other 401.
 */

export type SignInState = 'signed-in' | 'signed-out' | 'unknown';

let probing: Promise<SignInState> | null = null;

/** Asks `GET /api/auth/me` (one request at a time, shared by every caller). Never rejects. */
export function probeSignIn(): Promise<SignInState> {
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
}
