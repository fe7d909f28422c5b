// Finds a Chromium for Playwright, installing one if needed.
// As a library: `findChromium()` returns a path, or undefined (then Playwright uses its own browser).
// As a script: `node scripts/ensure-chromium.mjs` makes sure one exists and prints its path.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Without the networking flags Chromium keeps trying to reach the (closed) network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @returns {string | undefined} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

function run(command) {
  console.log(`[ensure-chromium] ${command}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const result = spawnSync(command, { shell: true, stdio: ['ignore', 'inherit', 'inherit'], env });
  return result.status === 0;
}

/** Makes sure a Chromium is available. Returns its path, or 'playwright' for Playwright's own download. */
export function ensureChromium() {
  const found = findChromium();
  if (found) {
    if (!existsSync(found)) throw new Error(`CHROMIUM_PATH=${found} does not exist`);
    return found;
  }
  if (process.getuid?.() === 0) {
    if (!run('apt-get update && apt-get install -y chromium')) {
      throw new Error('apt-get install chromium failed');
    }
    const installed = findChromium();
    if (!installed) throw new Error('apt-get installed chromium, but no binary was found');
    return installed;
  }
  if (!run('npx playwright install chromium')) throw new Error('npx playwright install chromium failed');
  return 'playwright';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(`[ensure-chromium] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
