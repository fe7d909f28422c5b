// Where a V8 profile's time went, by original source: `LOOKOUT_BENCH_PROFILE=1` profiles of a live build,
// read through the build's source maps (build it with `npx vite build --mode live --sourcemap`).
//   node scripts/profile-summary.mjs PROFILE.cpuprofile BUILD_DIR [--top 40] [--by file|function] [--callers TEXT]
// Prints self time per original function (or file), in ms and per chunk when --chunks N is given. With
// --callers, the self time of the functions whose label contains TEXT, by their callers' chain (3 up).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';

const [profilePath, buildDir, ...rest] = process.argv.slice(2);
if (!profilePath || !buildDir) {
  console.error('usage: node scripts/profile-summary.mjs PROFILE BUILD_DIR [--top N] [--by file|function] [--chunks N]');
  process.exit(2);
}
const option = (name, fallback) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : fallback;
};
const top = Number(option('--top', 40));
const by = option('--by', 'function');
const chunks = Number(option('--chunks', 0));
const callers = option('--callers', null);

const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
const selfMs = new Map();
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
for (let i = 0; i < profile.samples.length; i += 1) {
  const node = nodeById.get(profile.samples[i]);
  selfMs.set(node.id, (selfMs.get(node.id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
}

const maps = new Map();
function mapFor(url) {
  if (maps.has(url)) return maps.get(url);
  const path = new URL(url).pathname;
  const file = join(buildDir, `${path}.map`);
  const map = existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : null;
  maps.set(url, map);
  return map;
}

function label({ functionName, url, lineNumber, columnNumber }) {
  if (!url || !url.startsWith('http')) return functionName ? `(${functionName})` : '(program)';
  const map = mapFor(url);
  if (!map) return `${functionName || '(anonymous)'} ${url.split('/').pop()}`;
  const pos = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  const source = (pos.source ?? '?').replace(/^.*node_modules\//, 'nm:').replace(/^(\.\.\/)+/, '');
  if (by === 'file') return source;
  return `${pos.name ?? functionName ?? '(anonymous)'} ${source}:${pos.line}`;
}

const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
function callerChain(id) {
  const chain = [];
  for (let p = parentOf.get(id); p !== undefined && chain.length < 3; p = parentOf.get(p)) chain.push(label(nodeById.get(p).callFrame));
  return chain.join(' <- ');
}

const totals = new Map();
let all = 0;
for (const [id, ms] of selfMs) {
  const own = label(nodeById.get(id).callFrame);
  if (callers && !own.includes(callers)) continue;
  const key = callers ? callerChain(id) : own;
  totals.set(key, (totals.get(key) ?? 0) + ms);
  all += ms;
}
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
const unit = chunks > 0 ? ` (ms per chunk over ${chunks})` : ' (ms)';
console.log(`total sampled ${all.toFixed(0)} ms${unit}`);
for (const [key, ms] of rows) console.log(`${(chunks > 0 ? ms / chunks : ms).toFixed(chunks > 0 ? 3 : 1).padStart(9)}  ${key}`);
