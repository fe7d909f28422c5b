// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { api } from '../api/endpoints';
import { createLiveEngine, LiveProvider } from '../live/react';
import { AppHeader } from './AppHeader';

// The find button's code arrives as a lazy chunk; here it arrives only when the test opens the gate.
let openGate!: () => void;
const gate = new Promise<void>((resolve) => (openGate = resolve));
vi.mock('../features/find/FindLauncher', async (importOriginal) => {
  await gate;
  return importOriginal();
});

// jsdom has no modal dialogs; an open attribute is all the shortcuts dialog needs here.
HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
  this.setAttribute('open', '');
};

afterEach(cleanup);

describe('AppHeader', () => {
  it('keeps a ? pressed before the find code has loaded, and shows the shortcuts once it has', async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    vi.spyOn(api, 'projects').mockResolvedValue({ projects: [], nextCursor: null });
    vi.spyOn(api, 'notifications').mockResolvedValue({ notifications: [], nextCursor: null, unreadCount: 0 } as never);
    render(
      <LiveProvider engine={createLiveEngine({ client, env: { now: () => 0 } })}>
        <MemoryRouter>
          <AppHeader />
        </MemoryRouter>
      </LiveProvider>,
    );
    expect(screen.queryByRole('button', { name: 'Find' })).toBeNull();
    const press = new KeyboardEvent('keydown', { key: '?', bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(press));
    expect(press.defaultPrevented).toBe(true);

    await act(async () => openGate());
    expect(await screen.findByRole('button', { name: 'Find' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Keyboard shortcuts' })).toBeInTheDocument();
  });
});
