import { defineConfig, type Project } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/ensure-chromium.mjs';

const CI = !!process.env.CI;
// LOOKOUT_E2E_PORT lets a second checkout run its suite while another one holds the default port.
const PORT = Number(process.env.LOOKOUT_E2E_PORT ?? 4317);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const VIEWPORTS = {
  'mobile-320': { viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true },
  'mobile-375': { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true },
  'mobile-390': { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  'tablet-768': { viewport: { width: 768, height: 1024 }, hasTouch: true },
  'desktop-1280': { viewport: { width: 1280, height: 800 } },
} satisfies Record<string, Project['use']>;

const COLOR_SCHEMES = ['light', 'dark'] as const;

/** Feature specs run only on these (light); audit specs (e2e/audit/**) run on every viewport × scheme. */
const FEATURE_PROJECTS = new Set(['mobile-375-light', 'desktop-1280-light']);
const AUDIT_SPECS = 'audit/**/*.spec.ts';

const projects: Project[] = Object.entries(VIEWPORTS).flatMap(([viewportName, device]) =>
  COLOR_SCHEMES.map((colorScheme) => {
    const name = `${viewportName}-${colorScheme}`;
    return {
      name,
      use: { ...device, colorScheme },
      ...(FEATURE_PROJECTS.has(name) ? {} : { testMatch: AUDIT_SPECS }),
    };
  }),
);

export default defineConfig({
  testDir: 'e2e',
  // e2e/sam runs against SAM's real API: `npm run test:sam`, playwright.sam.config.ts.
  testIgnore: 'sam/**',
  // Not the default `test-results`: Playwright empties its outputDir on start, which would delete unit.json.
  outputDir: 'test-results/playwright',
  snapshotPathTemplate: 'e2e/__screenshots__/{projectName}/{testFilePath}/{arg}{ext}',
  // A hang detector, not a speed check (npm run bench measures speed): a chat test takes 4 s alone, 10-20 s in a
  // CI run on 2 cores, and passed 30 s when another suite shared the machine.
  timeout: 60_000,
  retries: 0,
  workers: CI ? 2 : undefined,
  forbidOnly: CI,
  fullyParallel: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  expect: {
    // 2 cores shared by every suite: a web-first assertion waits longer than the 5 s default.
    timeout: 15_000,
    toHaveScreenshot: { animations: 'disabled', maxDiffPixelRatio: 0.01 },
  },
  use: {
    baseURL: BASE_URL,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
  },
  projects,
  webServer: {
    // The simulated bundle (MSW in the browser), built like production for speed and determinism.
    command: `npx vite build --outDir dist-sim && npx vite preview --outDir dist-sim --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
