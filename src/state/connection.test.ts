import { beforeEach, describe, expect, it } from 'vitest';
import { useConnectionStore } from './connection';

const store = () => useConnectionStore.getState();

describe('connection store', () => {
  beforeEach(() => store().reset());

  it('remembers when the project stream was last live, for "showing the state as of"', () => {
    store().setStatus('project', 'live', 1_000);
    store().setStatus('project', 'reconnecting', 5_000);
    expect(store()).toMatchObject({ project: 'reconnecting', lastLiveAt: 5_000 });
    store().setStatus('project', 'offline', 9_000);
    expect(store().lastLiveAt).toBe(5_000);
  });

  it('a new project stream starts with no "as of" time', () => {
    store().setStatus('project', 'live', 1_000);
    store().setStatus('project', 'offline', 2_000);
    store().setStatus('project', 'connecting', 3_000);
    expect(store().lastLiveAt).toBeNull();
  });

  it('is catching up while any catch-up runs', () => {
    store().catchUpStarted();
    store().catchUpStarted();
    store().catchUpFinished();
    expect(store().catchingUp).toBe(true);
    store().catchUpFinished();
    expect(store().catchingUp).toBe(false);
  });

  it('counts dropped frames with the last reason, and ignored frames apart', () => {
    store().frameDropped('not JSON');
    store().frameDropped('session.stopped: payload.sessionId: Invalid type');
    store().frameIgnored('knowledge.updated');
    expect(store()).toMatchObject({ droppedFrames: 2, ignoredFrames: 1, lastDropReason: 'session.stopped: payload.sessionId: Invalid type' });
  });

  it('counts every problem at the edge by kind, and keeps the newest as the last problem', () => {
    store().frameDropped('not JSON');
    store().frameDropped('session.stopped: payload.sessionId: Invalid type');
    store().frameDropped('oversized frame (5000000 chars)');
    store().frameIgnored('knowledge.updated');
    store().frameIgnored('knowledge.updated');
    store().eventSkipped('session.failed skipped: boom');
    store().contentCut(0);
    store().contentCut(2);
    expect(store()).toMatchObject({ skippedEvents: 1, cutMessages: 2, lastDropReason: 'oversized frame (5000000 chars)' });
    expect(store().byKind).toEqual({
      'invalid not JSON': 1,
      'invalid session.stopped': 1,
      'invalid oversized frame': 1,
      'unknown knowledge.updated': 2,
      'skipped session.failed': 1,
      'cut message': 2,
    });
    expect(store().lastProblem).toMatch(/2 message\(s\) over 102,400 characters cut/);
  });
});
