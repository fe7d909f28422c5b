import { describe, expect, it } from 'vitest';
import { callApi } from './http';
import { SCENARIO_NAMES } from './scenarios';
import { createSimulator, DEFAULT_NOW, type Simulator } from './simulator';
import { RealTimeClock } from './world/clock';

type Json = Record<string, unknown>;

/** Every GET the dashboard makes, over the whole world. */
function restSnapshot(sim: Simulator): unknown[] {
  const get = (path: string) => callApi(sim, 'GET', path);
  const out: unknown[] = [get('/api/auth/me'), get('/api/projects'), get('/api/notifications?limit=100')];
  for (const project of sim.world.projects.values()) {
    const p = `/api/projects/${project.id}`;
    out.push(get(p), get(`${p}/tasks?limit=200`), get(`${p}/sessions?limit=100`));
    for (const session of sim.world.sessions.list(project.id)) {
      out.push(get(`${p}/sessions/${session.id}?limit=50`));
    }
    for (const task of sim.world.tasks.list(project.id)) out.push(get(`${p}/tasks/${task.id}/events`));
  }
  return out;
}

/** Builds a scenario, records every event while the clock runs and the user acts, then snapshots REST. */
function run(scenario: string, seed: number, steps = 24) {
  const sim = createSimulator({ scenario, seed });
  const log: string[] = [];
  sim.world.subscribeAll((e) => log.push(`${sim.clock.now()} P ${e.projectId} ${JSON.stringify(e.frame)}`));
  sim.world.subscribeNotifications((f) => log.push(`${sim.clock.now()} N ${JSON.stringify(f)}`));
  const project = [...sim.world.projects.values()][0];
  for (let i = 0; i < steps; i++) {
    sim.clock.advance(2_500);
    if (!project) continue;
    const sessions = sim.world.sessions.list(project.id);
    const p = `/api/projects/${project.id}`;
    if (i === 4 && sessions[0]) log.push(JSON.stringify(callApi(sim, 'POST', `${p}/sessions/${sessions[0].id}/prompt`, { content: 'status?' })));
    if (i === 8) log.push(JSON.stringify(callApi(sim, 'POST', `${p}/tasks/submit`, { message: 'Add a changelog entry' })));
    const asking = sessions.find((s) => s.attention);
    if (i === 12 && asking?.attention) {
      const path = `${p}/sessions/${asking.id}/attention/${asking.attention.markerId}/resolve`;
      log.push(JSON.stringify(callApi(sim, 'POST', path, { answer: asking.attention.options[0] })));
    }
  }
  return { log, rest: restSnapshot(sim) };
}

describe('determinism', () => {
  it('same scenario and seed give the same event history and the same REST answers', () => {
    const a = run('default', 11);
    const b = run('default', 11);
    expect(a.log.length).toBeGreaterThan(150);
    expect(b.log).toEqual(a.log);
    expect(b.rest).toEqual(a.rest);
  });

  it('a different seed gives a different history', () => {
    const a = run('default', 11, 6);
    const b = run('default', 12, 6);
    expect(b.log).not.toEqual(a.log);
  });

  it.each(SCENARIO_NAMES.filter((n) => n !== 'long-chat'))('scenario %s is deterministic', (name) => {
    const a = run(name, 5, 8);
    const b = run(name, 5, 8);
    expect(b).toEqual(a);
  });

  // How fast it builds is a benchmark figure (npm run bench), never a timed assertion.
  it('the long chat builds 30,000 messages identically', () => {
    const a = createSimulator({ scenario: 'long-chat', seed: 3 });
    const b = createSimulator({ scenario: 'long-chat', seed: 3 });
    const session = [...a.world.projects.values()].flatMap((p) => a.world.sessions.list(p.id))[0];
    if (!session) throw new Error('no session');
    const rows = a.world.messages.all(session.id);
    expect(rows).toHaveLength(30_000);
    expect(new Set(rows.map((m) => m.role))).toEqual(new Set(['user', 'thinking', 'plan', 'tool', 'assistant']));
    expect(rows[1_999]?.sequence).toBeNull();
    expect(rows[2_000]?.sequence).toBe(2_001);
    const other = [...b.world.projects.values()].flatMap((p) => b.world.sessions.list(p.id))[0];
    expect(b.world.messages.all(other?.id ?? '')).toEqual(rows);
    const page = callApi(a, 'GET', `/api/projects/${session.projectId}/sessions/${session.id}?limit=100`).body as Json;
    expect((page.messages as unknown[]).length).toBe(100);
    expect(page.hasMore).toBe(true);
  });
});

/** The address of everything in a world: project, task and session ids, with the names they belong to. */
function addresses(sim: Simulator): string[] {
  return [...sim.world.projects.values()].flatMap((project) => [
    `project ${project.name} ${project.id}`,
    ...sim.world.tasks.list(project.id).map((task) => `task ${task.title} ${task.id}`),
    ...sim.world.sessions.list(project.id).map((session) => `session ${session.topic} ${session.id}`),
  ]);
}

describe('ids do not depend on when the world starts (a reload on the real clock)', () => {
  const LATER = DEFAULT_NOW + 17 * 86_400_000 + 12_345;

  it.each(SCENARIO_NAMES)('scenario %s: the same seed gives the same ids at another start time', (name) => {
    const first = createSimulator({ scenario: name, seed: 7 });
    const reloaded = createSimulator({ scenario: name, seed: 7, now: LATER });
    expect(addresses(reloaded)).toEqual(addresses(first));
  });

  it('a real-time clock started later, and ticking on, still rebuilds the same ids', () => {
    let real = 0;
    const ticking = { realNow: () => (real += 3), setInterval: () => 0, clearInterval: () => {} };
    const first = createSimulator({ scenario: 'default', seed: 2 });
    const clock = new RealTimeClock(LATER, { ...ticking, frozen: true });
    const reloaded = createSimulator({ scenario: 'default', seed: 2, clock });
    clock.resume();
    first.clock.advance(30_000);
    clock.advance(30_000);
    expect(addresses(reloaded)).toEqual(addresses(first));
    expect(addresses(first).length).toBeGreaterThan(10);
  });
});

describe('source hygiene', () => {
  it('no Math.random anywhere in mocks/, Date.now only in the real-time clock', () => {
    const sources = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true }) as Record<
      string,
      string
    >;
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [path, text] of Object.entries(sources)) {
      expect(text.includes('Math.random'), path).toBe(false);
      if (!path.endsWith('world/clock.ts')) expect(/Date\.now\(|new Date\(\)/.test(text), path).toBe(false);
    }
  });
});
