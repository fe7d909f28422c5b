import { create } from 'zustand';
import type { ConnectionStatus } from '../reconcile/types';

/*
 * The state of Lookout's two live streams, for the header's indicator and for the "stale" reasons of
 * sessionView. Written only by src/live (the socket clients and catch-up); read by anyone.
 */
export type StreamName = 'project' | 'notifications';

export interface ConnectionState {
  project: ConnectionStatus;
  notifications: ConnectionStatus;
  /**
   * When the project stream was last known to be live (epoch ms): set when it becomes live and again
   * when it stops being live. While it is not live, data is "as of" this moment. Null before the first open.
   */
  lastLiveAt: number | null;
  /** A catch-up over REST is running (after a reconnect or a sequence gap): the UI says so. */
  catchingUp: boolean;
  /** Frames that failed validation (not JSON, bad payload, too large), over both streams. */
  droppedFrames: number;
  /** Well-formed frames of a type Lookout does not use. */
  ignoredFrames: number;
  lastDropReason: string | null;
  /** Validated events the cache could not take (skipped so that the rest of their batch lands). */
  skippedEvents: number;
  /** Messages whose content was longer than SAM allows, cut at the contract edge. */
  cutMessages: number;
  /** Every count above by kind, e.g. "invalid session.stopped", "unknown knowledge.updated", "cut message". */
  byKind: Readonly<Record<string, number>>;
  /** The newest thing that went wrong at the edge, of any kind. */
  lastProblem: string | null;
  /** How many catch-ups run now; `catchingUp` is `catchUpsRunning > 0`. */
  catchUpsRunning: number;
}

export interface ConnectionActions {
  setStatus(stream: StreamName, status: ConnectionStatus, at: number): void;
  frameDropped(reason: string): void;
  frameIgnored(frameType: string): void;
  eventSkipped(reason: string): void;
  contentCut(messages: number): void;
  catchUpStarted(): void;
  catchUpFinished(): void;
  /** Back to the initial state (tests, or leaving a project). */
  reset(): void;
}

const initial: ConnectionState = {
  project: 'connecting',
  notifications: 'connecting',
  lastLiveAt: null,
  catchingUp: false,
  droppedFrames: 0,
  ignoredFrames: 0,
  lastDropReason: null,
  skippedEvents: 0,
  cutMessages: 0,
  byKind: {},
  lastProblem: null,
  catchUpsRunning: 0,
};

const counted = (byKind: Readonly<Record<string, number>>, kind: string, n = 1) => ({ ...byKind, [kind]: (byKind[kind] ?? 0) + n });
/** "session.stopped: payload.sessionId: …" is of kind "invalid session.stopped"; "not JSON" is its own kind. */
const dropKind = (reason: string) => `invalid ${/^[\w.]+(?=: )/.exec(reason)?.[0] ?? reason.replace(/ \(.*$/, '')}`;

export const useConnectionStore = create<ConnectionState & ConnectionActions>()((set) => ({
  ...initial,
  setStatus: (stream, status, at) =>
    set((state) => {
      if (state[stream] === status) return state;
      if (stream !== 'project') return { [stream]: status };
      // 'connecting' only precedes a stream's first open: a new project has no "as of" time yet.
      if (status === 'connecting') return { project: status, lastLiveAt: null };
      const touchesLive = status === 'live' || state.project === 'live';
      return { project: status, lastLiveAt: touchesLive ? at : state.lastLiveAt };
    }),
  frameDropped: (reason) =>
    set((state) => ({ droppedFrames: state.droppedFrames + 1, lastDropReason: reason, lastProblem: reason, byKind: counted(state.byKind, dropKind(reason)) })),
  frameIgnored: (frameType) => set((state) => ({ ignoredFrames: state.ignoredFrames + 1, byKind: counted(state.byKind, `unknown ${frameType}`) })),
  eventSkipped: (reason) =>
    set((state) => ({ skippedEvents: state.skippedEvents + 1, lastProblem: reason, byKind: counted(state.byKind, `skipped ${reason.split(' ')[0]}`) })),
  contentCut: (messages) =>
    set((state) =>
      messages > 0
        ? {
            cutMessages: state.cutMessages + messages,
            lastProblem: `${messages} message(s) over 102,400 characters cut`,
            byKind: counted(state.byKind, 'cut message', messages),
          }
        : state,
    ),
  catchUpStarted: () => set((state) => ({ catchUpsRunning: state.catchUpsRunning + 1, catchingUp: true })),
  catchUpFinished: () =>
    set((state) => {
      const running = Math.max(0, state.catchUpsRunning - 1);
      return { catchUpsRunning: running, catchingUp: running > 0 };
    }),
  reset: () => set(initial),
}));

/** The plain (non-React) handle src/live writes through; tests can pass their own. */
export type ConnectionSink = Pick<ConnectionActions, 'setStatus' | 'frameDropped' | 'frameIgnored' | 'catchUpStarted' | 'catchUpFinished'> &
  Partial<Pick<ConnectionActions, 'eventSkipped' | 'contentCut'>>;

export const connectionSink: ConnectionSink = {
  setStatus: (...args) => useConnectionStore.getState().setStatus(...args),
  frameDropped: (reason) => useConnectionStore.getState().frameDropped(reason),
  frameIgnored: (type) => useConnectionStore.getState().frameIgnored(type),
  eventSkipped: (reason) => useConnectionStore.getState().eventSkipped(reason),
  contentCut: (messages) => useConnectionStore.getState().contentCut(messages),
  catchUpStarted: () => useConnectionStore.getState().catchUpStarted(),
  catchUpFinished: () => useConnectionStore.getState().catchUpFinished(),
};
