// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { ProjectDetail, ProjectSummary, SessionList } from '../../api/contract';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { makeRow, T0 } from '../../test/factories';
import { ClockProvider, type Clock } from '../../ui/useNow';
import { ProjectsPage } from './ProjectsPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

// What SAM's list really sends (sam-contract Corrections 8): no task counts, whatever the project holds.
const listed: ProjectSummary = {
  id: 'p1',
  name: 'lookout-web',
  repository: 'acme/lookout-web',
  githubRepoId: null,
  defaultBranch: 'main',
  repoProvider: 'github',
  status: 'active',
  activeWorkspaceCount: 2,
  activeSessionCount: 2,
  lastActivityAt: T0,
  createdAt: T0,
  taskCountsByStatus: {},
  linkedWorkspaces: 0,
};

const detail = (taskCountsByStatus: Record<string, number>): ProjectDetail =>
  ({
    ...listed,
    userId: 'u1',
    description: null,
    multiplayerActive: false,
    updatedAt: T0,
    summary: { taskCountsByStatus, activeWorkspaceCount: 2, activeSessionCount: 2, lastActivityAt: T0 },
  }) as ProjectDetail;

const question = { markerId: 'a1', kind: 'question', createdAt: T0, expiresAt: null, reason: 'Deploy?', options: ['Yes', 'No'] };

/** A clock the test moves by hand, as the app's ticking clock would every 30 s. */
function manualClock(start: number): Clock & { tick(ms: number): void } {
  let now = start;
  const listeners = new Set<() => void>();
  return {
    now: () => now,
    subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    tick(ms) {
      now += ms;
      listeners.forEach((l) => l());
    },
  };
}

function renderPage(clock: Clock) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <ClockProvider clock={clock}>
        <MemoryRouter>
          <ProjectsPage />
        </MemoryRouter>
      </ClockProvider>
    </QueryClientProvider>,
  );
}

const figure = (card: HTMLElement, label: string) => within(card).getByText(label).nextElementSibling?.textContent;

describe('project cards (issues 12.9 and 14.5)', () => {
  it('show needs you, working and failed from the project itself, not the empty counts of the list', async () => {
    vi.spyOn(api, 'projects').mockResolvedValue({ projects: [listed], nextCursor: null });
    vi.spyOn(api, 'project').mockResolvedValue(detail({ in_progress: 2, queued: 1, failed: 1, completed: 9 }));
    vi.spyOn(api, 'sessions').mockResolvedValue({
      sessions: [makeRow({ id: 's1', attention: question }), makeRow({ id: 's2' })],
      total: 2,
      hasMore: false,
    } as SessionList);
    renderPage(manualClock(T0));
    const card = await screen.findByRole('link', { name: /lookout-web/ });
    await vi.waitFor(() => expect(figure(card, 'Working')).toBe('3'));
    expect(figure(card, 'Failed')).toBe('1');
    await vi.waitFor(() => expect(figure(card, 'Needs you')).toBe('1'));
    expect(api.sessions).toHaveBeenCalledWith('p1', { status: 'active', limit: 100 }, expect.anything());
  });

  it('say a count is not known rather than show 0 while the project has not answered', async () => {
    vi.spyOn(api, 'projects').mockResolvedValue({ projects: [listed], nextCursor: null });
    vi.spyOn(api, 'project').mockReturnValue(new Promise(() => {}));
    vi.spyOn(api, 'sessions').mockReturnValue(new Promise(() => {}));
    renderPage(manualClock(T0));
    const card = await screen.findByRole('link', { name: /lookout-web/ });
    for (const label of ['Needs you', 'Working', 'Failed']) expect(figure(card, label)).toBe('checking…');
    expect(card).not.toHaveTextContent(/\b0\b/);
  });

  it('say "unknown" when the project could not be asked, never 0', async () => {
    vi.spyOn(api, 'projects').mockResolvedValue({ projects: [listed], nextCursor: null });
    vi.spyOn(api, 'project').mockRejectedValue(new ApiError(500, 'INTERNAL_ERROR', 'boom'));
    vi.spyOn(api, 'sessions').mockResolvedValue({ sessions: [makeRow({ id: 's1', attention: question })], total: 1, hasMore: false } as SessionList);
    renderPage(manualClock(T0));
    const card = await screen.findByRole('link', { name: /lookout-web/ });
    await vi.waitFor(() => expect(figure(card, 'Working')).toBe('unknown'));
    expect(figure(card, 'Failed')).toBe('unknown');
    await vi.waitFor(() => expect(figure(card, 'Needs you')).toBe('1'));
  });

  it('stay current: each tick of the app clock asks again', async () => {
    vi.spyOn(api, 'projects').mockResolvedValue({ projects: [listed], nextCursor: null });
    const project = vi.spyOn(api, 'project').mockResolvedValue(detail({ in_progress: 1 }));
    vi.spyOn(api, 'sessions').mockResolvedValue({ sessions: [], total: 0, hasMore: false } as unknown as SessionList);
    const clock = manualClock(T0);
    renderPage(clock);
    const card = await screen.findByRole('link', { name: /lookout-web/ });
    await vi.waitFor(() => expect(figure(card, 'Working')).toBe('1'));
    project.mockResolvedValue(detail({ in_progress: 0, failed: 1 }));
    act(() => clock.tick(30_000));
    await vi.waitFor(() => expect(figure(card, 'Failed')).toBe('1'));
    expect(figure(card, 'Working')).toBe('0');
  });
});
