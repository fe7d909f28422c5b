import type { ReactNode } from 'react';
import { LiveProvider, type LiveEngine } from '../live/react';
import { useThemeClass } from './useThemeClass';

/** The one live engine of the app (made in src/main.tsx), given to the tree once. */
export function Providers({ engine, children }: { engine: LiveEngine; children: ReactNode }) {
  useThemeClass();
  return <LiveProvider engine={engine}>{children}</LiveProvider>;
}
