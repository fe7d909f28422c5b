import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/styles.css';
import { Providers } from './app/Providers';
import { createQueryClient } from './app/queryClient';
import { AppRoutes } from './app/router';
import { createLiveEngine } from './live/react';
import { connectionSink } from './state/connection';

async function start() {
  // `__SIMULATED__` is a build-time constant: in live builds this branch and the simulator vanish.
  if (__SIMULATED__) {
    const { startSimulator } = await import('../mocks/browser');
    await startSimulator();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const engine = createLiveEngine({ client: createQueryClient(), connection: connectionSink });
  // The kept cache (src/live/persist) loads beside the first render, never in the first screen's chunk;
  // who is signed in and the store's keys are asked at once, so its restore waits for neither its chunk.
  const asked = { user: engine.env.api.me().catch(() => null), keys: engine.env.storage.keys().catch(() => []) };
  void import('./live/persist/persistInBrowser').then((m) => m.persistInBrowser(engine, asked));
  createRoot(root).render(
    <StrictMode>
      <Providers engine={engine}>
        <AppRoutes />
      </Providers>
    </StrictMode>,
  );
  // Only the live bundle has a service worker of its own (/sw.js: scripts/serviceWorker.ts); the simulator's is MSW's.
  if (!__SIMULATED__ && import.meta.env.PROD) addEventListener('load', () => navigator.serviceWorker?.register('/sw.js').catch(() => {}));
}

void start();
