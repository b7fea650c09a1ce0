import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests start the CLI as a process (a second or so each on 2 busy cores): give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    exclude: ['**/node_modules/**', '.scratch/**', 'reports/**'],
  },
});
