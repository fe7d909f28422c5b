import { describe, expect, it } from 'vitest';
import {
  answerableQuestion,
  belongsToTab,
  effectiveUrgency,
  formatBadge,
  groupByProject,
  inAppPath,
  isSameAppPath,
  notificationTab,
  tabBadges,
  titleWithCount,
  unreadCountsByTab,
  type PanelTab,
} from './notifications';
import { makeNotification, T0 } from './notifications.fixtures';

describe('notificationTab', () => {
  it.each([
    ['needs_input', 'priority'],
    ['task_complete', 'priority'],
    ['progress', 'updates'],
    ['error', 'updates'],
    ['session_ended', 'updates'],
    ['pr_created', 'updates'],
    ['cron_failure', 'updates'],
    ['some_future_type', 'updates'],
    ['', 'updates'],
  ])('%s -> %s', (type, tab) => {
    expect(notificationTab({ type })).toBe(tab);
  });

  it('All holds every type; the other tabs only their own', () => {
    const tabs: PanelTab[] = ['priority', 'updates', 'all'];
    const membership = (type: string) => tabs.filter((tab) => belongsToTab({ type }, tab));
    expect(membership('needs_input')).toEqual(['priority', 'all']);
    expect(membership('progress')).toEqual(['updates', 'all']);
    expect(membership('brand_new')).toEqual(['updates', 'all']);
  });
});

describe('effectiveUrgency', () => {
  it.each([
    ['needs_input', 'high'],
    ['error', 'high'],
    ['cron_failure', 'high'],
    ['task_complete', 'medium'],
    ['session_ended', 'medium'],
    ['pr_created', 'medium'],
    ['progress', 'low'],
    ['brand_new', 'unknown'],
    ['constructor', 'unknown'],
  ])('default for %s is %s', (type, urgency) => {
    expect(effectiveUrgency({ type, urgency: null })).toBe(urgency);
  });

  it('an explicit urgency wins over the default; an unknown one stays unknown', () => {
    expect(effectiveUrgency({ type: 'progress', urgency: 'high' })).toBe('high');
    expect(effectiveUrgency({ type: 'needs_input', urgency: 'low' })).toBe('low');
    expect(effectiveUrgency({ type: 'needs_input', urgency: 'critical' })).toBe('unknown');
  });
});

describe('unread counts', () => {
  const items = [
    makeNotification({ id: 'a', type: 'needs_input' }),
    makeNotification({ id: 'b', type: 'task_complete', readAt: T0 }),
    makeNotification({ id: 'c', type: 'progress' }),
    makeNotification({ id: 'd', type: 'mystery' }),
    makeNotification({ id: 'e', type: 'task_complete' }),
    makeNotification({ id: 'a', type: 'needs_input' }), // the same item held by a second cache
  ];

  it('counts unread items per tab, each id once', () => {
    expect(unreadCountsByTab(items)).toEqual({ priority: 2, updates: 2, all: 4 });
    expect(unreadCountsByTab([])).toEqual({ priority: 0, updates: 0, all: 0 });
  });

  it('tab badges take SAM total for All and say when counts are lower bounds', () => {
    expect(tabBadges({ held: items, serverUnread: 9, heldAllUnread: true })).toEqual({
      priority: { count: 2, atLeast: false },
      updates: { count: 2, atLeast: false },
      all: { count: 9, atLeast: false },
    });
    const partial = tabBadges({ held: items, serverUnread: null, heldAllUnread: false });
    expect(partial.priority).toEqual({ count: 2, atLeast: true });
    expect(partial.all).toEqual({ count: 4, atLeast: true });
    expect(tabBadges({ held: items, serverUnread: 1, heldAllUnread: true }).all.count).toBe(4);
  });

  it.each([
    [{ count: 0, atLeast: false }, '0'],
    [{ count: 7, atLeast: true }, '7+'],
    [{ count: 120, atLeast: false }, '99+'],
  ])('formats %o as %s', (badge, text) => {
    expect(formatBadge(badge)).toBe(text);
  });
});

describe('groupByProject', () => {
  it('keeps feed order, groups by project id, names from metadata', () => {
    const groups = groupByProject([
      makeNotification({ id: '1', projectId: 'p2', metadata: { projectName: 'Two' } }),
      makeNotification({ id: '2', projectId: 'p1', metadata: { projectName: 'One' } }),
      makeNotification({ id: '3', projectId: 'p2', metadata: { projectName: 'Two' } }),
      makeNotification({ id: '4', projectId: null, metadata: { projectName: null } }),
    ]);
    expect(groups.map((g) => [g.projectName, g.notifications.map((n) => n.id)])).toEqual([
      ['Two', ['1', '3']],
      ['One', ['2']],
      ['No project', ['4']],
    ]);
  });
});

describe('inAppPath', () => {
  it.each([
    '/',
    '/projects/p1',
    '/projects/p1/chat',
    '/projects/p1/chat/3f2a9c1e-8d7b-4a6e-9f00-123456789abc',
    '/projects/01HZX/chat/s1?from=notification',
    '/projects/p1/chat/s1#m-42',
    '/projects/p1/chat/s1/',
  ])('follows %s', (url) => {
    expect(inAppPath(url)).toBe(url);
  });

  it.each([
    ['protocol-relative', '//evil.example/projects/p1'],
    ['backslash', '/\\evil.example'],
    ['backslash in a segment', '/projects/p1\\..\\..'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript, capitalised', 'JavaScript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['https', 'https://evil.example/projects/p1/chat/s1'],
    ['scheme-less host', 'evil.example/projects/p1'],
    ['relative', 'projects/p1/chat/s1'],
    ['dot segments', '/projects/../../etc/passwd'],
    ['dot segment id', '/projects/p1/chat/..'],
    ['encoded slash', '/projects/p1%2F..%2F..%2F%2Fevil/chat'],
    ['tab to make //', '/\t/evil.example'],
    ['newline', '/projects/p1/chat/s1\n'],
    ['leading space', ' /projects/p1'],
    ['unknown route', '/admin'],
    ['unknown sub-route', '/projects/p1/settings'],
    ['too deep', '/projects/p1/chat/s1/extra'],
    ['empty', ''],
    ['null', null],
    ['query with a newline', '/projects/p1?x=\n'],
  ])('rejects %s', (_label, url) => {
    expect(inAppPath(url)).toBeNull();
    expect(isSameAppPath(url)).toBe(false);
  });
});

describe('answerableQuestion', () => {
  const question = makeNotification({
    id: 'q',
    type: 'needs_input',
    projectId: 'p1',
    sessionId: 's1',
    metadata: { attentionMarkerId: 'm1', options: ['yes', 'no'] },
  });

  it('needs a needs_input item with a marker, options, project and session', () => {
    expect(answerableQuestion(question)).toEqual({ projectId: 'p1', sessionId: 's1', markerId: 'm1', options: ['yes', 'no'] });
    expect(answerableQuestion({ ...question, type: 'progress' })).toBeNull();
    expect(answerableQuestion({ ...question, sessionId: null })).toBeNull();
    expect(answerableQuestion({ ...question, metadata: { ...question.metadata, options: [] } })).toBeNull();
    expect(answerableQuestion({ ...question, metadata: { ...question.metadata, attentionMarkerId: null } })).toBeNull();
  });
});

describe('titleWithCount', () => {
  it.each([
    ['Lookout', 3, '(3) Lookout'],
    ['(3) Lookout', 5, '(5) Lookout'],
    ['(3) Lookout', 0, 'Lookout'],
    ['Chat · Lookout', 150, '(99+) Chat · Lookout'],
    ['(99+) Lookout', 1, '(1) Lookout'],
  ])('%s with %i -> %s', (title, count, expected) => {
    expect(titleWithCount(title, count)).toBe(expected);
  });
});
