/*
 * Decisions about notifications, as pure functions: which tab an item belongs to, how urgent it is, what
 * the tabs count, how items group by project, and which actionUrls may be followed. The cache reducer
 * for notification frames lives beside it in ./notificationFeed and is re-exported here.
 */
import { DEFAULT_URGENCY, URGENCIES, type KnownNotificationType, type KnownUrgency, type Notification } from '../api/contract';
import type { NotificationTab } from './types';

export * from './notificationFeed';

/** The panel's tabs, in the order they are shown. Priority opens first. */
export type PanelTab = NotificationTab | 'all';
export const PANEL_TABS: readonly PanelTab[] = ['priority', 'updates', 'all'];

/**
 * SAM's journal: Priority is what probably needs a human (a question, finished work). Everything else,
 * including a type SAM adds later, is an update: an unknown type must never cry for attention.
 */
const PRIORITY_TYPES: ReadonlySet<string> = new Set<KnownNotificationType>(['needs_input', 'task_complete']);

export function notificationTab(notification: Pick<Notification, 'type'>): NotificationTab {
  return PRIORITY_TYPES.has(notification.type) ? 'priority' : 'updates';
}

export function belongsToTab(notification: Pick<Notification, 'type'>, tab: PanelTab): boolean {
  return tab === 'all' || notificationTab(notification) === tab;
}

export type Urgency = KnownUrgency | 'unknown';

function isKnownUrgency(value: string): value is KnownUrgency {
  return (URGENCIES as readonly string[]).includes(value);
}

/** The urgency SAM sent, or the type's default when it sent none. Unknown values stay 'unknown'. */
export function effectiveUrgency(notification: Pick<Notification, 'type' | 'urgency'>): Urgency {
  const { urgency, type } = notification;
  if (urgency !== null) return isKnownUrgency(urgency) ? urgency : 'unknown';
  // hasOwn: a type named like an Object.prototype member (`constructor`) is still unknown.
  return (Object.hasOwn(DEFAULT_URGENCY, type) && DEFAULT_URGENCY[type]) || 'unknown';
}

export function isUnread(notification: Pick<Notification, 'readAt'>): boolean {
  return notification.readAt === null;
}

export interface AnswerableQuestion {
  projectId: string;
  sessionId: string;
  markerId: string;
  options: readonly string[];
}

/** A needs_input item whose question can be answered from the panel. */
export function answerableQuestion(notification: Notification): AnswerableQuestion | null {
  const { type, projectId, sessionId, metadata } = notification;
  const markerId = metadata.attentionMarkerId;
  const options = metadata.options ?? [];
  if (type !== 'needs_input' || !projectId || !sessionId || !markerId || options.length === 0) return null;
  return { projectId, sessionId, markerId, options };
}

/** Unread items per tab. Each id counts once, even when it is held by two caches. */
export function unreadCountsByTab(notifications: Iterable<Notification>): Record<PanelTab, number> {
  const counts: Record<PanelTab, number> = { priority: 0, updates: 0, all: 0 };
  const seen = new Set<string>();
  for (const notification of notifications) {
    if (seen.has(notification.id)) continue;
    seen.add(notification.id);
    if (!isUnread(notification)) continue;
    counts[notificationTab(notification)] += 1;
    counts.all += 1;
  }
  return counts;
}

export interface TabBadge {
  count: number;
  /** More unread items exist than Lookout holds, so `count` is a lower bound ("12+"). */
  atLeast: boolean;
}

/**
 * What each tab's badge says. `held` are the items in the caches; `serverUnread` is SAM's total unread
 * count; `heldAllUnread` says the caches hold every unread item (the unread list had no next page).
 */
export function tabBadges(input: { held: Iterable<Notification>; serverUnread: number | null; heldAllUnread: boolean }): Record<PanelTab, TabBadge> {
  const counted = unreadCountsByTab(input.held);
  const atLeast = !input.heldAllUnread;
  return {
    priority: { count: counted.priority, atLeast },
    updates: { count: counted.updates, atLeast },
    // SAM's own total is the truth for All, except while a live event it has not counted yet is held.
    all: { count: Math.max(counted.all, input.serverUnread ?? 0), atLeast: atLeast && input.serverUnread === null },
  };
}

export function formatBadge(badge: TabBadge): string {
  if (badge.count > 99) return '99+';
  return badge.atLeast ? `${badge.count}+` : String(badge.count);
}

export interface ProjectGroup {
  /** Stable key for rendering: the project id, or the name when SAM sent no id. */
  key: string;
  projectId: string | null;
  projectName: string;
  notifications: Notification[];
}

export function projectNameOf(notification: Notification): string {
  return notification.metadata.projectName?.trim() || notification.projectId || 'No project';
}

/** Groups items by project, keeping the feed order: groups by their newest item, items newest first. */
export function groupByProject(notifications: readonly Notification[]): ProjectGroup[] {
  const groups = new Map<string, ProjectGroup>();
  for (const notification of notifications) {
    const key = notification.projectId ?? `name:${projectNameOf(notification)}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, projectId: notification.projectId, projectName: projectNameOf(notification), notifications: [] };
      groups.set(key, group);
    }
    group.notifications.push(notification);
  }
  return [...groups.values()];
}

/*
 * The app's routes that a notification may open. A segment is an opaque id made of URL-safe characters
 * only: no '%' (an encoded '/' or '\' could smuggle a path), no leading dot ('..'), no whitespace (browsers
 * strip tabs and newlines, which would turn "/\t/evil" into "//evil").
 */
const SEGMENT = '[A-Za-z0-9_~-][A-Za-z0-9._~-]*';
const APP_ROUTES: readonly RegExp[] = [/^\/$/, new RegExp(`^/projects/${SEGMENT}/?$`), new RegExp(`^/projects/${SEGMENT}/chat(?:/${SEGMENT})?/?$`)];
const SAFE_QUERY_OR_HASH = /^[A-Za-z0-9._~!$&'()*+,;=:@/?#%-]*$/;

/**
 * The in-app path to navigate to for an actionUrl, or null when it must not be followed. Only a path of
 * this app qualifies: a single leading '/', one of the app's routes, an optional plain query or hash.
 * Anything with a scheme ("javascript:", "https://"), a protocol-relative "//host" or a backslash is not.
 */
export function inAppPath(actionUrl: string | null | undefined): string | null {
  if (!actionUrl || actionUrl.length > 2048) return null;
  const cut = actionUrl.search(/[?#]/);
  const path = cut === -1 ? actionUrl : actionUrl.slice(0, cut);
  const rest = cut === -1 ? '' : actionUrl.slice(cut);
  if (!APP_ROUTES.some((route) => route.test(path))) return null;
  if (!SAFE_QUERY_OR_HASH.test(rest)) return null;
  return actionUrl;
}

export function isSameAppPath(actionUrl: string | null | undefined): boolean {
  return inAppPath(actionUrl) !== null;
}

/** A live arrival worth telling a person about: unread Priority work. Progress and other updates stay quiet. */
export function isPriorityArrival(notification: Notification): boolean {
  return isUnread(notification) && notificationTab(notification) === 'priority';
}

/** A browser notification only for a Priority arrival, while the tab is hidden, opted in and permitted. */
export function shouldRaiseBrowserAlert(
  notification: Notification,
  context: { tabHidden: boolean; optedIn: boolean; permission: NotificationPermission | 'unsupported' },
): boolean {
  return isPriorityArrival(notification) && context.tabHidden && context.optedIn && context.permission === 'granted';
}

/** What the polite live region says about Priority arrivals. */
export function describeArrivals(notifications: readonly Notification[]): string {
  const priority = notifications.filter(isPriorityArrival);
  const [first] = priority;
  if (!first) return '';
  if (priority.length > 1) return `${priority.length} new notifications need attention`;
  return `New notification: ${first.title}, ${projectNameOf(first)}`;
}

const COUNT_PREFIX = /^\(\d+\+?\) /;

/** "(3) Lookout": the page title with the Priority unread count in front; no prefix at zero. */
export function titleWithCount(title: string, count: number): string {
  const bare = title.replace(COUNT_PREFIX, '');
  if (count <= 0) return bare;
  return `(${count > 99 ? '99+' : count}) ${bare}`;
}
