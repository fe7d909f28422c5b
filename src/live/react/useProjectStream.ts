import { useEffect } from 'react';
import { useProjectPart } from './useProjectPart';

/** Mounted once by the project layout: the project socket, catch-up and the safety-net refreshes. */
export function useProjectStream(projectId: string): void {
  const part = useProjectPart();
  useEffect(() => {
    if (!projectId) return;
    const stream = part.projectStream(projectId);
    stream.start();
    return () => stream.stop();
  }, [part, projectId]);
}
