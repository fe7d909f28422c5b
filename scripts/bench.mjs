// `npm run bench`: every benchmark, then one report, BENCHMARKS.md (figures only; nothing is asserted).
//   node scripts/bench.mjs            full: 5 runs per figure, a 5-minute firehose (about 15 min)
//   node scripts/bench.mjs --quick    3 runs, a 1-minute firehose (about 7 min)
//   --only core,bundle,load,chat,firehose,reopen,changes   a subset (the report then holds only those;
//                                     reopen's and changes' figures are printed and kept in the JSON, not the report)
//   --label NAME                      raw figures go to bench-results/NAME.json (default: latest)
//   --no-report                       do not rewrite BENCHMARKS.md
//   --wait-quiet [LOAD]               first wait (up to 30 min) until the 1-minute load average is under
//                                     LOAD (default: the number of cores): neighbours inflate long tasks
//   --compare DIR_A,DIR_B [--rounds N] [--cases 1,3] [--firehose-seconds S]
//                                     before/after: two live builds measured in alternation (chat and
//                                     firehose, or --only some of chat,firehose,reopen); prints a table, writes
//                                     bench-results/compare-LABEL.json, leaves BENCHMARKS.md alone
// The node benchmarks of the core run through `vitest bench` (bench/*.bench.ts); the browser ones are
// bench/browser/*.ts, loaded through Vite's module runner (TypeScript, and the simulator in mocks/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const only = option('--only') ? new Set(option('--only').split(',')) : null;
const label = option('--label') ?? 'latest';
const wanted = (name) => !only || only.has(name);
const OUT = 'bench-results';
const BUILD = join(OUT, 'build');
const started = performance.now();
mkdirSync(OUT, { recursive: true });

const bin = (name) => {
  const local = join('node_modules', '.bin', name);
  return existsSync(local) ? local : name;
};

function chromiumVersion() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const result = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return (result.stdout ?? '').trim().replace(/ built on .*/, '') || 'unknown';
}

function machine() {
  const info = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  const pkg = (name) => {
    try {
      return JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')).version;
    } catch {
      return 'unknown';
    }
  };
  return {
    cpu,
    cores: cpus().length,
    memoryGB: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(),
    playwright: pkg('@playwright/test'),
    loadStart: loadavg()[0],
    loadEnd: NaN,
  };
}

/** Runs the core bench, echoing its output, and reads back its printed figures and vitest's JSON. */
async function core() {
  const t0 = performance.now();
  const json = join(OUT, 'core.json');
  console.log('\ncore (vitest bench)');
  const child = spawn(bin('vitest'), ['bench', '--run', 'bench/', '--outputJson', json], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    process.stdout.write(chunk);
  });
  const code = await new Promise((done) => child.on('close', done));
  // eslint-disable-next-line no-control-regex -- ANSI colour codes
  const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
  const printed = (title) =>
    (new RegExp(`${title}[^\\n]*\\n([\\s\\S]*?)\\n\\s*\\n`).exec(plain)?.[1] ?? '')
      .split('\n')
      .map((line) => /^(\s*\S.*?\S)\s{2,}(\S.*)$/.exec(line))
      .filter(Boolean)
      .map((m) => ({ name: m[1], value: m[2].trim() }));
  const figures = printed('Lookout core figures');
  const markdown = printed('Lookout markdown corpus figures');
  const stats = [];
  try {
    const report = JSON.parse(readFileSync(json, 'utf8'));
    for (const file of report.files ?? [])
      for (const group of file.groups ?? [])
        for (const b of group.benchmarks ?? [])
          stats.push({
            name: b.name,
            hz: b.hz,
            mean: b.mean,
            median: b.median ?? b.p50 ?? b.mean,
            min: b.min,
            max: b.max,
            p99: b.p99,
            samples: b.sampleCount ?? b.samples?.length ?? 0,
          });
  } catch {
    // no JSON (the bench failed): the figures above, if any, still go into the report
  }
  return { figures, markdown, stats, ok: code === 0, seconds: (performance.now() - t0) / 1000 };
}

function build() {
  console.log(`\nbuild: vite build --mode live --outDir ${BUILD}`);
  const result = spawnSync(bin('vite'), ['build', '--mode', 'live', '--outDir', BUILD, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the live build failed');
}

if (flag('--wait-quiet')) {
  const given = Number(option('--wait-quiet'));
  const limit = Number.isFinite(given) && given > 0 ? given : cpus().length;
  const until = Date.now() + 30 * 60_000;
  while (loadavg()[0] >= limit && Date.now() < until) {
    console.log(`waiting for a quieter machine: load average ${loadavg()[0].toFixed(1)} (want < ${limit})`);
    await new Promise((done) => setTimeout(done, 20_000));
  }
}

if (option('--compare')) {
  const roots = option('--compare')
    .split(',')
    .map((dir) => resolve(dir));
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport('/bench/browser/main.ts', { logLevel: 'warn' });
  const compared = await module.runCompare({
    roots,
    rounds: Number(option('--rounds') ?? 3),
    only: only ?? new Set(['chat', 'firehose']),
    cases: option('--cases') ? option('--cases').split(',').map(Number) : null,
    firehoseMs: option('--firehose-seconds') ? Number(option('--firehose-seconds')) * 1000 : quick ? 30_000 : 60_000,
    log: (line) => console.log(line),
  });
  writeFileSync(join(OUT, `compare-${label}.json`), JSON.stringify({ loadavg: loadavg(), ...compared }, null, 1));
  console.log(`\n${module.renderCompare(compared)}\n\n(${((performance.now() - started) / 60_000).toFixed(1)} min; bench-results/compare-${label}.json)`);
  process.exit(0);
}

const results = {
  label,
  mode: quick ? 'quick' : 'full',
  date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
  totalSeconds: 0,
  machine: machine(),
  core: null,
  browser: null,
};
if (wanted('core')) results.core = await core();

const browserBenches = ['bundle', 'load', 'chat', 'firehose', 'reopen', 'changes'].filter(wanted);
let renderReport = null;
if (browserBenches.length > 0) {
  build();
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport('/bench/browser/main.ts', { logLevel: 'warn' });
  renderReport = module.renderReport;
  results.browser = await module.runBrowser({ quick, only: new Set(browserBenches), root: resolve(BUILD), log: (line) => console.log(line) });
} else {
  results.browser = { bundle: null, load: null, chat: null, firehose: null, seconds: {} };
}

results.machine.loadEnd = loadavg()[0];
results.totalSeconds = (performance.now() - started) / 1000;
writeFileSync(join(OUT, `${label}.json`), JSON.stringify(results, null, 1));
console.log(`\nfigures: ${join(OUT, `${label}.json`)} (${(results.totalSeconds / 60).toFixed(1)} min)`);
if (!flag('--no-report')) {
  if (!renderReport) ({ renderReport } = (await (await import('vite')).runnerImport('/bench/browser/report.ts', { logLevel: 'warn' })).module);
  writeFileSync('BENCHMARKS.md', renderReport(results));
  console.log('report: BENCHMARKS.md');
}
process.exitCode = results.core && !results.core.ok ? 1 : 0;
