// Preloaded (`node --import`) into the seeding script, and imported by server.mjs. Two failures of
// wrangler's dev proxy in front of SAM, neither of them SAM's (nothing reaches SAM's log), each met by
// sending the request once more:
// - Under load, a `wrangler d1 execute` between two calls outlasts the proxy's keep-alive; it closes the
//   idle connection and Node's fetch, reusing it, fails with "other side closed" or EPIPE before sending.
// - The proxy loses its own connection to the worker while forwarding (cloudflare/workers-sdk#15451)
//   and answers 500 "Network connection lost."; a read (GET or HEAD) is safe to send again.
const originalFetch = globalThis.fetch;

/** The reused connection was found closed: on reading ("other side closed") or on writing the request (EPIPE, seen seeding on a loaded machine). */
function isClosedIdleConnection(error) {
  return error instanceof TypeError && (error.cause?.code === 'UND_ERR_SOCKET' || error.cause?.code === 'EPIPE');
}

async function isLostForward(response, init) {
  const method = (init?.method ?? 'GET').toUpperCase();
  if (response.status !== 500 || (method !== 'GET' && method !== 'HEAD')) return false;
  return /Network connection lost/.test(await response.clone().text());
}

// Patched once per process, however many modules import this one.
if (!originalFetch.name.startsWith('fetchOnceMore'))
  globalThis.fetch = async function fetchOnceMoreOnProxyFailure(input, init) {
    let response;
    try {
      response = await originalFetch(input, init);
    } catch (error) {
      if (!isClosedIdleConnection(error)) throw error;
      return originalFetch(input, init);
    }
    return (await isLostForward(response, init)) ? originalFetch(input, init) : response;
  };
