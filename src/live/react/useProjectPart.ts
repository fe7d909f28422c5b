import { projectPart, type ProjectPart } from '../projectPart';
import { useLiveEngine } from './LiveProvider';

/** The engine's project half (its code comes with the project view's hooks, not the first screen). */
export function useProjectPart(): ProjectPart {
  return projectPart(useLiveEngine());
}
