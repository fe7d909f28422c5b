import type { LiveEngine } from '../engine';
import { startPersisting } from './start';

/** The app's persister (loaded by src/main.tsx at startup, beside the first render): the buster is the build's version. */
export function persistInBrowser(engine: LiveEngine): void {
  startPersisting(engine, { buster: __APP_VERSION__ });
}
