// A TCP relay between Lookout's live server and SAM, so a test can cut the network in between the way a
// phone losing signal or a deploy would: `cut` ends every open connection (sockets see a close), and
// refuses new ones until `restore`. A small HTTP control port takes those words from the tests.
import { createServer as createTcpServer, connect } from 'node:net';
import { createServer as createHttpServer } from 'node:http';

/**
 * @param {{ listenPort: number, targetPort: number, controlPort: number }} ports
 * @returns {Promise<{ close(): Promise<void> }>}
 */
export async function startRelay({ listenPort, targetPort, controlPort }) {
  const open = new Set();
  let cut = false;
  const relay = createTcpServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    const pair = { client, upstream };
    open.add(pair);
    const end = () => {
      open.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const control = createHttpServer((req, res) => {
    if (req.url === '/cut') {
      cut = true;
      const ended = open.size;
      for (const { client, upstream } of open) {
        client.destroy();
        upstream.destroy();
      }
      open.clear();
      res.end(JSON.stringify({ cut: true, ended }));
    } else if (req.url === '/restore') {
      cut = false;
      res.end(JSON.stringify({ cut: false }));
    } else {
      res.end(JSON.stringify({ cut, open: open.size }));
    }
  });
  await Promise.all([
    new Promise((resolve) => relay.listen(listenPort, '127.0.0.1', resolve)),
    new Promise((resolve) => control.listen(controlPort, '127.0.0.1', resolve)),
  ]);
  return {
    close: () =>
      new Promise((resolve) => {
        for (const { client, upstream } of open) {
          client.destroy();
          upstream.destroy();
        }
        control.close();
        relay.close(() => resolve());
      }),
  };
}
