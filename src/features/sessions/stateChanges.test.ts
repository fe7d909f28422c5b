import { describe, expect, it } from 'vitest';
import { makeSessionEntry } from '../../test/factories';
import { describeStateChanges } from './stateChanges';

const working = (id: string, topic: string) => makeSessionEntry({ session: { id, topic } });
const as = (entry: ReturnType<typeof working>, state: 'failed' | 'needs_input' | 'idle', label: string) => ({
  ...entry,
  view: { ...entry.view, state, label },
});

describe('describeStateChanges', () => {
  it('announces sessions that start needing the person or fail', () => {
    const a = working('a', 'Fix login');
    const b = working('b', 'Add docs');
    expect(describeStateChanges([a, b], [as(a, 'failed', 'Failed'), as(b, 'needs_input', 'Needs you')], null)).toBe(
      'Session Fix login: Failed. Session Add docs: Needs you',
    );
  });

  it('stays quiet for unremarkable changes, new rows and the open session', () => {
    const a = working('a', 'Fix login');
    const b = working('b', 'Add docs');
    expect(describeStateChanges([a], [as(a, 'idle', 'Idle')], null)).toBe('');
    expect(describeStateChanges([], [as(a, 'failed', 'Failed')], null)).toBe('');
    expect(describeStateChanges([a, b], [as(a, 'failed', 'Failed'), b], 'a')).toBe('');
  });
});
