import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiSources, contentSecurityPolicy, inlineScriptHashes, workspaceSocketSources } from './csp';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the CSP', () => {
  it('hashes inline scripts exactly as written, and only those', () => {
    const html = '<script>\n  boot();\n</script><script type="module" src="/assets/index.js"></script><script type="module">\n</script>';
    expect(inlineScriptHashes(html)).toEqual([sha('\n  boot();\n')]);
  });

  it('has the directives the issue asks for; frame-ancestors only in the header form', () => {
    const header = contentSecurityPolicy({ scriptHashes: ["'sha256-x'"] });
    for (const d of [
      "default-src 'self'",
      "script-src 'self' 'sha256-x'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "worker-src 'self'",
    ]) {
      expect(header).toContain(d);
    }
    expect(header).not.toContain('unsafe');
    expect(contentSecurityPolicy({ scriptHashes: [], forMeta: true })).not.toContain('frame-ancestors');
  });

  it('lets the bundle reach a SAM API elsewhere, its sockets included', () => {
    expect(apiSources('https://api.sam.example/')).toEqual(['https://api.sam.example', 'wss://api.sam.example']);
    expect(contentSecurityPolicy({ scriptHashes: [], connect: apiSources('http://127.0.0.1:8787') })).toContain(
      "connect-src 'self' http://127.0.0.1:8787 ws://127.0.0.1:8787",
    );
    expect(apiSources(undefined)).toEqual([]);
  });

  it("lets the bundle reach the VM agents' boot-log sockets on SAM's workspace hosts, and nothing else", () => {
    expect(workspaceSocketSources('https://api.sam.example/')).toEqual(['wss://*.sam.example']);
    expect(workspaceSocketSources('http://127.0.0.1:8787')).toEqual([]);
    expect(workspaceSocketSources(undefined)).toEqual([]);
  });
});
