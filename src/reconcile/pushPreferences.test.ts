import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NotificationPreference } from '../api/contract/push';
import { isPushed, withPreference } from './pushPreferences';

const row = (notificationType: string, enabled: boolean, projectId: string | null = null, channel = 'web_push'): NotificationPreference => ({
  notificationType,
  projectId,
  channel,
  enabled,
});

describe('isPushed (as SAM decides for a notification of no particular project)', () => {
  it('is on with no rows, follows the type row, else the * row', () => {
    expect(isPushed([], 'error')).toBe(true);
    expect(isPushed([row('*', false)], 'error')).toBe(false);
    expect(isPushed([row('*', false), row('error', true)], 'error')).toBe(true);
    expect(isPushed([row('error', false)], 'needs_input')).toBe(true);
  });

  it('ignores in-app rows and rows for one project', () => {
    expect(isPushed([row('error', false, null, 'in_app'), row('error', false, 'p1')], 'error')).toBe(true);
  });
});

describe('withPreference', () => {
  it('holds one row per type, project and channel, and the last write wins', () => {
    const types = fc.constantFrom('*', 'error', 'needs_input');
    const update = fc.record({
      notificationType: types,
      projectId: fc.constantFrom(null, 'p1'),
      channel: fc.constantFrom('in_app', 'web_push'),
      enabled: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(update, { maxLength: 30 }), (updates) => {
        const rows = updates.reduce<NotificationPreference[]>(withPreference, []);
        const keys = rows.map((r) => `${r.notificationType}|${r.projectId}|${r.channel}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const r of rows) {
          const last = updates.filter((u) => u.notificationType === r.notificationType && u.projectId === r.projectId && u.channel === r.channel).at(-1);
          expect(r.enabled).toBe(last?.enabled);
        }
      }),
    );
  });
});
