import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breadcrumbs, findFiles, joinPath, parentDir } from './fileFind';

const index = ['src/server/retry.ts', 'docs/retry-notes.md', 'src/retry/index.ts', 'README.md', 'src/util/format.ts'];

describe('findFiles', () => {
  it('ranks a match in the file name first, then shorter paths', () => {
    // Both names hold "retry" and have 19 characters: by path. The folder-only match comes last.
    expect(findFiles(index, 'RETRY')).toEqual(['docs/retry-notes.md', 'src/server/retry.ts', 'src/retry/index.ts']);
    expect(findFiles(index, 'src ts format')).toEqual(['src/util/format.ts']);
    expect(findFiles(index, '   ')).toEqual([]);
  });
  it('returns only paths of the index that hold every word, each once, at most `limit`', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 30 }), fc.string({ maxLength: 4 }), fc.nat(10), (paths, query, limit) => {
        const found = findFiles(paths, query, limit);
        expect(found.length).toBeLessThanOrEqual(limit);
        expect(new Set(found).size).toBe(found.length);
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        for (const path of found) {
          expect(paths).toContain(path);
          for (const word of words) expect(path.toLowerCase()).toContain(word);
        }
      }),
    );
  });
});

describe('paths', () => {
  it('walks from the root to a folder and back', () => {
    expect(breadcrumbs('src/server')).toEqual([
      { name: 'workspace', path: '.' },
      { name: 'src', path: 'src' },
      { name: 'server', path: 'src/server' },
    ]);
    expect(parentDir('src/server/retry.ts')).toBe('src/server');
    expect(parentDir('README.md')).toBe('.');
    expect(joinPath('.', 'src')).toBe('src');
    expect(joinPath('src', 'util')).toBe('src/util');
  });
});
