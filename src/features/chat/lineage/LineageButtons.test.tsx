// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeSessionEntry } from '../../../test/factories';
import type { LineageChildLink } from '../chatTypes';
import { LineageButtons } from './LineageButtons';

afterEach(cleanup);

const retryOf = (attempt: number, label: string, ended: boolean): LineageChildLink => ({
  kind: 'retry',
  taskId: `t${attempt}`,
  title: 'Fix the build',
  sessionId: `s${attempt}`,
  attempt,
  view: makeSessionEntry({ view: { label, ended } }).view,
  path: `/projects/p1/chat/s${attempt}`,
});

function renderButtons(children: readonly LineageChildLink[]) {
  const actions = { retry: vi.fn().mockResolvedValue(undefined), fork: vi.fn().mockResolvedValue(undefined), children };
  render(
    <MemoryRouter>
      <LineageButtons showRetry showFork actions={actions} />
    </MemoryRouter>,
  );
}

describe('LineageButtons', () => {
  it('offers a primary Retry when no retry runs', () => {
    renderButtons([retryOf(2, 'Failed', true)]);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.queryByText(/already running/)).toBeNull();
  });

  it('while a retry runs: "Retry again", and a link to the running one', () => {
    renderButtons([retryOf(2, 'Failed', true), retryOf(3, 'Working', false)]);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Retry again' })).toBeInTheDocument();
    expect(screen.getByText(/A retry is already running/)).toHaveTextContent('A retry is already running: attempt 3 (Working)');
    expect(screen.getByRole('link', { name: 'attempt 3' })).toHaveAttribute('href', '/projects/p1/chat/s3');
  });
});
