/** Flags every Chromium launched here needs on these offline machines. */
export const CHROMIUM_ARGS: readonly string[];
/** Path of a Chromium to drive (env CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser), or undefined. */
export function findChromium(): string | undefined;
/** Makes sure a Chromium exists (apt-get as root, else Playwright's download); returns its path or 'playwright'. */
export function ensureChromium(): string;
