import { concurrencyLimit } from './core';
import type { EngineInside, LiveEngine, StreamOptions } from './engine';
import { createProjectReducer } from './projectReducer';
import { createProjectStream, type ProjectStream } from './projectStream';
import { createLiveQueries, TASK_DETAIL_CONCURRENCY, type LiveQueries } from './queries';
import { createSessionEntryMemo, type SessionEntryMemo } from './sessionEntries';

/*
 * The project half of the engine: the project socket and its catch-up, the chat and list queries, the
 * session entries and the project reducer. The first screen (projects, the bell) needs none of it, so it
 * is made on first use, from the project view's code (`projectPart(engine)`), and stays for the engine's life.
 */
export interface ProjectPart {
  readonly queries: LiveQueries;
  /** The memo of one project's session entries (same entry object for the sidebar and the header). */
  entryMemo(projectId: string): SessionEntryMemo;
  projectStream(projectId: string, options?: StreamOptions): ProjectStream;
}

function createProjectPart({ core, streamSettings, installProjectReducer }: EngineInside): ProjectPart {
  installProjectReducer(createProjectReducer(core.client));
  const memos = new Map<string, SessionEntryMemo>();
  return {
    queries: createLiveQueries(core, concurrencyLimit(TASK_DETAIL_CONCURRENCY)),
    entryMemo(projectId) {
      let memo = memos.get(projectId);
      if (!memo) memos.set(projectId, (memo = createSessionEntryMemo()));
      return memo;
    },
    projectStream: (projectId, options = {}) => createProjectStream({ ...streamSettings(options), projectId }),
  };
}

/** The engine's project part, made the first time it is asked for. */
export const projectPart = (engine: LiveEngine): ProjectPart => engine.attach(createProjectPart);
