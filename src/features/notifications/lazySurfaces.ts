/*
 * The notification surfaces that load on demand, as one chunk: the bell's panel and the Needs-you queue
 * share their actions and rows, and two lazy chunks sharing them made the bundler split the first screen's
 * chunk (+1.7 KB gzip). Both the bell and the router import this module. The alert watcher comes with them:
 * the bell mounts it on every page.
 */
export { NotificationPanel } from './NotificationPanel';
export { NeedsYouPage } from './NeedsYouPage';
export { FleetAlerts } from './FleetAlerts';
