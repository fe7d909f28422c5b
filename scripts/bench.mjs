// `npm run bench`: the benchmarks under bench/ (figures printed, no assertions). See bench/core.bench.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const local = join('node_modules', '.bin', 'vitest');
const result = spawnSync(existsSync(local) ? local : 'vitest', ['bench', '--run', 'bench/', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
