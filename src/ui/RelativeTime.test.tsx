// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { RelativeTime } from './RelativeTime';
import { ClockProvider, createTickingClock, fixedClock } from './useNow';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

afterEach(cleanup);

describe('RelativeTime', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads now from the injected clock', () => {
    render(
      <ClockProvider clock={fixedClock(NOW)}>
        <RelativeTime at={NOW - 5 * 60_000} />
      </ClockProvider>,
    );
    const time = screen.getByText('5 min ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', new Date(NOW - 5 * 60_000).toISOString());
  });

  it('moves on with each tick of a ticking clock', () => {
    vi.useFakeTimers();
    let wall = NOW;
    const clock = createTickingClock(() => wall, 30_000);
    render(
      <ClockProvider clock={clock}>
        <RelativeTime at={NOW - 60_000} />
      </ClockProvider>,
    );
    expect(screen.getByText('1 min ago')).toBeInTheDocument();
    wall += 60_000;
    act(() => vi.advanceTimersByTime(30_000));
    expect(screen.getByText('2 min ago')).toBeInTheDocument();
  });
});
