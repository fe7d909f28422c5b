/** The running SAM's address (http://127.0.0.1:<port>). */
export const API: string;
/** The run state's folder (keys.json, world.json, wrangler's persisted data). */
export const STATE: string;
export const WORLD_FILE: string;
/** True when SAM answers /health within the time given. */
export function healthy(timeoutMs?: number): Promise<boolean>;
/** Starts SAM again on the same state; the data survives. */
export function restart(): Promise<void>;
/** Runs SQL statements against SAM's local D1 (rows SAM has no offline route for). */
export function d1(statements: string[]): void;
