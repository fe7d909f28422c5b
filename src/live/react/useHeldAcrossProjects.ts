import { useMemo } from 'react';
import { heldTaskFacts } from '../../reconcile/taskSnapshots';
import type { SessionFacts, TaskFacts } from '../../reconcile/types';
import { useHeldProjects } from './useHeldSessions';

/*
 * What the Needs-you queue reads of the projects visited in this tab: every held session with the project
 * it belongs to (the merged facts carry no project id), and every held task. A door of its own, so it
 * loads with the queue's chunk.
 */

export interface HeldProjectSession {
  projectId: string;
  facts: SessionFacts;
}

export interface HeldAcrossProjects {
  sessions: readonly HeldProjectSession[];
  tasks: readonly TaskFacts[];
}

export function useHeldAcrossProjects(): HeldAcrossProjects {
  const projects = useHeldProjects();
  return useMemo(() => {
    const sessions: HeldProjectSession[] = [];
    const tasks: TaskFacts[] = [];
    for (const { projectId, facts, snapshots } of projects) {
      for (const record of facts?.records.values() ?? []) sessions.push({ projectId, facts: record.facts });
      for (const task of snapshots?.values() ?? []) {
        const held = heldTaskFacts(task);
        if (held) tasks.push(held);
      }
    }
    return { sessions, tasks };
  }, [projects]);
}
