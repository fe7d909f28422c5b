// wrangler dev (4.118, the version SAM's lockfile pins) exits when its ProxyWorker fails to forward a
// single request to the worker, which happens whenever a client gives up on a request in flight: a
// browser navigating away, a page closing, the relay cutting the network. Measured here: the dev
// server died with an empty "✘ [ERROR]" and exit code 1, the cause being "Error inside ProxyWorker:
// Network connection lost." (cloudflare/workers-sdk#15451, #15317; fixed upstream by keeping the
// server up and failing only that request). SAM's API is not involved, so the harness gives its
// wrangler the same behaviour: the failed forward is logged, the one request fails, SAM stays up.
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FATAL = 'this.emitErrorEvent("Error inside ProxyWorker", message.error);';
const MARK = '/* lookout: a failed forward fails one request, not the dev server */';
const LOGGED = `${MARK} logger2.warn("[lookout] a request to the worker failed in wrangler's proxy and was dropped:", message.error?.message ?? message.error);`;

/** Returns what it did: 'patched', 'already', or why it could not (the suite then runs unpatched). */
export function keepDevServerAliveOnFailedForward(checkout) {
  const linked = join(checkout, 'apps/api/node_modules/wrangler');
  if (!existsSync(linked)) return 'no wrangler installed for apps/api';
  const wrangler = realpathSync(linked);
  const cli = join(wrangler, 'wrangler-dist/cli.js');
  const source = readFileSync(cli, 'utf8');
  if (source.includes(MARK)) return 'already';
  // Both of wrangler's proxy controllers (local and remote dev) carry the same fatal line.
  const pieces = source.split(FATAL);
  if (pieces.length === 1) return `${wrangler}: the proxy's error handling is not the one this patch knows`;
  writeFileSync(cli, pieces.join(LOGGED));
  return `patched (${pieces.length - 1} places)`;
}
