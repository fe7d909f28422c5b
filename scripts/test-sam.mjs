// `npm run test:sam`: Lookout's live mode against SAM's real API, booted offline from its source.
// Boots SAM (scripts/sam/server.mjs), puts a cuttable relay in front of it (scripts/sam/relay.mjs), then
// runs the Playwright suite in e2e/sam/ with playwright.sam.config.ts, whose web server is Lookout's live
// build proxied to the relay. Writes test-results/sam.json. Without a SAM source it says how to get one
// and exits 3 ("skipped"), except under CI, where a missing source is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { HOW_TO_GET_SAM, PORT, WORLD_FILE, healthy, listSettled, locateSource, readWorld, restart, stop, up } from './sam/server.mjs';
import { startRelay } from './sam/relay.mjs';

export const SKIPPED_EXIT = 3;
/** While working on the suite: LOOKOUT_SAM_KEEP=1 reuses the last seeded world and leaves SAM running. */
const KEEP = process.env.LOOKOUT_SAM_KEEP === '1';
const RELAY_PORT = PORT + 10;
const CONTROL_PORT = PORT + 11;

const source = locateSource();
if (source.missing) {
  console.log(`[test:sam] ${source.missing}\n${HOW_TO_GET_SAM}`);
  if (process.env.CI) {
    console.log('[test:sam] CI must run the real-SAM suite: failing.');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/sam.json', JSON.stringify({ stats: { expected: 0, unexpected: 1, flaky: 0, skipped: 0 } }));
    process.exit(1);
  }
  process.exit(SKIPPED_EXIT);
}

const started = Date.now();
let status = 1;
let relay;
try {
  // Lookout's live bundle, built like production (no simulator in it); `vite preview` serves it.
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'live', '--outDir', 'dist-sam', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the live build failed');
  let world;
  if (KEEP && existsSync(WORLD_FILE) && readWorld().pushMcpToken && readWorld().extraChats?.machine && readWorld().machine) {
    if (!(await healthy(10_000))) await restart();
    world = readWorld();
  } else {
    world = await up();
  }
  await listSettled(world);
  console.log(`[test:sam] SAM up in ${((Date.now() - started) / 1000).toFixed(0)} s at ${world.api}`);
  // Which checks saw SAM go down (e2e/sam/support/crashes.ts): a fresh record for each run.
  rmSync('test-results/sam-crashes.json', { force: true });
  relay = await startRelay({ listenPort: RELAY_PORT, targetPort: PORT, controlPort: CONTROL_PORT });
  // Asynchronously: the relay lives in this process, and a blocked event loop would relay nothing.
  const playwright = spawn('npx', ['playwright', 'test', '-c', 'playwright.sam.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      LOOKOUT_SAM_WORLD: WORLD_FILE,
      LOOKOUT_SAM_API: world.api,
      LOOKOUT_SAM_RELAY_CONTROL: `http://127.0.0.1:${CONTROL_PORT}`,
      // For the live server's proxy: /api goes to the relay, which forwards to SAM.
      SAM_API_URL: `http://127.0.0.1:${RELAY_PORT}`,
      SAM_API_TOKEN: world.token,
    },
  });
  status = await new Promise((resolve) => playwright.on('close', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(`[test:sam] ${error instanceof Error ? error.message : error}`, error instanceof Error && error.cause ? error.cause : '');
} finally {
  await relay?.close();
  if (!KEEP) await stop();
  console.log(`[test:sam] done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
process.exit(status);
