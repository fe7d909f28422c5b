/*
 * Finding a file of the workspace by name, over the flat index SAM's `files/find` answers: case-insensitive,
 * every space-separated word must occur in the path; a match in the file's own name ranks before one only
 * in its folders, then shorter paths, then by path.
 */

export function findFiles(index: readonly string[], query: string, limit = 50): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { path: string; inName: boolean }[] = [];
  for (const path of index) {
    const lower = path.toLowerCase();
    if (!words.every((word) => lower.includes(word))) continue;
    const name = lower.slice(lower.lastIndexOf('/') + 1);
    scored.push({ path, inName: words.some((word) => name.includes(word)) });
  }
  scored.sort((a, b) => Number(b.inName) - Number(a.inName) || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.path);
}

/** The folders from the root to `dir` ("." is the root), for breadcrumbs. */
export function breadcrumbs(dir: string): { name: string; path: string }[] {
  const crumbs = [{ name: 'workspace', path: '.' }];
  if (dir === '.' || dir === '') return crumbs;
  const parts = dir.split('/').filter(Boolean);
  parts.forEach((name, i) => crumbs.push({ name, path: parts.slice(0, i + 1).join('/') }));
  return crumbs;
}

export function parentDir(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '.' : path.slice(0, slash);
}

export function joinPath(dir: string, name: string): string {
  return dir === '.' || dir === '' ? name : `${dir}/${name}`;
}
