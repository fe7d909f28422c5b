// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RelativeTime } from './RelativeTime';
import { ClockProvider, fixedClock } from './useNow';

const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);

afterEach(cleanup);

describe('RelativeTime', () => {
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
});
