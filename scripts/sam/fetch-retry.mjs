// Preloaded (`node --import`) into the seeding script, and imported by server.mjs. Under load, a `wrangler d1 execute` between two
// calls outlasts the keep-alive of wrangler's dev proxy, which then closes the idle connection; Node's
// fetch reuses it and fails with "other side closed" before the request reaches SAM (nothing in SAM's
// log). Such a request is sent again once, on a new connection.
const originalFetch = globalThis.fetch;

function isClosedIdleConnection(error) {
  return error instanceof TypeError && error.cause?.code === 'UND_ERR_SOCKET';
}

// Patched once per process, however many modules import this one.
if (!originalFetch.name.startsWith('fetchOnceMore')) globalThis.fetch = async function fetchOnceMoreOnClosedConnection(input, init) {
  try {
    return await originalFetch(input, init);
  } catch (error) {
    if (!isClosedIdleConnection(error)) throw error;
    return originalFetch(input, init);
  }
};
