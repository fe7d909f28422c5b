import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe-core on the page as it is now: "rule (impact): help: targets" for each serious or critical
 * violation (empty when there is none). Legacy mode runs axe in the page itself (the app has no
 * frames) and only violations are collected: 2-3 times faster than the default, same findings.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => {
        // color-contrast says which colours and ratio; other rules say enough in their help text.
        const detail = v.id === 'color-contrast' ? ` [${(n.any[0]?.message ?? '').replace(/\s+/g, ' ')}]` : '';
        return `${n.target.join(' ')}${detail}`;
      });
      const more = v.nodes.length > 6 ? ` (+${v.nodes.length - 6} more)` : '';
      return `${v.id} (${v.impact}): ${v.help}: ${nodes.join(' | ')}${more}`;
    });
}
