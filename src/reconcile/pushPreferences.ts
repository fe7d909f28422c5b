import type { NotificationPreference } from '../api/contract/push';

/*
 * Which notification types SAM pushes, read from its stored preferences as SAM reads them
 * (NotificationService.isNotificationEnabled): the type's own row for every project, else the '*' row,
 * else on. Rows for one project only do not change the global answer shown here.
 */

/** The types a person can switch for pushes, in the order shown. `progress` is left out: SAM never pushes low urgency. */
export const PUSHED_TYPES = [
  { type: 'needs_input', label: 'Questions from agents' },
  { type: 'error', label: 'Failed tasks' },
  { type: 'task_complete', label: 'Finished tasks' },
  { type: 'pr_created', label: 'Pull requests opened' },
  { type: 'session_ended', label: 'Chats that ended' },
  { type: 'cron_failure', label: 'Failed scheduled runs' },
] as const;

export function isPushed(preferences: readonly NotificationPreference[], type: string): boolean {
  const global = (t: string) => preferences.find((p) => p.notificationType === t && p.projectId === null && p.channel === 'web_push');
  return (global(type) ?? global('*'))?.enabled ?? true;
}

/** The stored rows after one PUT, as SAM upserts it (one row per type, project and channel). */
export function withPreference(preferences: readonly NotificationPreference[], update: NotificationPreference): NotificationPreference[] {
  const same = (p: NotificationPreference) =>
    p.notificationType === update.notificationType && p.projectId === update.projectId && p.channel === update.channel;
  return preferences.some(same) ? preferences.map((p) => (same(p) ? update : p)) : [...preferences, update];
}
