import { createContext, useContext, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ClockProvider } from '../../ui/useNow';
import type { LiveEngine } from '../engine';

const EngineContext = createContext<LiveEngine | null>(null);

/**
 * Gives the tree the engine, its query client, and its clock (so `ui/` relative times tick with the same
 * clock as the stale reasons). Mounted once, in src/app/Providers.tsx (and by tests around what they render).
 */
export function LiveProvider({ engine, children }: { engine: LiveEngine; children: ReactNode }) {
  return (
    <QueryClientProvider client={engine.client}>
      <EngineContext value={engine}>
        <ClockProvider clock={engine.clock}>{children}</ClockProvider>
      </EngineContext>
    </QueryClientProvider>
  );
}

/** The engine of the nearest LiveProvider. */
export function useLiveEngine(): LiveEngine {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useLiveEngine needs a <LiveProvider> above it');
  return engine;
}
