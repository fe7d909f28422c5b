import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Each layout zone of eslint.config.js, proven on probes: a file that breaks the zone must fail with that
 * zone's rule and message, and its neighbour that keeps the zone must lint clean. Probes are linted as text
 * under a path inside the tree (the file itself never exists), so imports resolve as they would for real code.
 */

const root = resolve(import.meta.dirname, '..');
// no-cycle would walk the whole graph behind each probe's imports (seconds); its own probe below runs it.
const zonesOnly = { rules: { 'import-x/no-cycle': 'off' } } as const;
let eslint: ESLint;

// A module under src/live/react that the features may import; made for the test while the folder is still empty.
const liveReactDir = join(root, 'src/live/react');
let liveReactProbeDir = '';
let createdLiveReactDir = false;

beforeAll(() => {
  createdLiveReactDir = mkdirSync(liveReactDir, { recursive: true }) !== undefined;
  liveReactProbeDir = mkdtempSync(join(liveReactDir, '__probe__'));
  writeFileSync(join(liveReactProbeDir, 'useProbe.ts'), 'export const useProbe = () => 1;\n');
  eslint = new ESLint({ cwd: root, overrideConfig: zonesOnly });
});

afterAll(() => {
  rmSync(createdLiveReactDir ? liveReactDir : liveReactProbeDir, { recursive: true, force: true });
});

async function lintProbe(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages;
}

function expectFired(messages: Linter.LintMessage[], ruleId: string, message: string, count = 1) {
  const fired = messages.filter((m) => m.ruleId === ruleId);
  expect(fired.map((m) => m.message)).toEqual(Array.from({ length: count }, () => expect.stringContaining(message)));
}

describe('the layout zones', () => {
  const featureRule = 'import-x/no-restricted-paths';

  it.each([
    ['sessions', "import '../chat/ChatView';"],
    ['chat', "import '../notifications/NotificationBell';"],
    ['notifications', "import '../projects/ProjectsPage';"],
    ['projects', "import '../sessions/SessionsPanel';\nimport '../../features/chat/ChatPage';"],
  ])('a feature never imports another: %s', async (feature, code) => {
    const messages = await lintProbe(`src/features/${feature}/__probe__.ts`, code);
    expectFired(messages, featureRule, 'A feature never imports another feature', code.split('\n').length);
  });

  it('a feature imports its own files, ui/ and reconcile/', async () => {
    const code = "import './SessionsPanel';\nimport '../../ui/Button';\nimport '../../reconcile/sessionView';";
    expect(await lintProbe('src/features/sessions/__probe__.ts', code)).toEqual([]);
  });

  it('features reach the engine only through live/react', async () => {
    const messages = await lintProbe('src/features/chat/__probe__.ts', "import '../../live/apply';\nimport '../../live/socket';");
    expectFired(messages, featureRule, 'Features reach the engine only through live/react', 2);
    const allowed = `import '${relative(join(root, 'src/features/chat'), join(liveReactProbeDir, 'useProbe'))}';`;
    expect(await lintProbe('src/features/chat/__probe__.ts', allowed)).toEqual([]);
  });

  it('live/ outside live/react is free of React, react-query and zustand bound to React', async () => {
    const code = ["import 'react';", "import 'react-dom/client';", "import '@tanstack/react-query';", "import 'zustand';", "import 'zustand/react/shallow';"];
    const messages = await lintProbe('src/live/__probe__.ts', code.join('\n'));
    expectFired(messages, featureRule, 'live/ is a React-free engine', code.length);
    const deeper = await lintProbe('src/live/testing/__probe__.ts', "import 'react';");
    expectFired(deeper, featureRule, 'live/ is a React-free engine');
  });

  it('live/ may use the framework-free cores; live/react may use React', async () => {
    expect(await lintProbe('src/live/__probe__.ts', "import '@tanstack/query-core';\nimport 'zustand/vanilla';")).toEqual([]);
    expect(await lintProbe('src/live/react/__probe__.ts', "import 'react';\nimport '@tanstack/react-query';\nimport '../apply';")).toEqual([]);
  });

  it('live/ never imports the features or the app', async () => {
    const messages = await lintProbe('src/live/__probe__.ts', "import '../features/chat/ChatView';\nimport '../app/router';");
    expectFired(messages, featureRule, 'live/ never imports the features or the app', 2);
    expect(await lintProbe('src/live/__probe__.ts', "import '../reconcile/sessionView';\nimport '../api/contract';")).toEqual([]);
  });

  it('ui/ imports neither the engine nor the features', async () => {
    const messages = await lintProbe('src/ui/__probe__.ts', "import '../live/apply';\nimport '../features/chat/ChatView';");
    expectFired(messages, featureRule, 'ui/ renders what it is given', 2);
    expect(await lintProbe('src/ui/__probe__.ts', "import './Button';\nimport '../reconcile/format';")).toEqual([]);
  });

  it('reconcile/ is pure', async () => {
    const messages = await lintProbe('src/reconcile/__probe__.ts', "import 'react';\nimport '@tanstack/query-core';\nimport 'zustand/vanilla';");
    expectFired(messages, featureRule, 'reconcile/ is pure', 3);
    const reaching = await lintProbe('src/reconcile/__probe__.ts', "import '../live/apply';\nimport '../state/ui';\nimport '../api/http';");
    expectFired(reaching, featureRule, 'reconcile/ imports nothing but contract types', 3);
    expect(await lintProbe('src/reconcile/__probe__.ts', "import './format';\nimport '../api/contract';")).toEqual([]);
  });

  it('the app never imports the simulator statically', async () => {
    const messages = await lintProbe('src/features/chat/__probe__.ts', "import '../../../mocks/browser';");
    expectFired(messages, 'no-restricted-syntax', 'guarded dynamic import');
    expect(await lintProbe('src/test/__probe__.ts', "import '../../mocks/browser';")).toEqual([]);
  });
});

describe('no-cycle', () => {
  // A cycle needs both files on disk: the rule follows the imported file's own imports.
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(root, 'mocks/__probe__'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    writeFileSync(join(dir, 'leaf.ts'), 'export const leaf = 1;\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails two modules that import each other, and passes a one-way import', async () => {
    const full = new ESLint({ cwd: root });
    const [cyclic] = await full.lintFiles([join(dir, 'a.ts')]);
    expectFired(cyclic!.messages, 'import-x/no-cycle', 'Dependency cycle');
    const [oneWay] = await full.lintText("import { leaf } from './leaf';\nexport const c = leaf;\n", { filePath: join(dir, 'c.ts') });
    expect(oneWay!.messages).toEqual([]);
  });
});
