// Builds the live bundle and checks what a user downloads first:
// 1. no simulator code (MSW, mocks/) in any emitted file: live mode talks to a real SAM only;
// 2. the first screen's eager JavaScript (the entry and its modulepreloads) stays under the gzip budget
//    (the lazy chunks preloaded for some addresses are listed beside it, not counted: they are not run);
// 3. the Content-Security-Policy is there (dist/csp.txt and the <meta>), and hashes every inline script.
// Prints the figures; exits 1 when either check fails. Run with --no-build to check an existing dist/.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const EAGER_GZIP_BUDGET = 110 * 1024;
const DIST = 'dist';
const SIMULATOR_MARKERS = ['mockServiceWorker', 'setupWorker', '__lookoutSim', 'msw/browser'];

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('node_modules/.bin/vite', ['build', '--mode', 'live', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
const eager = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const sizes = eager.map((file) => {
  const bytes = readFileSync(join(DIST, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
const sum = (key) => sizes.reduce((total, s) => total + s[key], 0);

// Lazy chunks the page preloads for some addresses (scripts/routePreloads.ts): fetched and compiled early,
// run only when the app imports them, so not part of the first screen's executed JavaScript. Reported, not budgeted.
const preloadScript = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
  .map((m) => m[1])
  .find((body) => body.includes('lookout:route-preloads'));
const preloadGroups = preloadScript ? JSON.parse(/\}\)\((\[[\s\S]*\])\);\s*$/.exec(preloadScript)?.[1] ?? '[]') : [];
const preloaded = preloadGroups.map(([path, files]) => ({
  path,
  files: files.length,
  gzip: files.reduce((total, file) => total + gzipSync(readFileSync(join(DIST, file.replace(/^\//, ''))), { level: 9 }).length, 0),
}));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// Every emitted file, public/ copies included (MSW's worker script lives there for simulated builds).
const offenders = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(js|mjs|html)$/.test(file))
  .filter((file) => {
    const text = readFileSync(join(DIST, file), 'utf8');
    return SIMULATOR_MARKERS.some((marker) => text.includes(marker)) || /mockServiceWorker|msw/i.test(file);
  });

// Every inline script must be allowed by its hash in both the header value and the <meta>.
const cspFile = join(DIST, 'csp.txt');
const headerPolicy = existsSync(cspFile) ? readFileSync(cspFile, 'utf8') : '';
const metaPolicy =
  /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i
    .exec(html)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&') ?? '';
const inlineHashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
  .map((m) => m[1])
  .filter((body) => body.trim() !== '')
  .map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const cspProblems = [
  ...(headerPolicy.includes("frame-ancestors 'none'") ? [] : ['dist/csp.txt is missing or has no frame-ancestors']),
  ...(metaPolicy.includes("default-src 'self'") ? [] : ['dist/index.html has no CSP <meta>']),
  ...inlineHashes.filter((hash) => !headerPolicy.includes(hash) || !metaPolicy.includes(hash)).map((hash) => `inline script ${hash} is not in the policy`),
];

for (const s of sizes) console.log(`  eager ${s.file}: ${kb(s.raw)} raw, ${kb(s.gzip)} gzip`);
console.log(`  eager JavaScript: ${kb(sum('raw'))} raw, ${kb(sum('gzip'))} gzip (budget ${kb(EAGER_GZIP_BUDGET)} gzip)`);
for (const p of preloaded) console.log(`  preloaded for ${p.path} (lazy, not run by the first screen): ${p.files} files, ${kb(p.gzip)} gzip`);
let ok = true;
if (preloadGroups.some(([, files]) => files.some((file) => eager.includes(file.replace(/^\//, ''))))) {
  console.error('  a preloaded chunk is also eager');
  ok = false;
}
if (eager.length === 0) {
  console.error('  no entry script found in dist/index.html');
  ok = false;
}
if (sum('gzip') > EAGER_GZIP_BUDGET) {
  console.error(`  over budget by ${kb(sum('gzip') - EAGER_GZIP_BUDGET)}: move code off the first screen (lazy routes/chunks)`);
  ok = false;
}
if (offenders.length > 0) {
  console.error(`  simulator code in the live bundle: ${offenders.join(', ')}`);
  ok = false;
} else {
  console.log('  live bundle carries no simulator code');
}
if (cspProblems.length > 0) {
  for (const problem of cspProblems) console.error(`  CSP: ${problem}`);
  ok = false;
} else {
  console.log(`  CSP present; ${inlineHashes.length} inline script(s) allowed by hash`);
}
process.exit(ok ? 0 : 1);
