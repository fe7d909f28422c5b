import type { LiveEngine } from '../engine';
import { startPersisting, type PersistOptions } from './start';

/** The app's persister (loaded by src/main.tsx at startup, beside the first render): the buster is the build's version. */
export function persistInBrowser(engine: LiveEngine, asked: PersistOptions['asked']): void {
  startPersisting(engine, { buster: __APP_VERSION__, asked });
}
