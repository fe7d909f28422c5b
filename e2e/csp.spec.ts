import { expect, test, type Page } from '@playwright/test';
import { chatRegion, openProject, openSim } from './support/sim';

/*
 * The bundle runs under its Content-Security-Policy (sent by `vite preview` as a header, and carried in
 * index.html as a <meta>): a journey through the app raises no violation, and the policy is really
 * enforced (a script injected at run time is refused).
 */

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function recordViolations(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations!.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return console;
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

test('the server sends the policy, frame-ancestors included', async ({ page }) => {
  const response = await page.request.get('/');
  const policy = response.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self' 'sha256-"]) {
    expect(policy).toContain(directive);
  }
});

test('a journey through the app raises no CSP violation, and an injected script is refused', async ({ page }) => {
  test.slow(); // a whole journey on a shared 2-core machine
  const consoleErrors = await recordViolations(page);
  await openSim(page, { scenario: 'hostile' });
  // The theme boot is the one inline script: a dark choice applies before React, after a reload.
  await page.getByRole('button', { name: /theme; switch to/ }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('banner').getByRole('link', { name: 'Lookout' }).click();
  const firstProject = page.getByRole('main').getByRole('listitem').getByRole('link').first();
  const name = (await firstProject.getByRole('heading', { level: 2 }).textContent()) ?? '';
  await openProject(page, name);
  let list = page.getByRole('complementary', { name: 'Chats' });
  if (!(await list.isVisible())) {
    await page.getByRole('button', { name: 'Chats', exact: true }).click();
    list = page.getByRole('dialog', { name: 'Chats' });
  }
  await list.getByRole('link').first().click();
  await expect(chatRegion(page).getByRole('heading', { level: 1 })).toBeVisible();

  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);

  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return (window as { __injected?: boolean }).__injected === true;
  });
  expect(ran, 'an injected inline script must not run').toBe(false);
  // Reported once per policy that refused it: the header's and the <meta>'s.
  await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
  for (const violation of await violations(page)) expect(violation).toMatch(/^script-src(-elem)? blocked inline/);
});
