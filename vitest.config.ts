import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Several tests start the CLI as a process (a second or so each on 2 busy cores): give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    exclude: ['**/node_modules/**', '.scratch/**', 'reports/**'],
    // `npm test` runs both; `vitest run --project e2e` runs the ones through a real Appium server alone.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', '**/node_modules/**', '.scratch/**', 'reports/**'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
