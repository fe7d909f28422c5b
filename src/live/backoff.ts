/* The socket client's timing: reconnect backoff with jitter, heartbeat, and the constants behind them. */

export interface SocketTiming {
  backoffBaseMs: number;
  backoffCapMs: number;
  /** 0..1: how much of each delay is randomised away (0.5 = between half and all of it). */
  jitter: number;
  pingIntervalMs: number;
  pongTimeoutMs: number;
  /** An open that lasts this long resets the backoff; a socket that flaps keeps backing off. */
  stableAfterMs: number;
  /** An attempt that neither opens nor fails in this time is abandoned and retried. */
  connectTimeoutMs: number;
}

export const DEFAULT_TIMING: SocketTiming = {
  backoffBaseMs: 1_000,
  backoffCapMs: 30_000,
  jitter: 0.5,
  pingIntervalMs: 25_000,
  pongTimeoutMs: 10_000,
  stableAfterMs: 10_000,
  connectTimeoutMs: 15_000,
};

/** The delay before reconnect attempt `attempt` (0-based), for a random draw `random` in [0, 1). */
export function backoffDelay(attempt: number, timing: SocketTiming, random: number): number {
  const ceiling = Math.min(timing.backoffCapMs, timing.backoffBaseMs * 2 ** Math.min(attempt, 30));
  return ceiling * (1 - timing.jitter * random);
}
