// Component tests opt into jsdom with `// @vitest-environment jsdom`; node tests never load the DOM tools.
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  // vitest globals are off, so testing-library cannot register its own cleanup.
  afterEach(cleanup);
}
