import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FileContentSchema, FileIndexSchema, FileListSchema, GitDiffSchema, GitStatusSchema } from '../src/api/contract/workspace';
import { parseUnifiedDiff, renderDiff } from '../src/features/changes/unifiedDiff';
import { callApi } from './http';
import { createSimulator } from './simulator';

function sessionByTopic(sim: ReturnType<typeof createSimulator>, test: (topic: string) => boolean, status = 'active') {
  const sessions = [...sim.world.projects.values()].flatMap((p) => sim.world.sessions.list(p.id));
  const found = sessions.find((s) => s.status === status && test(s.topic ?? ''));
  if (!found) throw new Error('no such session');
  return found;
}

describe('the simulated workspace routes (SAM file proxy shapes)', () => {
  const sim = createSimulator({ scenario: 'default', seed: 1 });
  const session = sessionByTopic(sim, (t) => t.includes('timezone'));
  const base = `/api/projects/${session.projectId}/sessions/${session.id}`;

  it('answers every route in the contract shape', () => {
    const status = callApi(sim, 'GET', `${base}/git/status`);
    expect(status.status).toBe(200);
    const parsed = v.parse(GitStatusSchema, status.body);
    expect(parsed.staged.find((f) => f.status === 'R')?.oldPath).toBe('src/util/fmt.ts');
    expect(parsed.untracked.map((f) => f.path)).toContain('"docs/my notes.md"');
    expect(v.parse(FileListSchema, callApi(sim, 'GET', `${base}/files/list?path=.`).body).entries[0]).toMatchObject({ type: 'dir' });
    expect(v.parse(FileIndexSchema, callApi(sim, 'GET', `${base}/files/find`).body).files).toContain('src/server/retry.ts');
    expect(v.parse(FileContentSchema, callApi(sim, 'GET', `${base}/files/view?path=src/util/format.ts`).body).content).toContain('formatMs');
  });

  it('serves diffs that parse back to themselves, with the quirks in place', () => {
    const diff = (path: string, staged = false) =>
      v.parse(GitDiffSchema, callApi(sim, 'GET', `${base}/git/diff?path=${encodeURIComponent(path)}&staged=${staged}`).body).diff;
    for (const [path, staged] of [
      ['src/index.ts', true],
      ['src/index.ts', false],
      ['docs/runbook.md', false],
      ['src/legacy/moment-shim.js', false],
      ['assets/logo.png', false],
      ['scripts/migrate.py', false],
    ] as const) {
      const text = diff(path, staged);
      expect(renderDiff(parseUnifiedDiff(text))).toBe(text);
      const [file] = parseUnifiedDiff(text).files;
      for (const hunk of file!.hunks) {
        const body = file!.lines.slice(hunk.lineIndex + 1).filter((l, i, all) => all.slice(0, i).every((x) => x.kind !== 'hunk') && l.kind !== 'hunk');
        expect(body.filter((l) => l.kind !== 'add' && l.kind !== 'noNewline').length).toBe(hunk.oldCount);
        expect(body.filter((l) => l.kind !== 'del' && l.kind !== 'noNewline').length).toBe(hunk.newCount);
      }
    }
    expect(parseUnifiedDiff(diff('docs/runbook.md')).files[0]!.lines.some((l) => l.kind === 'noNewline')).toBe(true);
    expect(parseUnifiedDiff(diff('assets/logo.png')).files[0]!.isBinary).toBe(true);
    expect(parseUnifiedDiff(diff('src/legacy/moment-shim.js')).files[0]!.isDeleted).toBe(true);
    expect(parseUnifiedDiff(diff('scripts/migrate.py')).files[0]).toMatchObject({ isNew: true, additions: 10 });
  });

  it("answers like SAM's proxy when it cannot", () => {
    expect(callApi(sim, 'GET', `${base}/git/diff?path=${encodeURIComponent('"docs/my notes.md"')}`).body).toMatchObject({
      error: 'BAD_REQUEST',
      message: 'path contains invalid characters',
    });
    expect(callApi(sim, 'GET', `${base}/git/diff`).body).toMatchObject({ error: 'BAD_REQUEST', message: 'VM agent returned an error' });
    expect(callApi(sim, 'GET', `${base}/files/view?path=nope.ts`)).toMatchObject({ status: 500, body: { error: 'INTERNAL_ERROR' } });
    const sleeping = sessionByTopic(sim, () => true, 'sleeping');
    expect(callApi(sim, 'GET', `/api/projects/${sleeping.projectId}/sessions/${sleeping.id}/git/status`)).toMatchObject({
      status: 400,
      body: { error: 'BAD_REQUEST', message: 'Workspace is not accessible (status: stopped)' },
    });
  });

  it('gives the codemod chat a diff of about 2,000 lines', () => {
    const codemod = sessionByTopic(sim, (t) => t.startsWith('Migrate'));
    const body = v.parse(
      GitDiffSchema,
      callApi(sim, 'GET', `/api/projects/${codemod.projectId}/sessions/${codemod.id}/git/diff?path=src/db/schema.generated.ts`).body,
    );
    const lines = body.diff.split('\n').length - 1;
    expect(lines).toBeGreaterThanOrEqual(1_950);
    expect(lines).toBeLessThanOrEqual(2_050);
    expect(parseUnifiedDiff(body.diff).files[0]!.hunks).toHaveLength(166);
  });
});
