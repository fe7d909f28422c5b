import type { Rng } from '../world/rng';

/** Raw material for agent chatter: task titles, thoughts, markdown answers, files, commands. */

export const TASK_TITLES = [
  'Add retry with backoff to the webhook dispatcher',
  'Fix flaky session list test on CI',
  'Migrate settings page to the new form components',
  'Investigate memory growth in the log shipper',
  'Add dark mode to the onboarding flow',
  'Write an ADR for the task queue redesign',
  'Upgrade the ORM and fix the breaking changes',
  'Make the CSV export stream instead of buffering',
  'Add rate limiting to the public API',
  'Document the deployment runbook',
  'Speed up the cold start of the worker',
  'Replace moment with date-fns',
  'Add an audit log for project membership changes',
  'Fix timezone bug in the billing report',
  'Split the monolithic router into feature modules',
  'Add pagination to the admin users table',
  'Harden the file upload endpoint',
  'Refactor the notification fan-out',
];

export const FILES = [
  'src/server/webhooks/dispatch.ts',
  'src/server/queue/worker.ts',
  'src/lib/retry.ts',
  'src/routes/settings/SettingsForm.tsx',
  'src/components/Table/Pagination.tsx',
  'src/db/migrations/0042_audit_log.sql',
  'packages/api/src/middleware/rateLimit.ts',
  'packages/api/test/rateLimit.test.ts',
  'docs/runbooks/deploy.md',
  'apps/web/src/features/export/csv.ts',
  'README.md',
  'package.json',
];

const THOUGHTS = [
  'Let me look at how the current implementation handles this before changing anything.',
  'The failing test suggests a race between the two writers; I should check the ordering assumptions.',
  'I need to find where this value is computed and whether anything caches it.',
  'There are two call sites; changing the signature means updating both and the tests.',
  'The simplest fix is to make the function idempotent rather than adding a lock.',
  'I should run the focused tests first, then the whole suite once the change is in.',
  'This config is read at startup, so a restart is needed for it to take effect.',
  'Before editing, I want to confirm the types line up with what the caller expects.',
];

const INTROS = [
  'I looked through the code and here is what I found.',
  'Done with the first pass. Summary below.',
  'Here is the plan I am following.',
  'The root cause turned out to be simpler than expected.',
  'I made the change and the tests pass locally.',
];

const LANGS: Array<[string, string]> = [
  [
    'ts',
    'export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {\n  let last: unknown;\n  for (let i = 0; i < attempts; i++) {\n    try {\n      return await fn();\n    } catch (error) {\n      last = error;\n      await sleep(2 ** i * 100);\n    }\n  }\n  throw last;\n}',
  ],
  ['bash', 'npm run test -- --run src/server/webhooks\nnpm run lint'],
  ['sql', 'CREATE INDEX IF NOT EXISTS idx_audit_project ON audit_log (project_id, created_at DESC);'],
  ['tsx', 'export function Pagination({ page, onPage }: Props) {\n  return <nav aria-label="Pagination">{page}</nav>;\n}'],
  ['json', '{\n  "retries": 3,\n  "backoffMs": 250\n}'],
  ['python', 'def chunks(items, size):\n    for i in range(0, len(items), size):\n        yield items[i:i + size]'],
];

const BULLETS = [
  'The dispatcher now retries transient **5xx** errors with exponential backoff.',
  'Permanent failures (`4xx`) are recorded and not retried.',
  'Added tests for the retry budget and for the jitter bounds.',
  'The old helper in `src/lib/http.ts` is no longer used and was removed.',
  'Timeouts are configurable through `WEBHOOK_TIMEOUT_MS`.',
  'I kept the public API unchanged, so callers need no update.',
  'One snapshot test needed an update because the log format changed.',
  'CI runs the new tests in the `unit` job.',
];

const LINKS = [
  '[the MDN page on fetch](https://developer.mozilla.org/en-US/docs/Web/API/fetch)',
  '[RFC 9110, section 15.6](https://www.rfc-editor.org/rfc/rfc9110#section-15.6)',
  '[the upstream issue](https://github.com/example/repo/issues/421)',
];

export const QUESTIONS: Array<{ reason: string; options: string[]; category: string }> = [
  {
    reason: 'The migration drops the legacy column. Should I keep a backfill step for old rows?',
    options: ['Keep the backfill', 'Drop it', 'Ask me later'],
    category: 'decision',
  },
  {
    reason: 'May I run `npm install` to add `p-retry` as a dependency?',
    options: ['Allow', 'Deny'],
    category: 'permission',
  },
  {
    reason: 'Two approaches work: a queue table or an in-memory buffer. Which one do you prefer?',
    options: ['Queue table', 'In-memory buffer'],
    category: 'decision',
  },
];

export const ERRORS = [
  'Agent process exited with code 137 (out of memory)',
  'Workspace provisioning failed: no capacity in region fra1',
  'Tests failed after 3 attempts: 4 failing in src/server/queue',
  'Agent session timed out waiting for the VM agent',
  'git push rejected: protected branch',
];

export function thought(rng: Rng): string {
  return rng.sample(THOUGHTS, rng.int(1, 2)).join(' ');
}

/** A markdown answer: a heading, a list, maybe a code fence and a link. 20 to 120 words. */
export function answer(rng: Rng): string {
  const parts = [rng.pick(INTROS)];
  if (rng.chance(0.6)) parts.push(`## ${rng.pick(['Changes', 'What I found', 'Next steps', 'Summary'])}`);
  parts.push(
    rng
      .sample(BULLETS, rng.int(2, 4))
      .map((b) => `- ${b}`)
      .join('\n'),
  );
  if (rng.chance(0.5)) {
    const [lang, code] = rng.pick(LANGS);
    parts.push(`\`\`\`${lang}\n${code}\n\`\`\``);
  }
  if (rng.chance(0.4)) parts.push(`See ${rng.pick(LINKS)} for the details.`);
  return parts.join('\n\n');
}

export function shortReply(rng: Rng, to: string): string {
  const quoted = to.length > 60 ? `${to.slice(0, 57)}...` : to;
  return rng.pick([`Got it: "${quoted}". Let me take care of that.`, `Understood. I will handle "${quoted}" next.`, `Sure. Working on "${quoted}" now.`]);
}

export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

/**
 * Splits text into streamed chunks of a few words each. Joining the chunks gives the text back.
 * Returns at most `maxChunks` chunks (the last one takes the rest).
 */
export function chunk(rng: Rng, text: string, maxChunks = 40): string[] {
  const tokens = text.split(/(\s+)/).filter((t) => t.length > 0);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const take = out.length === maxChunks - 1 ? tokens.length - i : rng.int(2, 6);
    out.push(tokens.slice(i, i + take).join(''));
    i += take;
  }
  return out;
}
