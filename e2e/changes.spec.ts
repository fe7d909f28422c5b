import { expect, test, type Page } from '@playwright/test';
import { chatRegion, openProject, openSession, openSim, sim } from './support/sim';

/*
 * Issue 17 item 1, what the agent changed: from a chat, its workspace's changed files (status letters,
 * +/- counts), the unified diff (collapse a file, jump between hunks by key and by button), the file browser
 * and viewer, and a stopped workspace saying so with a Retry that works once it runs again. The simulated
 * workspace is mocks/workspace/repo.ts, served with SAM's proxy shapes and errors (mocks/http/workspace.ts).
 */

const changedFiles = (page: Page) => page.getByRole('navigation', { name: 'Changed files' });
const fileListToggle = (page: Page) => page.getByRole('button', { name: /^Changed files \(\d+\)$/ });

/** The list of changed files: open at 1280 px, one tap away on a phone (which shows the diff first). */
async function showChangedFiles(page: Page) {
  if ((await fileListToggle(page).getAttribute('aria-expanded')) === 'false') await fileListToggle(page).click();
  await expect(changedFiles(page)).toBeVisible();
}
const diff = (page: Page) => page.getByRole('region', { name: 'Diff' });

async function openChanges(page: Page, project: string, topic: string) {
  await openSim(page);
  await openProject(page, project);
  await openSession(page, topic);
  await chatRegion(page).getByRole('link', { name: 'Changes' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace changes', level: 1 })).toBeVisible();
}

test('shows the changed files with their letters and counts, collapses one, and jumps between hunks', async ({ page }) => {
  await openChanges(page, 'billing-service', 'Fix timezone bug in the billing report');
  // The diff is on screen at once, at any width.
  await expect(diff(page).locator('[data-kind="hunk"]').first()).toBeInViewport();
  const narrow = (page.viewportSize()?.width ?? 0) < 768;
  await expect(fileListToggle(page)).toHaveAttribute('aria-expanded', narrow ? 'false' : 'true');
  await showChangedFiles(page);

  const retry = changedFiles(page).getByRole('button', { name: /src\/server\/retry\.ts/ });
  await expect(retry).toContainText('modified');
  await expect(retry).toContainText('+6');
  await expect(retry).toContainText('−3');
  await expect(changedFiles(page).getByRole('button', { name: /^untracked scripts\/migrate\.py/ })).toContainText('+10');
  await expect(changedFiles(page).getByRole('button', { name: /^deleted src\/legacy\/moment-shim\.js/ })).toBeVisible();
  await expect(page.getByText(/^10 files · \+\d+ −\d+ \(1 not loaded\)$/)).toBeVisible();

  // Collapse the staged change of src/index.ts: its lines go, its header stays.
  const indexHeader = diff(page).getByRole('button', { name: 'modified src/index.ts (staged)' });
  await expect(indexHeader).toHaveAttribute('aria-expanded', 'true');
  await expect(diff(page).getByText('export const queue = new WebhookQueue();')).toBeVisible();
  await indexHeader.click();
  await expect(indexHeader).toHaveAttribute('aria-expanded', 'false');
  await expect(diff(page).getByText('export const queue = new WebhookQueue();')).toHaveCount(0);

  // `n` lands on the first hunk header still shown (the collapsed file's is gone), the button on the next.
  await page.keyboard.press('n');
  await expect(page.getByRole('status').filter({ hasText: /^Hunk 1 of \d+$/ })).toBeVisible();
  const firstHunk = diff(page).locator('[data-kind="hunk"]', { hasText: '@@ -1,8 +1,10 @@' });
  await expect(firstHunk).toBeInViewport();
  await page.getByRole('button', { name: 'Next hunk' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Hunk 2 of \d+$/ })).toBeVisible();
  await page.getByRole('button', { name: 'Previous hunk' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Hunk 1 of \d+$/ })).toBeVisible();
  await expect(firstHunk).toBeInViewport();

  // The file git quotes (a space in its name) is one SAM's proxy refuses: said, not hidden.
  await changedFiles(page)
    .getByRole('button', { name: /my notes\.md/ })
    .click();
  await expect(diff(page).getByText(/SAM refuses this path/)).toBeInViewport();
  // The binary file says so instead of drawing lines.
  await changedFiles(page)
    .getByRole('button', { name: /assets\/logo\.png/ })
    .click();
  await expect(diff(page).getByText('Binary files a/assets/logo.png and b/assets/logo.png differ')).toBeInViewport();
});

test('browses the folders, finds a file by name and shows its text', async ({ page }) => {
  await openChanges(page, 'billing-service', 'Fix timezone bug in the billing report');
  await page.getByRole('navigation', { name: 'Workspace views' }).getByRole('link', { name: 'Files' }).click();

  const listing = page.getByRole('list', { name: 'Files in the workspace' });
  await listing.getByRole('link', { name: /^src \(folder\)/ }).click();
  await page
    .getByRole('list', { name: 'Files in src' })
    .getByRole('link', { name: /^server \(folder\)/ })
    .click();
  await page
    .getByRole('list', { name: 'Files in src/server' })
    .getByRole('link', { name: /^retry\.ts/ })
    .click();
  const contents = page.getByRole('region', { name: 'Contents of src/server/retry.ts' });
  await expect(contents).toContainText('export async function withRetry');
  // Highlighted by the worker: `export` becomes a keyword token (drawn as a span, never as markup from the wire).
  await expect(contents.locator('span[class*="6639ba"]', { hasText: /^export$/ }).first()).toBeVisible();
  await expect(page.getByText(/· 23 lines$/)).toBeVisible();

  await page.getByRole('link', { name: 'Back to the folder' }).click();
  await page.getByRole('searchbox', { name: 'Find a file by name' }).fill('migrate');
  await page.getByRole('list', { name: 'Matching files' }).getByRole('link', { name: 'scripts/migrate.py' }).click();
  await expect(page.getByRole('region', { name: 'Contents of scripts/migrate.py' })).toContainText('def migrate(path: str) -> int:');

  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Find a file by name' })).toBeVisible();
});

test('a stopped workspace says so and what to do, and Retry reads it once it runs again', async ({ page }) => {
  const topic = 'Upgrade the ORM and fix the breaking changes';
  await openChanges(page, 'lookout-web', topic);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The workspace is stopped');
  await expect(alert).toContainText('Send the chat a message to wake it, then retry.');

  const [session] = await sim(page).world.sessions(topic);
  await page.evaluate((id) => window.__lookoutSim!.world.sessions.setStatus(id, 'active'), session!.id);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await showChangedFiles(page);
  await expect(changedFiles(page).getByRole('button', { name: /src\/server\/retry\.ts/ })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
