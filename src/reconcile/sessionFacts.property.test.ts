import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../api/contract';
import { LIVE, T0, makeRow, makeTask } from '../test/factories';
import {
  detailPatch,
  detailVersions,
  listRowPatch,
  listRowVersions,
  mergeSessionFacts,
  type FactsPatch,
  type FactVersions,
  type SessionRecord,
} from './sessionFacts';
import { sessionView } from './sessionView';

/*
 * One session on a consistent SAM, with its quirks: activity changes live in session_state and do not
 * move the row's `updated_at` (which the list serves as `lastMessageAt`); `agentCompletedAt` is set once
 * and never cleared by a new prompt; the sessions list is served from an index that lags by up to ~5 s
 * (Corrections 9). Details are exact as of their request's start; list rows are as of up to 5 s before it.
 */
type Step = 'prompt' | 'output' | 'done' | 'cancel';
interface ServerState {
  at: number;
  updatedAt: number;
  agentCompletedAt: number | null;
  activity: 'idle' | 'prompting';
  activityAt: number;
}

function play(steps: ReadonlyArray<{ step: Step; gap: number }>): ServerState[] {
  let s: ServerState = { at: T0, updatedAt: T0, agentCompletedAt: null, activity: 'idle', activityAt: T0 };
  const states = [s];
  for (const { step, gap } of steps) {
    const at = s.at + gap;
    switch (step) {
      case 'prompt':
        s = { ...s, at, updatedAt: at, activity: 'prompting', activityAt: at };
        break;
      case 'output':
        s = { ...s, at, updatedAt: at };
        break;
      case 'done':
        s =
          s.agentCompletedAt === null
            ? { ...s, at, updatedAt: at, agentCompletedAt: at, activity: 'idle', activityAt: at }
            : { ...s, at, activity: 'idle', activityAt: at };
        break;
      case 'cancel':
        s = { ...s, at, activity: 'idle', activityAt: at };
        break;
    }
    states.push(s);
  }
  return states;
}

const stateAt = (states: readonly ServerState[], t: number) => [...states].reverse().find((s) => s.at <= t) ?? states[0]!;

const rowOf = (s: ServerState) => makeRow({ id: 's1', agentCompletedAt: s.agentCompletedAt, isIdle: s.agentCompletedAt !== null, lastMessageAt: s.updatedAt });
const stateOf = (s: ServerState): SessionState => ({
  activity: s.activity,
  activityAt: s.activityAt,
  statusError: null,
  currentPlan: [],
  promptStartedAt: s.activity === 'prompting' ? s.activityAt : null,
  lastStopReason: null,
  recoveryStatus: null,
  wakePhase: null,
});

interface Delivery {
  via: 'list' | 'detail';
  patch: FactsPatch;
  versions: FactVersions;
  stamp: number;
  /** The server state the answer shows. */
  shows: ServerState;
}

const scenario = fc
  .array(fc.record({ step: fc.constantFrom<Step>('prompt', 'output', 'done', 'cancel'), gap: fc.integer({ min: 1, max: 4000 }) }), {
    minLength: 1,
    maxLength: 8,
  })
  .chain((steps) => {
    const states = play(steps);
    const end = states[states.length - 1]!.at + 1000;
    const request = fc.record({
      via: fc.constantFrom<'list' | 'detail'>('list', 'detail'),
      start: fc.integer({ min: T0, max: end }),
      lag: fc.integer({ min: 0, max: 5000 }),
    });
    return fc.array(request, { minLength: 1, maxLength: 8 }).map((requests) =>
      requests.map(({ via, start, lag }, i): Delivery => {
        const stamp = start + i / 100;
        if (via === 'detail') {
          const shows = stateAt(states, start);
          const state = stateOf(shows);
          return {
            via,
            patch: detailPatch({ ...rowOf(shows), agentSessionId: null, agentType: null, task: null }, state),
            versions: detailVersions(state),
            stamp,
            shows,
          };
        }
        const shows = stateAt(states, start - lag);
        return { via, patch: listRowPatch(rowOf(shows)), versions: listRowVersions(rowOf(shows)), stamp, shows };
      }),
    );
  });

const mergeAll = (list: readonly Delivery[]) =>
  list.reduce<SessionRecord | undefined>((record, d) => mergeSessionFacts(record, 's1', d.patch, d.stamp, d.versions), undefined);

describe('session facts with versioned activity, against a lagging sessions list', () => {
  it('converge: any arrival order gives the same facts', () => {
    fc.assert(
      fc.property(
        scenario.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([list, arrival]) => {
          expect(mergeAll(arrival)?.facts).toEqual(mergeAll(list)?.facts);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('an idle agent reported by the newest detail is not shown working by a list row that is not newer', () => {
    fc.assert(
      fc.property(scenario, (list) => {
        const details = list.filter((d) => d.via === 'detail').sort((a, b) => b.stamp - a.stamp);
        const newest = details[0];
        if (!newest || newest.shows.activity !== 'idle') return;
        if (list.some((d) => d.via === 'list' && d.shows.updatedAt > newest.shows.activityAt)) return;
        const record = mergeAll(list)!;
        expect(sessionView(record.facts, makeTask({ id: 't1' }), LIVE, T0).state).toBe('idle');
      }),
      { numRuns: 600 },
    );
  });
});
