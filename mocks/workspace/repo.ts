import { applyEdits, binaryDiff, deletedDiff, fileText, modifiedDiff, newFileDiff, untrackedDiff, type Edit, type TextFile } from './diffText';

/*
 * The simulated workspace of a chat: one small repository, the same for every chat (deterministic, no
 * randomness), with a change set that has each quirk SAM's git routes pass through: a staged and an
 * unstaged change to the same file (MM), a staged rename (which `git diff --cached -- <new path>` shows as a
 * new file), a deleted file, a binary file, a last line without a newline, an untracked file (the VM
 * agent's own all-additions diff) and an untracked name with a space (porcelain quotes it; SAM's proxy then
 * refuses the quoted path). A chat whose topic starts with "Migrate" is a codemod: it also changes a generated
 * file by about 2,000 diff lines, for the bench.
 */

export interface WorkspaceChange {
  path: string;
  oldPath?: string;
  /** Porcelain `XY`: index letter, worktree letter (`??` untracked). */
  xy: string;
  /** `git diff --cached -- path` */
  stagedDiff: string;
  /** `git diff -- path`, or the agent's all-additions text for an untracked file */
  unstagedDiff: string;
}

export interface Workspace {
  /** path -> current (worktree) content; absent for a deleted file. */
  files: Map<string, string>;
  changes: WorkspaceChange[];
}

const text = (content: string): TextFile => {
  const finalNewline = content.endsWith('\n');
  return { lines: (finalNewline ? content.slice(0, -1) : content).split('\n'), finalNewline };
};

const RETRY_BEFORE = text(`import { sleep } from '../util/fmt';

export interface RetryOptions {
  attempts: number;
  delayMs: number;
}

/** Calls \`send\` until it succeeds or the attempts run out. */
export async function withRetry<T>(send: () => Promise<T>, options: RetryOptions): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      return await send();
    } catch (error) {
      lastError = error;
      await sleep(options.delayMs);
    }
  }
  throw lastError;
}
`);

const RETRY_EDITS: Edit[] = [
  { at: 0, remove: 1, insert: ["import { sleep } from '../util/format';"] },
  { at: 4, remove: 1, insert: ['  delayMs: number;', '  /** Upper bound of one wait, however many attempts failed. */', '  maxDelayMs: number;'] },
  {
    at: 15,
    remove: 1,
    insert: ['      const backoff = Math.min(options.maxDelayMs, options.delayMs * 2 ** (attempt - 1));', '      await sleep(backoff);'],
  },
];

const QUEUE_BEFORE = text(`import { withRetry } from './retry';

export class WebhookQueue {
  private readonly pending: string[] = [];

  push(url: string): void {
    this.pending.push(url);
  }

  async drain(send: (url: string) => Promise<void>): Promise<void> {
    while (this.pending.length > 0) {
      const url = this.pending.shift()!;
      await withRetry(() => send(url), { attempts: 3, delayMs: 500 });
    }
  }
}
`);

const QUEUE_EDITS: Edit[] = [
  {
    at: 12,
    remove: 1,
    insert: [
      '      // A long line, so a phone has to wrap it rather than scroll sideways: ' +
        'the dispatcher waits at most ten seconds between attempts, '.repeat(3).trim(),
      '      await withRetry(() => send(url), { attempts: 5, delayMs: 500, maxDelayMs: 10_000 });',
    ],
  },
];

const INDEX_HEAD = text(`import { WebhookQueue } from './server/queue';

const queue = new WebhookQueue();
export default queue;
`);
const INDEX_STAGED_EDITS: Edit[] = [{ at: 2, remove: 1, insert: ['export const queue = new WebhookQueue();'] }];
const INDEX_INDEX = applyEdits(INDEX_HEAD, INDEX_STAGED_EDITS);
const INDEX_WORKTREE_EDITS: Edit[] = [{ at: 3, remove: 1, insert: ['export default queue; // kept for old imports'] }];

const FORMAT = text(`export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function formatMs(ms: number): string {
  return ms < 1000 ? \`\${ms} ms\` : \`\${(ms / 1000).toFixed(1)} s\`;
}
`);

const SHIM = text(`// Thin wrapper kept while moment was still in use.
const moment = require('moment');

module.exports = function format(date) {
  return moment(date).format('YYYY-MM-DD');
};
`);

const RUNBOOK_BEFORE = text(`# Deployment runbook

1. Drain the webhook queue.
2. Deploy the API.
3. Watch the error rate for ten minutes.`);
const RUNBOOK_EDITS: Edit[] = [{ at: 4, remove: 1, insert: ['3. Watch the error rate for fifteen minutes.', '4. Resume the webhook queue.'] }];

const MIGRATE = `"""Moves queued webhooks from the old table to the new one."""
import sqlite3


def migrate(path: str) -> int:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT url FROM old_webhooks").fetchall()
    db.executemany("INSERT INTO webhooks (url) VALUES (?)", rows)
    db.commit()
    return len(rows)
`;

const NOTES = 'Ideas for later: batch retries per host.\n';

const README = `# billing-service

The billing API and its webhook dispatcher.
`;

const PACKAGE = `{
  "name": "billing-service",
  "private": true,
  "type": "module"
}
`;

const CSS = `.dispatcher {
  display: grid;
  gap: 0.5rem;
}
`;

const LOGO = '\u0089PNG\r\n\u001a\n\ufffd\ufffd\u0000\u0000IHDR';

/** A generated file of `hunks` blocks; the codemod changes one line in each block into two. */
function generatedSchema(hunks: number): { before: TextFile; edits: Edit[] } {
  const lines: string[] = ['// Generated by the ORM. Do not edit.', ''];
  const edits: Edit[] = [];
  for (let i = 0; i < hunks; i++) {
    const name = `table${String(i).padStart(4, '0')}`;
    const start = lines.length;
    lines.push(
      `/** Rows of ${name}. */`,
      `export const ${name} = defineTable('${name}', {`,
      `  id: column.uuid().primaryKey(),`,
      `  createdAt: column.timestamp({ mode: 'moment' }).notNull(),`,
      `  updatedAt: column.timestamp({ mode: 'moment' }).notNull(),`,
      `  note: column.text().default('${'a generated default that runs on and on '.repeat(i % 7 === 0 ? 6 : 1).trim()}'),`,
      `});`,
      `export type ${name[0]!.toUpperCase()}${name.slice(1)} = typeof ${name}.$inferSelect;`,
      '',
      '',
    );
    edits.push({
      at: start + 3,
      remove: 2,
      insert: [
        `  createdAt: column.timestamp({ mode: 'date' }).notNull(),`,
        `  updatedAt: column.timestamp({ mode: 'date' }).notNull(),`,
        `  deletedAt: column.timestamp({ mode: 'date' }),`,
      ],
    });
  }
  return { before: { lines, finalNewline: true }, edits };
}

/** Blocks in the codemod's generated file: 166 hunks of 11 lines and a header, 1,996 diff lines with the file's 4. */
export const LARGE_DIFF_HUNKS = 166;

export function buildWorkspace(options: { largeDiff: boolean }): Workspace {
  const files = new Map<string, string>([
    ['README.md', README],
    ['package.json', PACKAGE],
    ['src/index.ts', fileText(applyEdits(INDEX_INDEX, INDEX_WORKTREE_EDITS))],
    ['src/server/queue.ts', fileText(applyEdits(QUEUE_BEFORE, QUEUE_EDITS))],
    ['src/server/retry.ts', fileText(applyEdits(RETRY_BEFORE, RETRY_EDITS))],
    ['src/util/format.ts', fileText(FORMAT)],
    ['src/styles/dispatcher.css', CSS],
    ['docs/runbook.md', fileText(applyEdits(RUNBOOK_BEFORE, RUNBOOK_EDITS, true))],
    ['docs/my notes.md', NOTES],
    ['assets/logo.png', LOGO],
    ['scripts/migrate.py', MIGRATE],
  ]);
  const changes: WorkspaceChange[] = [
    {
      path: 'src/index.ts',
      xy: 'MM',
      stagedDiff: modifiedDiff('src/index.ts', INDEX_HEAD, INDEX_STAGED_EDITS),
      unstagedDiff: modifiedDiff('src/index.ts', INDEX_INDEX, INDEX_WORKTREE_EDITS),
    },
    { path: 'src/server/retry.ts', xy: 'M ', stagedDiff: modifiedDiff('src/server/retry.ts', RETRY_BEFORE, RETRY_EDITS), unstagedDiff: '' },
    { path: 'src/util/format.ts', oldPath: 'src/util/fmt.ts', xy: 'R ', stagedDiff: newFileDiff('src/util/format.ts', FORMAT), unstagedDiff: '' },
    { path: 'src/server/queue.ts', xy: ' M', stagedDiff: '', unstagedDiff: modifiedDiff('src/server/queue.ts', QUEUE_BEFORE, QUEUE_EDITS) },
    { path: 'src/legacy/moment-shim.js', xy: ' D', stagedDiff: '', unstagedDiff: deletedDiff('src/legacy/moment-shim.js', SHIM) },
    { path: 'docs/runbook.md', xy: ' M', stagedDiff: '', unstagedDiff: modifiedDiff('docs/runbook.md', RUNBOOK_BEFORE, RUNBOOK_EDITS, true) },
    { path: 'assets/logo.png', xy: ' M', stagedDiff: '', unstagedDiff: binaryDiff('assets/logo.png') },
    { path: 'scripts/migrate.py', xy: '??', stagedDiff: '', unstagedDiff: untrackedDiff('scripts/migrate.py', MIGRATE) },
    { path: '"docs/my notes.md"', xy: '??', stagedDiff: '', unstagedDiff: '' },
  ];
  if (options.largeDiff) {
    const { before, edits } = generatedSchema(LARGE_DIFF_HUNKS);
    const path = 'src/db/schema.generated.ts';
    files.set(path, fileText(applyEdits(before, edits)));
    changes.unshift({ path, xy: ' M', stagedDiff: '', unstagedDiff: modifiedDiff(path, before, edits) });
  }
  return { files, changes };
}

/** Every directory that holds a file, with its entries (names only; sizes come from the content). */
export function directoryEntries(workspace: Workspace, dir: string): { name: string; type: 'file' | 'dir'; size: number }[] | null {
  const prefix = dir === '.' ? '' : `${dir}/`;
  const entries = new Map<string, { name: string; type: 'file' | 'dir'; size: number }>();
  let found = dir === '.';
  for (const [path, content] of workspace.files) {
    if (!path.startsWith(prefix)) continue;
    found = true;
    const rest = path.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash === -1) entries.set(rest, { name: rest, type: 'file', size: new TextEncoder().encode(content).length });
    else entries.set(rest.slice(0, slash), { name: rest.slice(0, slash), type: 'dir', size: 4096 });
  }
  return found ? [...entries.values()] : null;
}
