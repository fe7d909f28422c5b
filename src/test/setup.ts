// Component tests opt into jsdom with `// @vitest-environment jsdom`; node tests never load the DOM tools.
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup, configure } = await import('@testing-library/react');
  // vitest globals are off, so testing-library cannot register its own cleanup.
  afterEach(cleanup);
  // findBy/waitFor give up after 1 s by default: on a 2-core machine under load that is luck, not a verdict.
  // What they wait for is a render, never a timer, so a long limit costs nothing when the test passes.
  configure({ asyncUtilTimeout: 15_000 });
}
