/*
 * The page the service worker serves when a navigation cannot reach the network: the cached app shell with a
 * line on top that says so. The app boots from it as usual (its own requests then fail and say why); the line
 * is plain HTML, so it shows even before the app's script runs. No script is added: the CSP hashes stay valid.
 */

export const OFFLINE_NOTICE_ID = 'lookout-offline';

/** "Offline, showing the state as of 14:03": the time Lookout last loaded from the network on this device. */
export function offlineNoticeText(lastOnlineAt: number | null, formatTime: (epochMs: number) => string): string {
  return lastOnlineAt === null
    ? 'Offline: Lookout has not reached the network yet on this device.'
    : `Offline, showing the state as of ${formatTime(lastOnlineAt)}.`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The shell with the notice as the body's first element (before the app's root), or the shell unchanged if it has no body. */
export function withOfflineNotice(shellHtml: string, notice: string): string {
  const line = `<p id="${OFFLINE_NOTICE_ID}" role="status" class="bg-raised px-3 py-1 text-center text-sm text-fg">${escapeHtml(notice)}</p>`;
  return shellHtml.replace(/<body([^>]*)>/i, (open) => `${open}\n    ${line}`);
}
