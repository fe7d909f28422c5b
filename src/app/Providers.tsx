import { useState, type ReactNode } from 'react';
import { createLiveEngine, LiveProvider } from '../live/react';
import { connectionSink } from '../state/connection';
import { createQueryClient } from './queryClient';
import { useThemeClass } from './useThemeClass';

/** The one live engine of the app, over its one query client, given to the tree once. */
export function Providers({ children }: { children: ReactNode }) {
  const [engine] = useState(() => createLiveEngine({ client: createQueryClient(), connection: connectionSink }));
  useThemeClass();
  return <LiveProvider engine={engine}>{children}</LiveProvider>;
}
