// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { RelativeTime } from '../../ui/RelativeTime';
import { TICK_MS } from '../clock';
import { createFakeEnv } from '../testing/fakeEnv';
import { createLiveEngine, LiveProvider, useNow } from '.';

afterEach(cleanup);

const T0 = Date.UTC(2026, 10, 21, 12, 0, 0);

function Elapsed({ since }: { since: number }) {
  return <p>{`${(useNow() - since) / 1000} s`}</p>;
}

describe('one clock for the app', () => {
  it('relative times (ui) and the engine hooks read the same clock, frozen and moved together', () => {
    const env = createFakeEnv({ start: T0 });
    const engine = createLiveEngine({ client: new QueryClient(), env });
    render(
      <LiveProvider engine={engine}>
        <RelativeTime at={T0 - 60_000} />
        <Elapsed since={T0} />
      </LiveProvider>,
    );
    expect(screen.getByText('1 min ago')).toBeInTheDocument();
    expect(screen.getByText('0 s')).toBeInTheDocument();
    act(() => env.advance(TICK_MS - 1));
    expect(screen.getByText('1 min ago')).toBeInTheDocument();
    act(() => env.advance(TICK_MS + 1));
    expect(screen.getByText('2 min ago')).toBeInTheDocument();
    expect(screen.getByText(`${(2 * TICK_MS) / 1000} s`)).toBeInTheDocument();
  });
});
