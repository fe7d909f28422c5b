import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/styles.css';
import { Providers } from './app/Providers';
import { AppRoutes } from './app/router';

async function start() {
  // `__SIMULATED__` is a build-time constant: in live builds this branch and the simulator vanish.
  if (__SIMULATED__) {
    const { startSimulator } = await import('../mocks/browser');
    await startSimulator();
  }
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <AppRoutes />
      </Providers>
    </StrictMode>,
  );
  // Only the live bundle has a service worker of its own (/sw.js: scripts/serviceWorker.ts); the simulator's is MSW's.
  if (!__SIMULATED__ && import.meta.env.PROD) addEventListener('load', () => navigator.serviceWorker?.register('/sw.js').catch(() => {}));
}

void start();
