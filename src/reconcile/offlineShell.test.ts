import { describe, expect, it } from 'vitest';
import { OFFLINE_NOTICE_ID, offlineNoticeText, withOfflineNotice } from './offlineShell';

describe('the offline shell', () => {
  const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

  it('says since when the state is shown, or that Lookout never reached the network here', () => {
    expect(offlineNoticeText(Date.UTC(2026, 11, 7, 14, 3), hhmm)).toBe('Offline, showing the state as of 14:03.');
    expect(offlineNoticeText(null, hhmm)).toMatch(/^Offline: /);
  });

  it("puts the notice first in the body, escaped, and adds no script (the CSP's hashes stay valid)", () => {
    const shell =
      '<!doctype html><html><head><script>theme()</script></head><body class="x">\n<div id="root"></div><script type="module" src="/a.js"></script></body></html>';
    const page = withOfflineNotice(shell, 'Offline <b>&</b>');
    expect(page).toContain(`<body class="x">\n    <p id="${OFFLINE_NOTICE_ID}" role="status"`);
    expect(page).toContain('Offline &lt;b&gt;&amp;&lt;/b&gt;</p>');
    expect(page.indexOf(OFFLINE_NOTICE_ID)).toBeLessThan(page.indexOf('id="root"'));
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(withOfflineNotice('no body here', 'x')).toBe('no body here');
  });
});
