/** The running SAM's address (http://127.0.0.1:<port>). */
export const API: string;
/** The run state's folder (keys.json, world.json, wrangler's persisted data). */
export const STATE: string;
export const WORLD_FILE: string;
/** True when SAM answers /health within the time given (default 60 s: under load it is slow, not dead). */
export function healthy(timeoutMs?: number): Promise<boolean>;
/** Starts SAM again on the same state; the data survives. */
export function restart(): Promise<void>;
/** True while SAM's port accepts connections (a dead workerd refuses at once). */
export function alive(): Promise<boolean>;
/** Watches SAM after a task failure and restarts it each time the clean-up takes it down. */
export function outlastTaskCleanup(quietMs?: number): Promise<void>;
