import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN, T0 } from '../test/factories';
import { projectCardCounts } from './projectCounts';

const question = (expiresAt: number | null = null) => ({ markerId: 'a', kind: 'question', createdAt: T0, expiresAt, reason: 'Go?', options: ['Yes'] });

describe('projectCardCounts', () => {
  it('reads working and failed from the project summary, and needs-you from its sessions', () => {
    const counts = projectCardCounts({
      taskCounts: { queued: 1, delegated: 1, in_progress: 3, failed: 2, completed: 40 },
      activeSessions: [
        { status: 'active', attention: question() },
        { status: 'active', attention: question(T0 - MIN) }, // the question expired
        { status: 'failed', attention: question() }, // the session ended
        { status: 'active', attention: null },
      ],
      activeSessionCount: 4,
      now: T0,
    });
    expect(counts).toEqual({ needsYou: 1, working: 5, failed: 2 });
  });

  it('says "unknown" (null) while nothing is known, never a made-up 0', () => {
    expect(projectCardCounts({ taskCounts: null, activeSessions: null, activeSessionCount: null, now: T0 })).toEqual({
      needsYou: null,
      working: null,
      failed: null,
    });
    expect(projectCardCounts({ taskCounts: null, activeSessions: null, activeSessionCount: 3, now: T0 }).needsYou).toBeNull();
  });

  it('knows nobody waits when no session is active', () => {
    expect(projectCardCounts({ taskCounts: {}, activeSessions: null, activeSessionCount: 0, now: T0 })).toEqual({ needsYou: 0, working: 0, failed: 0 });
  });

  // SAM's list sends `taskCountsByStatus: {}` (Corrections 8) and statuses grow: neither may produce a count.
  it('counts are never negative and never exceed what was given, whatever the statuses', () => {
    const status = fc.oneof(fc.constantFrom('queued', 'delegated', 'in_progress', 'failed', 'completed', 'cancelled'), fc.string());
    fc.assert(
      fc.property(fc.dictionary(status, fc.nat(50)), (taskCounts) => {
        const { working, failed } = projectCardCounts({ taskCounts, activeSessions: null, activeSessionCount: null, now: T0 });
        const total = Object.values(taskCounts).reduce((a, b) => a + b, 0);
        expect(working! + failed!).toBeLessThanOrEqual(total);
        expect(working).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
