export type { ChatActions } from '../../live/hooks';

/** Starting a new task from this session: both navigate to the new chat when they resolve. */
export interface LineageActions {
  retry(): Promise<void>;
  fork(message: string): Promise<void>;
}
