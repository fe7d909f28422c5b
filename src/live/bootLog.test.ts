import { describe, expect, it } from 'vitest';
import { BOOT_LOG_CONNECT_TIMEOUT_MS, CANNOT_CONNECT, bootLogSocketUrl, openBootLog } from './bootLog';
import { createFakeEnv } from './testing/fakeEnv';

const TOKEN = { token: 'tok/en', expiresAt: 1_795_262_400_000, workspaceUrl: 'https://ws-ws1.sam.example' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const line = (message: string, extra: Record<string, unknown> = {}) => ({
  type: 'log',
  step: 'git_clone',
  status: 'completed',
  message,
  timestamp: '2026-11-21T12:00:00Z',
  ...extra,
});

async function opened(maxLines?: number) {
  const env = createFakeEnv();
  const stream = openBootLog({ env, workspaceId: 'ws1', workspaceUrl: null, token: () => Promise.resolve(TOKEN), maxLines });
  await settle();
  const socket = env.latestSocket();
  socket.serverOpen();
  return { env, stream, socket };
}

describe('the boot log stream', () => {
  it("builds the VM agent's socket address the way SAM's web app does", () => {
    expect(bootLogSocketUrl('https://ws-ws1.sam.example', 'a b', 'ws1')).toBe('wss://ws-ws1.sam.example/boot-log/ws?token=a%20b&workspace=ws1');
    expect(bootLogSocketUrl('http://localhost:8787/x', 't', 'w')).toBe('ws://localhost:8787/boot-log/ws?token=t&workspace=w');
  });

  it('streams lines in order, once per frame, as plain text', async () => {
    const { env, stream, socket } = await opened();
    expect(socket.url).toBe('wss://ws-ws1.sam.example/boot-log/ws?token=tok%2Fen&workspace=ws1');
    expect(stream.snapshot().status).toBe('streaming');
    let changes = 0;
    stream.subscribe(() => (changes += 1));
    socket.serverSend(line('Cloning repository'));
    socket.serverSend(line('\u001b[32mRepository cloned\u001b[0m'));
    expect(stream.snapshot().log.lines).toHaveLength(0);
    env.runFrame();
    expect(changes).toBe(1);
    expect(stream.snapshot().log.lines.map((l) => l.text)).toEqual(['Cloning repository', 'Repository cloned']);
  });

  it('drops frames that are not boot-log lines and keeps going', async () => {
    const { env, stream, socket } = await opened();
    socket.serverSend('not json');
    socket.serverSend({ type: 'log', message: 42 });
    socket.serverSend(line('after'));
    env.runFrame();
    expect(stream.snapshot().log.lines.map((l) => l.text)).toEqual(['after']);
  });

  it('ends on complete and closes the socket', async () => {
    const { stream, socket } = await opened();
    socket.serverSend(line('Workspace is ready'));
    socket.serverSend({ type: 'complete' });
    expect(stream.snapshot().status).toBe('complete');
    expect(stream.snapshot().log.lines).toHaveLength(1);
    expect(socket.closedWith).not.toBeNull();
  });

  it('keeps only the newest lines of a flood, even between frames', async () => {
    const { env, stream, socket } = await opened(50);
    for (let i = 0; i < 1_000; i++) socket.serverSend(line(`line ${i}`));
    env.runFrame();
    const { lines, dropped } = stream.snapshot().log;
    expect(lines).toHaveLength(50);
    expect(lines[0]?.text).toBe('line 950');
    expect(lines.at(-1)?.text).toBe('line 999');
    expect(dropped).toBe(950);
  });

  it('says why when no token is given', async () => {
    const env = createFakeEnv();
    const stream = openBootLog({
      env,
      workspaceId: 'ws1',
      workspaceUrl: null,
      token: () => Promise.reject(new Error('Workspace is not accessible (status: stopped)')),
    });
    await settle();
    expect(stream.snapshot()).toMatchObject({ status: 'unavailable', problem: 'Workspace is not accessible (status: stopped)' });
    expect(env.sockets).toHaveLength(0);
  });

  it('says it cannot connect when the socket closes without ever opening (seen against SAM offline)', async () => {
    const env = createFakeEnv();
    const stream = openBootLog({ env, workspaceId: 'ws1', workspaceUrl: null, token: () => Promise.resolve(TOKEN) });
    await settle();
    env.latestSocket().serverClose(1006);
    expect(stream.snapshot()).toMatchObject({ status: 'unavailable', problem: CANNOT_CONNECT });
  });

  it('says it cannot connect when the browser refuses the address outright', async () => {
    const env = createFakeEnv();
    const refusing = class {
      constructor() {
        throw new DOMException("Refused to connect to 'wss://ws-ws1.sam.example/'", 'SecurityError');
      }
    } as unknown as typeof env.WebSocket;
    const stream = openBootLog({ env: { ...env, WebSocket: refusing }, workspaceId: 'ws1', workspaceUrl: null, token: () => Promise.resolve(TOKEN) });
    await settle();
    expect(stream.snapshot()).toMatchObject({ status: 'unavailable', problem: CANNOT_CONNECT });
  });

  it('gives up on a socket that neither opens nor fails in time (seen against SAM offline), and closes it', async () => {
    const env = createFakeEnv();
    const stream = openBootLog({ env, workspaceId: 'ws1', workspaceUrl: null, token: () => Promise.resolve(TOKEN) });
    await settle();
    const socket = env.latestSocket();
    env.advance(BOOT_LOG_CONNECT_TIMEOUT_MS - 1);
    expect(stream.snapshot().status).toBe('connecting');
    env.advance(1);
    expect(stream.snapshot()).toMatchObject({ status: 'unavailable', problem: CANNOT_CONNECT });
    expect(socket.closedWith).not.toBeNull();
  });

  it('a socket that opens in time is not given up on later', async () => {
    const { env, stream } = await opened();
    env.advance(2 * BOOT_LOG_CONNECT_TIMEOUT_MS);
    expect(stream.snapshot().status).toBe('streaming');
  });

  it('a stream that opened and then closed says closed', async () => {
    const { stream, socket } = await opened();
    socket.serverClose(1006);
    expect(stream.snapshot().status).toBe('closed');
  });

  it('opens nothing once closed before the token came', async () => {
    const env = createFakeEnv();
    const stream = openBootLog({ env, workspaceId: 'ws1', workspaceUrl: null, token: () => Promise.resolve(TOKEN) });
    stream.close();
    await settle();
    expect(env.sockets).toHaveLength(0);
  });
});
