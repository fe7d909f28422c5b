import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-chromium.mjs';

/*
 * The real-SAM suite (e2e/sam/), run by `npm run test:sam` (scripts/test-sam.mjs), which boots SAM's own
 * API first and passes its address in the environment. Lookout runs as its live build (no simulator in
 * it), served by `vite preview --mode live`, whose proxy signs in with SAM_API_TOKEN and forwards /api
 * (HTTP and WebSocket) to the relay in front of SAM. The tests change SAM's world as its VM agent would,
 * so they run one at a time, in order.
 */
const PORT = Number(process.env.LOOKOUT_SAM_E2E_PORT ?? 4391);
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e/sam',
  outputDir: 'test-results/playwright-sam',
  // Room for a health check and, if wrangler died, a restart (~80 s on a loaded machine) before a test.
  timeout: 180_000,
  // wrangler's dev proxy can drop a request under load (e2e/sam/support/crashes.ts): a check is retried,
  // up to twice, only after an attempt during which SAM went down or the proxy dropped a request.
  retries: 2,
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/sam.json' }]],
  expect: { timeout: 15_000 },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop-1280', use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'mobile-375',
      use: { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true },
      // The read-only journeys at phone width; the ones that change SAM's world run once, at desktop.
      grep: /@phone/,
    },
  ],
  webServer: {
    // scripts/test-sam.mjs builds dist-sam first and sets SAM_API_URL (the relay) and SAM_API_TOKEN.
    command: `npx vite preview --mode live --outDir dist-sam --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
