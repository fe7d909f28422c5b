import type { Clock } from './clock';
import type { Ids } from './ids';
import type { NotificationFrame, ProjectRec, UserRec } from './types';

/**
 * What a store may ask of the world that holds it. World implements this and hands itself to each store,
 * so a store knows the world's services without importing World (which imports the stores).
 */
export interface WorldCore {
  readonly clock: Clock;
  readonly ids: Ids;
  readonly me: UserRec;
  readonly projects: ReadonlyMap<string, ProjectRec>;
  readonly hasProjectListeners: boolean;
  now(): number;
  emitProject(projectId: string, sessionId: string | null, type: string, payload: Record<string, unknown>): void;
  emitNotification(frame: NotificationFrame): void;
  emitActivity(projectId: string, eventType: string): void;
}
