/* Test-only harness for the notification components (jsdom). Not imported by app code. */
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { api } from '../../api/endpoints';
import type { Notification } from '../../api/contract';
import { makePage } from '../../reconcile/notifications.fixtures';
import { createLiveEngine, LiveProvider } from '../../live/react';
import { NotificationBell } from './NotificationBell';

/** jsdom has neither matchMedia nor IntersectionObserver; the panel needs both. */
export function stubBrowserApis({ desktop = true } = {}) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: desktop && query.includes('min-width'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
  const observers: Array<{ callback: IntersectionObserverCallback; disconnected: boolean }> = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      private readonly record: { callback: IntersectionObserverCallback; disconnected: boolean };
      constructor(callback: IntersectionObserverCallback) {
        this.record = { callback, disconnected: false };
        observers.push(this.record);
      }
      observe() {}
      disconnect() {
        this.record.disconnected = true;
      }
    },
  );
  /** Scrolls the sentinel into view: every live observer is told it intersects. */
  const revealSentinel = () =>
    observers.filter((o) => !o.disconnected).forEach((o) => o.callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver));
  return { revealSentinel };
}

/** Serves notification routes from fixed lists (`feed` pages by cursor index; `unread` defaults to the unread items). */
export function serveNotifications(options: { feed: Notification[][] | Notification[]; count?: number; unread?: Notification[] }) {
  const pages = (Array.isArray(options.feed[0]) ? options.feed : [options.feed]) as Notification[][];
  const everything = pages.flat();
  const unread = options.unread ?? everything.filter((n) => n.readAt === null);
  const notifications = vi.spyOn(api, 'notifications').mockImplementation(async (query = {}) => {
    if (query.filter === 'unread') return makePage(unread);
    const index = query.cursor == null ? 0 : Number(query.cursor);
    const items = pages[index] ?? [];
    return makePage(items, index + 1 < pages.length ? index + 1 : null);
  });
  return {
    notifications,
    unreadCount: vi.spyOn(api, 'unreadCount').mockResolvedValue({ count: options.count ?? unread.length }),
    markRead: vi.spyOn(api, 'markRead').mockResolvedValue({ success: true }),
    markAllRead: vi.spyOn(api, 'markAllRead').mockResolvedValue({ success: true }),
    dismiss: vi.spyOn(api, 'dismiss').mockResolvedValue({ success: true }),
    resolveAttention: vi.spyOn(api, 'resolveAttention').mockResolvedValue({ success: true }),
  };
}

function CurrentPath() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

export function renderBell({ now, path = '/' }: { now: number; path?: string }) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const engine = createLiveEngine({ client: queryClient, env: { now: () => now } });
  const user = userEvent.setup();
  const view = render(
    <LiveProvider engine={engine}>
      <MemoryRouter initialEntries={[path]}>
        <NotificationBell />
        <Routes>
          <Route path="*" element={<CurrentPath />} />
        </Routes>
      </MemoryRouter>
    </LiveProvider>,
  );
  return { ...view, user, queryClient, engine };
}
