import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  define: { __SIMULATED__: 'true' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'mocks/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
    environment: 'node',
    // Node 20 has no global WebSocket without this flag; msw/node's ws interception needs one.
    execArgv: ['--experimental-websocket'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // CI machines have 2 cores shared by every suite; a timeout here means stuck, never slow.
    testTimeout: 30_000,
  },
});
